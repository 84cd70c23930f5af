/**
 * Chilean NATIONAL public holidays (feriados legales) for the years in HOLIDAY_TABLE_YEARS.
 *
 * A data table, not a rule engine, on purpose: some dates are set by decree or by elections
 * (Pueblos Indígenas, election days), so a table reviewed once a year is the honest source.
 * tests/shared/holidays.test.ts recomputes every date from the rules below with its own code,
 * so a typo here fails the build.
 *
 * Rules applied (weekdays computed with Temporal, not from memory):
 * - Fixed: 1 Jan, 1 May, 21 May, 16 Jul, 15 Aug, 18 Sep, 19 Sep, 1 Nov, 8 Dec, 25 Dec.
 * - Easter (anonymous Gregorian computus): Viernes Santo = Easter − 2, Sábado Santo = Easter − 1.
 * - Ley 19.668 — San Pedro y San Pablo (29 Jun) and Encuentro de Dos Mundos (12 Oct): on a
 *   Tue/Wed/Thu they move to the Monday of that week, on a Friday to the next Monday.
 *   Moved here: 2027-06-29 (Tue) → 2027-06-28; 2027-10-12 (Tue) → 2027-10-11.
 * - Ley 20.299 — Iglesias Evangélicas (31 Oct): on a Tuesday → previous Friday, on a Wednesday →
 *   following Friday. 2025 Fri, 2026 Sat, 2027 Sun: never moved in the covered years.
 * - Ley 20.215 — extra Fiestas Patrias day: 17 Sep when it is a Monday, 20 Sep when it is a
 *   Friday. 17 Sep is Wed/Thu/Fri and 20 Sep Sat/Sun/Mon in 2025-2027: no extra day.
 * - Ley 20.983 — 2 Jan when 1 Jan is a Sunday. 1 Jan is Wed/Thu/Fri in 2025-2027: no extra day.
 * - Ley 21.357 — Pueblos Indígenas on the winter solstice day as published: 2025-06-20,
 *   2026-06-21, 2027-06-21.
 * - Ley 18.700 — election days: 2025-11-16 (presidential and parliamentary) and 2025-12-14
 *   (presidential run-off). None scheduled nationally in 2026-2027 at the time of writing.
 * Not included: regional holidays (Arica 7 Jun, Chillán 20 Aug), bank holidays (31 Dec),
 * holidays decreed after this table was written. Adding a year = adding its rows + the range.
 */

export type HolidayRule = 'fixed' | 'easter' | 'moved_to_monday' | 'moved_to_friday' | 'fiestas_patrias_extra' | 'solstice' | 'election';

export interface Holiday {
  /** The day it is observed ('YYYY-MM-DD', Chilean civil calendar). */
  readonly date: string;
  readonly name: string;
  readonly legalBasis: string;
  readonly rule: HolidayRule;
  /** For a moved holiday, the date it commemorates; otherwise equal to `date`. */
  readonly nominalDate: string;
}

/** First and last year (inclusive) the table covers. */
export const HOLIDAY_TABLE_YEARS = Object.freeze({ first: 2025, last: 2027 });

/** Thrown when a date outside the table is asked about: never guess "not a holiday". */
export class HolidayCoverageError extends Error {
  readonly code = 'holiday_year_not_covered';
  readonly year: number;
  constructor(year: number) {
    super(`Chilean holiday table covers ${HOLIDAY_TABLE_YEARS.first}-${HOLIDAY_TABLE_YEARS.last}, not ${year}`);
    this.name = 'HolidayCoverageError';
    this.year = year;
  }
}

const L2977 = 'Ley 2.977';
const IRRENUNCIABLE = 'Ley 2.977, Ley 19.973';

const h = (date: string, name: string, legalBasis: string, rule: HolidayRule = 'fixed', nominalDate = date): Holiday =>
  Object.freeze({ date, name, legalBasis, rule, nominalDate });

/** The rows every covered year has; `o` carries the dates that differ per year. */
interface YearVariables {
  readonly goodFriday: string;
  readonly holySaturday: string;
  readonly solstice: string;
  /** Observed dates of 29 Jun and 12 Oct after the Ley 19.668 move. */
  readonly sanPedro: string;
  readonly dosMundos: string;
}

function yearRows(y: number, o: YearVariables): Holiday[] {
  return [
    h(`${y}-01-01`, 'Año Nuevo', IRRENUNCIABLE),
    h(o.goodFriday, 'Viernes Santo', L2977, 'easter'),
    h(o.holySaturday, 'Sábado Santo', L2977, 'easter'),
    h(`${y}-05-01`, 'Día Nacional del Trabajo', IRRENUNCIABLE),
    h(`${y}-05-21`, 'Día de las Glorias Navales', L2977),
    h(o.solstice, 'Día Nacional de los Pueblos Indígenas', 'Ley 21.357', 'solstice'),
    h(o.sanPedro, 'San Pedro y San Pablo', 'Ley 18.432, Ley 19.668', o.sanPedro === `${y}-06-29` ? 'fixed' : 'moved_to_monday', `${y}-06-29`),
    h(`${y}-07-16`, 'Día de la Virgen del Carmen', 'Ley 20.148'),
    h(`${y}-08-15`, 'Asunción de la Virgen', L2977),
    h(`${y}-09-18`, 'Independencia Nacional', IRRENUNCIABLE),
    h(`${y}-09-19`, 'Día de las Glorias del Ejército', 'Ley 2.977, Ley 20.629'),
    h(o.dosMundos, 'Encuentro de Dos Mundos', 'Ley 3.810, Ley 19.668', o.dosMundos === `${y}-10-12` ? 'fixed' : 'moved_to_monday', `${y}-10-12`),
    h(`${y}-10-31`, 'Día de las Iglesias Evangélicas y Protestantes', 'Ley 20.299'),
    h(`${y}-11-01`, 'Día de Todos los Santos', L2977),
    h(`${y}-12-08`, 'Inmaculada Concepción', L2977),
    h(`${y}-12-25`, 'Navidad', IRRENUNCIABLE),
  ];
}

const byDate = (a: Holiday, b: Holiday): number => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0);

/** The whole table, sorted by date. */
export const CHILEAN_HOLIDAYS: readonly Holiday[] = Object.freeze(
  [
    ...yearRows(2025, { goodFriday: '2025-04-18', holySaturday: '2025-04-19', solstice: '2025-06-20', sanPedro: '2025-06-29', dosMundos: '2025-10-12' }),
    h('2025-11-16', 'Elecciones Presidenciales y Parlamentarias', 'Ley 18.700, Ley 19.973', 'election'),
    h('2025-12-14', 'Segunda Vuelta Elección Presidencial', 'Ley 18.700, Ley 19.973', 'election'),
    ...yearRows(2026, { goodFriday: '2026-04-03', holySaturday: '2026-04-04', solstice: '2026-06-21', sanPedro: '2026-06-29', dosMundos: '2026-10-12' }),
    ...yearRows(2027, { goodFriday: '2027-03-26', holySaturday: '2027-03-27', solstice: '2027-06-21', sanPedro: '2027-06-28', dosMundos: '2027-10-11' }),
  ].sort(byDate),
);

const HOLIDAYS_BY_DATE: ReadonlyMap<string, Holiday> = new Map(CHILEAN_HOLIDAYS.map((holiday) => [holiday.date, holiday]));

const LOCAL_DATE = /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

function coveredYearOf(localDate: string): number {
  const match = LOCAL_DATE.exec(localDate);
  if (!match) throw new RangeError(`Expected a 'YYYY-MM-DD' date, got ${JSON.stringify(localDate)}`);
  const year = Number(match[1]);
  if (!isHolidayYearCovered(year)) throw new HolidayCoverageError(year);
  return year;
}

export const isHolidayYearCovered = (year: number): boolean => year >= HOLIDAY_TABLE_YEARS.first && year <= HOLIDAY_TABLE_YEARS.last;

/** The holiday observed on a local date, or null. Throws HolidayCoverageError outside the table. */
export function holidayOn(localDate: string): Holiday | null {
  coveredYearOf(localDate);
  return HOLIDAYS_BY_DATE.get(localDate) ?? null;
}

/** True if the local date is a national holiday. Throws HolidayCoverageError outside the table. */
export const isChileanHoliday = (localDate: string): boolean => holidayOn(localDate) !== null;

/** Holidays from `from` to `to`, both inclusive. Throws if either end is outside the table. */
export function holidaysBetween(from: string, to: string): Holiday[] {
  coveredYearOf(from);
  coveredYearOf(to);
  return CHILEAN_HOLIDAYS.filter((holiday) => holiday.date >= from && holiday.date <= to);
}
