import { DocumentCategory, type DocumentView } from '../../../../../shared/contract/documents';

export type PartyFilter = 'all' | DocumentView['submittedBy'];

export interface DocumentFilter {
  readonly category: DocumentCategory | 'all';
  readonly party: PartyFilter;
}

export interface CategoryGroup {
  readonly category: DocumentCategory;
  readonly documents: readonly DocumentView[];
}

const newestFirst = (a: DocumentView, b: DocumentView): number => b.receivedAt.localeCompare(a.receivedAt) || a.fileName.localeCompare(b.fileName);

/** The documents that pass the filter, grouped by category in the contract's order, newest first within each. */
export function groupDocuments(documents: readonly DocumentView[], filter: DocumentFilter): readonly CategoryGroup[] {
  const shown = documents.filter((d) => (filter.category === 'all' || d.category === filter.category) && (filter.party === 'all' || d.submittedBy === filter.party));
  return DocumentCategory.options
    .map((category) => ({ category, documents: shown.filter((d) => d.category === category).sort(newestFirst) }))
    .filter((group) => group.documents.length > 0);
}

/** How many documents each category holds (the filter chips show only categories in use). */
export function categoryCounts(documents: readonly DocumentView[]): ReadonlyMap<DocumentCategory, number> {
  const counts = new Map<DocumentCategory, number>();
  for (const d of documents) counts.set(d.category, (counts.get(d.category) ?? 0) + 1);
  return new Map(DocumentCategory.options.filter((c) => counts.has(c)).map((c) => [c, counts.get(c) ?? 0]));
}

/** Original id → its redacted copies (newest first), for the "Versión tachada" links. */
export function redactedCopies(documents: readonly DocumentView[]): ReadonlyMap<string, readonly DocumentView[]> {
  const copies = new Map<string, DocumentView[]>();
  for (const d of [...documents].sort(newestFirst)) {
    if (d.redactedFrom) copies.set(d.redactedFrom, [...(copies.get(d.redactedFrom) ?? []), d]);
  }
  return copies;
}

/** Files over the size limit, refused before any byte is sent. */
export const isTooLarge = (file: Pick<File, 'size'>, maxBytes: number): boolean => file.size > maxBytes;
