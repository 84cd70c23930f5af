import { formatClp } from '../format/clp';

/**
 * Integers in Spanish words, as Chilean legal text writes amounts and periods:
 * "$150.000 (ciento cincuenta mil pesos)", "diez (10) días hábiles".
 *
 * Rules (RAE, masculine because pesos and días are masculine):
 * - "uno" is shortened to "un" before a noun and before "mil"/"millón": "un millón", "veintiún
 *   mil", "ciento un mil", "treinta y un pesos". The bare cardinal keeps "uno"/"veintiuno".
 * - 1000 is "mil" (never "un mil"); 100 is "cien", 101-199 "ciento …".
 * - Millions take "de" before the noun only when nothing follows them: "un millón de pesos",
 *   "mil millones de pesos", but "dos millones quinientos mil pesos".
 * - 10^9 is "mil millones" (Spanish long scale: no "billón" below 10^12).
 */

export const MAX_NUMBER_IN_WORDS = 999_999_999_999;

export type NumberWordsErrorCode = 'not_integer' | 'negative' | 'out_of_range';

/** Thrown instead of rounding or guessing: an amount in an agreement must be exact. */
export class NumberWordsError extends RangeError {
  readonly code: NumberWordsErrorCode;
  readonly value: number;
  constructor(code: NumberWordsErrorCode, value: number) {
    super(`Cannot write ${value} in words (${code}): integers 0-${MAX_NUMBER_IN_WORDS} only`);
    this.name = 'NumberWordsError';
    this.code = code;
    this.value = value;
  }
}

const UNITS = ['', 'uno', 'dos', 'tres', 'cuatro', 'cinco', 'seis', 'siete', 'ocho', 'nueve'];
const TEN_TO_TWENTY_NINE = [
  'diez', 'once', 'doce', 'trece', 'catorce', 'quince', 'dieciséis', 'diecisiete', 'dieciocho', 'diecinueve',
  'veinte', 'veintiuno', 'veintidós', 'veintitrés', 'veinticuatro', 'veinticinco', 'veintiséis', 'veintisiete', 'veintiocho', 'veintinueve',
];
const TENS = ['', '', '', 'treinta', 'cuarenta', 'cincuenta', 'sesenta', 'setenta', 'ochenta', 'noventa'];
const HUNDREDS = ['', 'ciento', 'doscientos', 'trescientos', 'cuatrocientos', 'quinientos', 'seiscientos', 'setecientos', 'ochocientos', 'novecientos'];

const word = (list: readonly string[], index: number): string => list[index] ?? '';

/** 1-99; `apocope` shortens a final "uno" (un, veintiún, treinta y un). */
function belowHundred(n: number, apocope: boolean): string {
  if (n === 1) return apocope ? 'un' : 'uno';
  if (n === 21) return apocope ? 'veintiún' : 'veintiuno';
  if (n < 10) return word(UNITS, n);
  if (n < 30) return word(TEN_TO_TWENTY_NINE, n - 10);
  const unit = n % 10;
  const tens = word(TENS, Math.floor(n / 10));
  return unit === 0 ? tens : `${tens} y ${unit === 1 && apocope ? 'un' : word(UNITS, unit)}`;
}

/** 1-999. */
function belowThousand(n: number, apocope: boolean): string {
  if (n === 100) return 'cien';
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  const parts = [word(HUNDREDS, hundreds), rest > 0 ? belowHundred(rest, apocope) : ''];
  return parts.filter(Boolean).join(' ');
}

/** 1-999 999: the thousands group is always followed by "mil", so it is always shortened. */
function belowMillion(n: number, apocope: boolean): string {
  const thousands = Math.floor(n / 1000);
  const rest = n % 1000;
  const head = thousands === 0 ? '' : thousands === 1 ? 'mil' : `${belowThousand(thousands, true)} mil`;
  return [head, rest > 0 ? belowThousand(rest, apocope) : ''].filter(Boolean).join(' ');
}

function checked(n: number): number {
  if (!Number.isInteger(n)) throw new NumberWordsError('not_integer', n);
  if (n < 0) throw new NumberWordsError('negative', n);
  if (n > MAX_NUMBER_IN_WORDS) throw new NumberWordsError('out_of_range', n);
  return n;
}

export interface NumberWordsOptions {
  /** The number is followed by a masculine noun ("pesos", "días"): "uno" becomes "un". */
  readonly beforeNoun?: boolean;
}

/** 0 → "cero", 21 → "veintiuno" (or "veintiún" before a noun), 1 000 000 → "un millón". */
export function numberToWords(n: number, options: NumberWordsOptions = {}): string {
  checked(n);
  if (n === 0) return 'cero';
  const apocope = options.beforeNoun ?? false;
  const millions = Math.floor(n / 1_000_000);
  const rest = n % 1_000_000;
  const head = millions === 0 ? '' : millions === 1 ? 'un millón' : `${belowMillion(millions, true)} millones`;
  return [head, rest > 0 ? belowMillion(rest, apocope) : ''].filter(Boolean).join(' ');
}

/** 150000 → "ciento cincuenta mil pesos", 1 → "un peso", 2 000 000 → "dos millones de pesos". */
export function pesosInWords(n: number): string {
  checked(n);
  if (n === 1) return 'un peso';
  const endsInMillions = n >= 1_000_000 && n % 1_000_000 === 0;
  return `${numberToWords(n, { beforeNoun: true })}${endsInMillions ? ' de' : ''} pesos`;
}

/** 150000 → "$150.000 (ciento cincuenta mil pesos)": figures and words, as agreements write amounts. */
export const clpInWords = (n: number): string => `${formatClp(checked(n))} (${pesosInWords(n)})`;

/** 10 → "diez (10) días hábiles", 1 → "un (1) día hábil". */
export const businessDaysInWords = (n: number): string =>
  `${numberToWords(checked(n), { beforeNoun: true })} (${n}) ${n === 1 ? 'día hábil' : 'días hábiles'}`;
