import { epochDay } from '../domain/zoned-day';

/**
 * How an acta writes dates and numbers its clauses. Built by hand (not Intl) so the editor,
 * Node exports and tests print the same bytes.
 */

const MONTHS = ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'];

/** '2026-11-22' → "22 de noviembre de 2026". Throws RangeError on a malformed or impossible date. */
export function formatLegalDate(localDate: string): string {
  epochDay(localDate);
  const [year, month, day] = localDate.split('-').map(Number);
  return `${day} de ${MONTHS[(month ?? 1) - 1]} de ${year}`;
}

const FIRST_TEN = ['PRIMERO', 'SEGUNDO', 'TERCERO', 'CUARTO', 'QUINTO', 'SEXTO', 'SÉPTIMO', 'OCTAVO', 'NOVENO', 'DÉCIMO'];
const TENS = ['', 'DÉCIMO', 'VIGÉSIMO', 'TRIGÉSIMO', 'CUADRAGÉSIMO', 'QUINCUAGÉSIMO', 'SEXAGÉSIMO', 'SEPTUAGÉSIMO', 'OCTOGÉSIMO', 'NONAGÉSIMO'];

/**
 * 1 → "PRIMERO", 11 → "UNDÉCIMO", 12 → "DUODÉCIMO", 13 → "DECIMOTERCERO", 21 → "VIGÉSIMO
 * PRIMERO": the masculine ordinals Chilean contracts head their clauses with. Beyond 99 (no
 * acta has that many clauses) the figure is used.
 */
export function clauseOrdinal(n: number): string {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`clause numbers start at 1, got ${n}`);
  if (n <= 10) return FIRST_TEN[n - 1] ?? String(n);
  if (n === 11) return 'UNDÉCIMO';
  if (n === 12) return 'DUODÉCIMO';
  if (n > 99) return String(n);
  const tens = Math.floor(n / 10);
  const unit = n % 10;
  if (unit === 0) return TENS[tens] ?? String(n);
  const unitWord = FIRST_TEN[unit - 1] ?? '';
  return tens === 1 ? `DECIMO${unitWord}` : `${TENS[tens]} ${unitWord}`;
}
