import { Temporal } from 'temporal-polyfill';

/**
 * Fast, exact day arithmetic in a named time zone.
 *
 * Why not plain Temporal everywhere: the polyfill's zone math costs 20-30 µs per call, and the
 * importer and the demo generator compute deadlines for 100 000+ cases. Dates without a zone
 * are done with UTC epoch-day arithmetic (exact, no zone involved); the only zone question —
 * "when does local day D start?" — is asked of Temporal once per (zone, day) and memoised.
 * Every local date is derived from those exact day starts, so DST days come out right.
 */

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_UTC_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?Z$/;

/** Epoch milliseconds of an ISO instant. Strict: garbage throws RangeError, never NaN. */
export function instantMs(instant: string): number {
  // The common stored form ("…Z") parses natively; anything else goes through Temporal's strict parser.
  if (ISO_UTC_INSTANT.test(instant)) {
    const ms = Date.parse(instant);
    // Date.parse rolls "02-30" over to March; only accept it when the calendar date survives.
    if (!Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === instant.slice(0, 10)) return ms;
  }
  return Temporal.Instant.from(instant).epochMilliseconds;
}

/** Days since 1970-01-01 of a 'YYYY-MM-DD' date (validated: "2026-02-30" throws). */
export function epochDay(localDate: string): number {
  const match = ISO_DATE.exec(localDate);
  if (!match) throw new RangeError(`Expected a 'YYYY-MM-DD' date, got ${JSON.stringify(localDate)}`);
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(y, m - 1, d);
  const check = new Date(ms);
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== m - 1 || check.getUTCDate() !== d) throw new RangeError(`No such date: ${localDate}`);
  return ms / DAY_MS;
}

/** The 'YYYY-MM-DD' of an epoch day (years 1000-9999). */
export const dateOfEpochDay = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

export const addDays = (localDate: string, days: number): string => dateOfEpochDay(epochDay(localDate) + days);

/** ISO weekday of an epoch day: 1 = Monday … 7 = Sunday (1970-01-01 was a Thursday). */
export const isoWeekdayOfEpochDay = (day: number): number => ((((day + 3) % 7) + 7) % 7) + 1;

/** Per zone: epoch day → epoch ms of its first instant. */
const dayStarts = new Map<string, Map<number, number>>();
/** Plenty for decades of deadlines; cleared rather than grown forever if someone iterates centuries. */
const MAX_MEMO = 50_000;

/** Epoch ms at which local day `day` (epoch day) starts in `zone` (the first instant, DST gaps included). */
export function startOfLocalDayMs(day: number, zone: string): number {
  let starts = dayStarts.get(zone);
  if (starts === undefined) {
    starts = new Map();
    dayStarts.set(zone, starts);
  }
  let start = starts.get(day);
  if (start === undefined) {
    start = Temporal.PlainDate.from(dateOfEpochDay(day)).toZonedDateTime({ timeZone: zone }).epochMilliseconds;
    if (starts.size >= MAX_MEMO) starts.clear();
    starts.set(day, start);
  }
  return start;
}

/** The local epoch day an instant falls on in `zone`. */
export function localEpochDayOf(ms: number, zone: string): number {
  // Real offsets are within ±18 h, so the local day is the UTC day or one of its neighbours.
  const utcDay = Math.floor(ms / DAY_MS);
  for (let day = utcDay - 1; day <= utcDay + 1; day++) {
    if (startOfLocalDayMs(day, zone) <= ms && ms < startOfLocalDayMs(day + 1, zone)) return day;
  }
  throw new RangeError(`Cannot place instant ${ms} in a local day of ${zone}`);
}
