/**
 * Chilean RUT/RUN (Rol Único Tributario / Nacional).
 *
 * Decision: the stored and exchanged form is CANONICAL — body digits without dots or leading
 * zeros, a hyphen, and the check digit with an upper-case K: "12345678-5", "10000013-K".
 * `isValidRut` (used by the Party schema) accepts only that form, so a row either holds one
 * spelling or fails validation; equality and search work on plain strings.
 * People type RUTs many ways ("12.345.678-5", "12345678-5", "123456785", "12.345.678-k", with
 * stray spaces around); forms call `normalizeRut` first and store what it returns.
 */

/** Longest body in use: RUNs and company RUTs stay below 100 million. */
const MAX_BODY_DIGITS = 8;

const CANONICAL = /^([1-9]\d{0,7})-([0-9K])$/;

/** Modulo 11 with factors 2..7 repeating from the right; 11 → "0", 10 → "K". */
export function computeCheckDigit(body: string): string {
  if (!/^\d{1,9}$/.test(body)) throw new RangeError(`RUT body must be 1-9 digits, got ${JSON.stringify(body)}`);
  let sum = 0;
  let factor = 2;
  for (let i = body.length - 1; i >= 0; i--) {
    sum += Number(body[i]) * factor;
    factor = factor === 7 ? 2 : factor + 1;
  }
  const rest = 11 - (sum % 11);
  if (rest === 11) return '0';
  if (rest === 10) return 'K';
  return String(rest);
}

/** True only for the canonical form with a correct check digit. */
export function isValidRut(value: string): boolean {
  const match = CANONICAL.exec(value);
  if (!match) return false;
  const [, body, dv] = match;
  return body !== undefined && computeCheckDigit(body) === dv;
}

/**
 * Turns what a person typed into the canonical form, or null if it is not a valid RUT.
 * Accepted: outer whitespace; dots only as thousands separators (all or none); hyphen before the
 * check digit optional; leading zeros (some systems pad to 9-10 digits); lower-case k.
 * Rejected: inner spaces, misplaced dots, other characters, a wrong check digit.
 */
export function normalizeRut(input: string): string | null {
  const match = /^(\d{1,3}(?:\.\d{3})+|\d+)-?([0-9kK])$/.exec(input.trim());
  if (!match) return null;
  const [, rawBody = '', rawDv = ''] = match;
  const body = rawBody.replaceAll('.', '').replace(/^0+/, '');
  if (body.length === 0 || body.length > MAX_BODY_DIGITS) return null;
  const dv = rawDv.toUpperCase();
  return computeCheckDigit(body) === dv ? `${body}-${dv}` : null;
}

/** For form validation: accepts anything `normalizeRut` can canonicalise. */
export const isValidRutInput = (input: string): boolean => normalizeRut(input) !== null;

/** "12345678-5" → "12.345.678-5", as printed on Chilean documents. Throws on a non-canonical RUT. */
export function formatRut(canonical: string): string {
  if (!isValidRut(canonical)) throw new RangeError(`Not a canonical RUT: ${JSON.stringify(canonical)}`);
  const [body = '', dv = ''] = canonical.split('-');
  return `${body.replace(/\B(?=(\d{3})+(?!\d))/g, '.')}-${dv}`;
}

/** Builds a canonical RUT from a numeric body (the demo generator uses it). */
export function rutFromBody(body: number): string {
  if (!Number.isInteger(body) || body < 1 || body >= 10 ** MAX_BODY_DIGITS) throw new RangeError(`RUT body out of range: ${body}`);
  const digits = String(body);
  return `${digits}-${computeCheckDigit(digits)}`;
}
