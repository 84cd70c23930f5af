/**
 * Reading iCalendar content lines (RFC 5545 §3.1) defensively: unfolding, NAME;PARAM=…:VALUE
 * splitting with quoted parameter values. Linear in the input, no regex backtracking on
 * attacker-sized strings, never throws.
 */

export interface ContentLine {
  /** Upper-cased property name ('DTSTART', 'BEGIN', 'X-WR-TIMEZONE'). */
  readonly name: string;
  /** Upper-cased parameter names → raw values (quotes removed). */
  readonly params: Readonly<Record<string, string>>;
  readonly value: string;
}

/** Physical lines → logical lines (a line starting with a space or tab continues the previous one). */
export function unfold(text: string): string[] {
  const physical = text.split(/\r\n|\n|\r/);
  const logical: string[] = [];
  for (const line of physical) {
    const first = line.charCodeAt(0);
    if ((first === 0x20 || first === 0x09) && logical.length > 0) logical[logical.length - 1] += line.slice(1);
    else if (line.length > 0) logical.push(line);
  }
  return logical;
}

const NAME_CHAR = /[A-Za-z0-9-]/;
const MAX_PARAMS = 30;

/** One logical line → its parts, or null when it is not a content line. */
export function parseContentLine(line: string): ContentLine | null {
  let i = 0;
  while (i < line.length && i < 128 && NAME_CHAR.test(line.charAt(i))) i++;
  if (i === 0) return null;
  const name = line.slice(0, i).toUpperCase();
  const params: Record<string, string> = {};
  let count = 0;
  while (line.charAt(i) === ';') {
    if (++count > MAX_PARAMS) return null;
    const eq = line.indexOf('=', i);
    if (eq < 0) return null;
    const paramName = line.slice(i + 1, eq).toUpperCase();
    i = eq + 1;
    let value = '';
    // A value may be a comma-separated list of plain or quoted parts.
    for (;;) {
      if (line.charAt(i) === '"') {
        const close = line.indexOf('"', i + 1);
        if (close < 0) return null;
        value += line.slice(i + 1, close);
        i = close + 1;
      } else {
        let j = i;
        while (j < line.length && !';:,'.includes(line.charAt(j))) j++;
        value += line.slice(i, j);
        i = j;
      }
      if (line.charAt(i) !== ',') break;
      value += ',';
      i++;
    }
    params[paramName] = value;
  }
  if (line.charAt(i) !== ':') return null;
  return { name, params, value: line.slice(i + 1) };
}
