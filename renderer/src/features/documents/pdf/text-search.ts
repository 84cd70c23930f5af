/**
 * Search in page text the way a reader expects: case and accents do not matter ("camara" finds
 * "Cámara"). Pure functions so the rules are tested without pdf.js.
 */
export const normalizeForSearch = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/\p{Mn}/gu, '')
    .toLowerCase();

/** How many times `query` occurs in `text` (non-overlapping), after normalising both. */
export function countMatches(text: string, query: string): number {
  const needle = normalizeForSearch(query.trim());
  if (needle === '') return 0;
  const haystack = normalizeForSearch(text);
  let count = 0;
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + needle.length)) count += 1;
  return count;
}

export interface PageMatches {
  readonly page: number;
  readonly count: number;
}

/** The match the viewer moves to after `current` (wrapping), or null when there is none. */
export function stepMatch(matches: readonly PageMatches[], current: number, step: 1 | -1): number | null {
  const total = matches.reduce((sum, m) => sum + m.count, 0);
  if (total === 0) return null;
  return (((current + step) % total) + total) % total;
}

/** The page holding the `index`-th match (0-based, counting through pages in order). */
export function pageOfMatch(matches: readonly PageMatches[], index: number): number | null {
  let remaining = index;
  for (const m of matches) {
    if (remaining < m.count) return m.page;
    remaining -= m.count;
  }
  return null;
}
