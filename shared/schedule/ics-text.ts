/**
 * RFC 5545 content lines: TEXT escaping (§3.3.11), parameter quoting (§3.2) and folding
 * (§3.1: lines of at most 75 octets, excluding CRLF, continued with one space). Folding
 * counts UTF-8 octets and never splits a character (a surrogate pair is one character).
 */

export const CRLF = '\r\n';
const MAX_LINE_OCTETS = 75;

// eslint-disable-next-line no-control-regex -- removing control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/** Escapes a TEXT value: backslash, semicolon, comma and newlines; drops other control characters. */
export function escapeText(value: string): string {
  return value
    .replace(CONTROL, '')
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/** The inverse of escapeText (for the importer): \n, \N, \, \; \\ . */
export function unescapeText(value: string): string {
  return value.replace(/\\([\\;,nN])/g, (_, char: string) => (char === 'n' || char === 'N' ? '\n' : char));
}

/** A parameter value (CN=…): quoted when needed; DQUOTE and control characters cannot appear at all. */
export function paramValue(value: string): string {
  const clean = value.replace(CONTROL, '').replace(/[\r\n"]/g, ' ');
  return /[:;,]/.test(clean) ? `"${clean}"` : clean;
}

const utf8Length = (codePoint: number): number => (codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4);

/** Folds one unfolded content line into CRLF-joined physical lines of ≤ 75 octets each. */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = utf8Length(char.codePointAt(0) ?? 0);
    if (octets + size > MAX_LINE_OCTETS) {
      parts.push(current);
      current = ' ';
      octets = 1;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join(CRLF);
}

/** Content lines → an iCalendar stream: folded, CRLF after every line (including the last). */
export const joinLines = (lines: readonly string[]): string => lines.map(foldLine).join(CRLF) + CRLF;
