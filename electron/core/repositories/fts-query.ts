/**
 * Turns what a user typed into a SAFE FTS5 query. User text never reaches MATCH as syntax:
 * it is cut into tokens of letters/digits (the same classes unicode61 indexes), every token is
 * double-quoted — so OR, NOT, NEAR(, *, -, ^, :, parentheses and quotes are plain words or
 * separators — and only the last token gets a `*` for prefix matching (typing "devol" finds
 * "devolución"). Tokens of one word stay one phrase ("RL-2026-004512" → "rl 2026 004512"),
 * words are ANDed.
 *
 * Returns null when nothing searchable remains (empty, or only punctuation): the caller then
 * applies no search filter rather than sending an empty MATCH, which would be an SQL error.
 */
const MAX_WORDS = 16;
const MAX_TOKEN_LENGTH = 64;
const TOKEN = /[\p{L}\p{N}\p{M}\p{Co}]+/gu;

export function toSafeFtsQuery(text: string): string | null {
  const words: string[][] = [];
  for (const word of text.normalize('NFC').split(/\s+/u)) {
    const tokens = (word.match(TOKEN) ?? []).map((token) => token.slice(0, MAX_TOKEN_LENGTH));
    if (tokens.length > 0) words.push(tokens);
    if (words.length === MAX_WORDS) break;
  }
  if (words.length === 0) return null;
  // Tokens hold no '"' (TOKEN excludes it), so wrapping in quotes cannot be escaped from.
  const phrases = words.map((tokens) => `"${tokens.join(' ')}"`);
  phrases[phrases.length - 1] += '*';
  return phrases.join(' ');
}
