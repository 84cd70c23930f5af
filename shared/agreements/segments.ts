import type { AgreementClause, TextRun } from './content';
import { VariableName } from './content';

/**
 * A text split at its `{{placeholders}}`, for rendering and for the editor's highlighting.
 * `{{name}}` with a valid name is a variable; anything else between double braces
 * (`{{Monto}}`, `{{ monto }}`, `{{}}`) is `malformed` so it can be flagged, not silently printed.
 */
export type TextSegment =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'variable'; readonly name: string; readonly raw: string }
  | { readonly kind: 'malformed'; readonly raw: string };

const PLACEHOLDER = /\{\{([^{}]*)\}\}/g;

export function segmentText(text: string): TextSegment[] {
  const segments: TextSegment[] = [];
  let last = 0;
  for (const match of text.matchAll(PLACEHOLDER)) {
    if (match.index > last) segments.push({ kind: 'text', text: text.slice(last, match.index) });
    const inner = match[1] ?? '';
    segments.push(VariableName.safeParse(inner).success ? { kind: 'variable', name: inner, raw: match[0] } : { kind: 'malformed', raw: match[0] });
    last = match.index + match[0].length;
  }
  if (last < text.length) segments.push({ kind: 'text', text: text.slice(last) });
  return segments;
}

/** Segments of one run (same as segmentText on its text; marks stay with the run). */
export const segmentRun = (run: TextRun): TextSegment[] => segmentText(run.text);

/** Every text of a clause that may hold placeholders: its title and each run. */
export const clauseTexts = (clause: Pick<AgreementClause, 'title' | 'blocks'>): string[] => [clause.title, ...clause.blocks.flatMap((block) => block.runs.map((run) => run.text))];

/** Variable names a set of texts uses, in order of first use. */
export function variablesIn(texts: Iterable<string>): string[] {
  const names = new Set<string>();
  for (const text of texts) for (const segment of segmentText(text)) if (segment.kind === 'variable') names.add(segment.name);
  return [...names];
}
