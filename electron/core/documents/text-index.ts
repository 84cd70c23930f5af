import type { DocumentHit } from '../../../shared/contract/documents';
import type { z } from 'zod';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { SqliteHandle } from '../db/store';
import { toSafeFtsQuery } from '../repositories/fts-query';
import { sanitizeFileName } from '../../../shared/documents/file-name';

type Hit = z.infer<typeof DocumentHit>;

/**
 * Write-transaction only. Replaces a document's extracted text: one row per PDF page (page
 * 1…n) or one row without page (e-mail, plain text). document_text_fts follows by triggers;
 * the case's document in case_documents_fts is rebuilt here.
 */
export function replaceDocumentText(sqlite: SqliteHandle, documentId: string, caseId: string, pages: readonly string[] | null, paged: boolean): boolean {
  sqlite.prepare('DELETE FROM document_text WHERE document_id = ?').run(documentId);
  const insert = sqlite.prepare('INSERT INTO document_text (document_id, page, body) VALUES (?, ?, ?)');
  let indexed = false;
  for (const [index, body] of (pages ?? []).entries()) {
    if (body.trim() === '') continue;
    insert.run(documentId, paged ? index + 1 : null, body);
    indexed = true;
  }
  sqlite.prepare('UPDATE documents SET text_indexed = ? WHERE id = ?').run(indexed ? 1 : 0, documentId);
  refreshCaseDocumentSearch(sqlite, caseId);
  return indexed;
}

/**
 * One FTS document per case (rowid = cases.rowid) with the text of all its documents, so the
 * case list's search finds a case by what its evidence says with one lookup (as 0004 does for
 * messages). Rebuilt per case when a document's text changes: a case has tens of documents,
 * not thousands.
 */
export function refreshCaseDocumentSearch(sqlite: SqliteHandle, caseId: string): void {
  sqlite.prepare('DELETE FROM case_documents_fts WHERE rowid = (SELECT rowid FROM cases WHERE id = ?)').run(caseId);
  sqlite
    .prepare(
      `INSERT INTO case_documents_fts (rowid, body)
         SELECT cases.rowid, group_concat(document_text.body, char(10))
         FROM cases JOIN documents ON documents.case_id = cases.id JOIN document_text ON document_text.document_id = documents.id
         WHERE cases.id = ? GROUP BY cases.rowid`,
    )
    .run(caseId);
}

export const SNIPPET_OPEN = '«';
export const SNIPPET_CLOSE = '»';
const MAX_HITS = 200;

/**
 * The pages (or whole e-mails/texts) of a case's documents that match, best first, with a
 * snippet of about 16 words around the match marked «like this». The query is made safe by
 * toSafeFtsQuery (never FTS syntax).
 */
export async function searchCaseDocuments(db: Kysely<Database>, caseId: string, query: string): Promise<Hit[]> {
  const match = toSafeFtsQuery(query);
  if (match === null) return [];
  const { rows } = await sql<{ documentId: string; fileName: string; page: number | null; snippet: string }>`
    SELECT documents.id AS documentId, documents.file_name AS fileName, document_text.page AS page,
           snippet(document_text_fts, 0, ${SNIPPET_OPEN}, ${SNIPPET_CLOSE}, '…', 16) AS snippet
    FROM document_text_fts
    JOIN document_text ON document_text.id = document_text_fts.rowid
    JOIN documents ON documents.id = document_text.document_id
    WHERE document_text_fts MATCH ${match} AND documents.case_id = ${caseId}
    ORDER BY bm25(document_text_fts), documents.received_at DESC, document_text.page
    LIMIT ${MAX_HITS}`.execute(db);
  return rows.map((row) => ({ ...row, fileName: sanitizeFileName(row.fileName) ?? 'documento', snippet: row.snippet.slice(0, 1_000) }));
}
