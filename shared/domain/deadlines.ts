import type { DayCount, DeadlineState, DeadlineStatus } from './deadline';
import { isChileanHoliday } from './holidays';
import { dateOfEpochDay, epochDay, instantMs, isoWeekdayOfEpochDay, localEpochDayOf, startOfLocalDayMs } from './zoned-day';

/**
 * Deadline arithmetic, always in a named IANA zone (never a fixed offset: Chile changes DST).
 *
 * Convention (what the center counts, and what the UI promises the parties):
 * - The period starts the day AFTER the local date of `startsAt` (a claim filed at 23:50 does
 *   not lose its first day). `days: 0` means "by the end of the start day itself".
 * - `calendar`: every day counts. `business`: Saturdays, Sundays and national holidays
 *   (holidays.ts) are skipped; a business count across a year the holiday table does not
 *   cover throws HolidayCoverageError rather than guess.
 * - The deadline is the END of the last counted local day: the last millisecond before the
 *   next local midnight, i.e. 23:59:59.999 local. Computed as "start of next day − 1 ms" so it
 *   stays right on DST days: on the first Saturday of April (24:00 → 23:00, 25-hour day) it is
 *   the SECOND 23:59:59.999 (−04:00); on the first Saturday of September (24:00 → 01:00) the
 *   next day starts at 01:00 (−03:00), so the day still ends at 23:59:59.999 −04:00.
 * - Calendar periods are not extended when they end on a holiday: the center's policy counts
 *   them as plain days (a rule that wants extension should be `business`).
 */

export const SANTIAGO = 'America/Santiago';

/** Deadline.days is limited to this by the schema. */
const MAX_DAYS = 365;

export interface DueAtInput {
  /** Instant (ISO UTC) the period is counted from. */
  readonly startsAt: string;
  readonly count: DayCount;
  readonly days: number;
  /** IANA zone; defaults to America/Santiago. */
  readonly zone?: string;
}

/** The local calendar date of an instant in a zone ('YYYY-MM-DD'). */
export const localDateOf = (instant: string, zone: string = SANTIAGO): string => dateOfEpochDay(localEpochDayOf(instantMs(instant), zone));

/** Saturdays, Sundays and national holidays are not business days. Throws outside the holiday table. */
export const isBusinessDay = (localDate: string): boolean => isBusinessEpochDay(epochDay(localDate));

// Weekday first: weekends never need the (string-keyed) holiday lookup.
const isBusinessEpochDay = (day: number): boolean => isoWeekdayOfEpochDay(day) <= 5 && !isChileanHoliday(dateOfEpochDay(day));

function validDays(days: number): number {
  if (!Number.isInteger(days) || days < 0 || days > MAX_DAYS) throw new RangeError(`days must be an integer 0-${MAX_DAYS}, got ${days}`);
  return days;
}

/** The last counted local date of a period, as an epoch day. */
function dueEpochDay(input: DueAtInput): number {
  const days = validDays(input.days);
  let day = localEpochDayOf(instantMs(input.startsAt), input.zone ?? SANTIAGO);
  if (input.count === 'calendar') return day + days;
  for (let counted = 0; counted < days; ) {
    day++;
    if (isBusinessEpochDay(day)) counted++;
  }
  return day;
}

/** The last counted local date of a period (what the UI shows as "vence el …"). */
export const dueLocalDate = (input: DueAtInput): string => dateOfEpochDay(dueEpochDay(input));

/** The instant a local date ends: start of the next local day minus 1 ms (DST-safe). */
export const endOfLocalDay = (localDate: string, zone: string = SANTIAGO): string =>
  new Date(startOfLocalDayMs(epochDay(localDate) + 1, zone) - 1).toISOString();

/** When a deadline falls due, as an ISO UTC instant. See the convention above. */
export function computeDueAt(input: DueAtInput): string {
  return new Date(startOfLocalDayMs(dueEpochDay(input) + 1, input.zone ?? SANTIAGO) - 1).toISOString();
}

/** "Due soon" means at most this much time left. */
export const DUE_SOON_MS = 48 * 60 * 60 * 1000;

const epochMs = instantMs;

/**
 * How a deadline looks from `now`. Only open deadlines have a state; met, breached and
 * cancelled ones are 'none' (they no longer ask anything of anyone).
 * The due instant itself is still on time (it is the last millisecond of the day).
 */
export function deadlineState(dueAt: string, status: DeadlineStatus, now: string): DeadlineState {
  if (status !== 'open') return 'none';
  const left = epochMs(dueAt) - epochMs(now);
  if (left < 0) return 'overdue';
  return left <= DUE_SOON_MS ? 'due_soon' : 'on_track';
}

/** Parts for a live countdown; `overdue` says which way they point. Exact elapsed time, not calendar days. */
export interface RemainingTime {
  readonly overdue: boolean;
  /** dueAt − now in milliseconds (negative when overdue). */
  readonly totalMs: number;
  readonly days: number;
  readonly hours: number;
  readonly minutes: number;
  readonly seconds: number;
}

export function remainingTime(dueAt: string, now: string): RemainingTime {
  const totalMs = epochMs(dueAt) - epochMs(now);
  const overdue = totalMs < 0;
  // Floor towards zero on the absolute value, so "1 h 59 min" never shows as "2 h".
  const totalSeconds = Math.floor(Math.abs(totalMs) / 1000);
  return {
    overdue,
    totalMs,
    days: Math.floor(totalSeconds / 86_400),
    hours: Math.floor((totalSeconds % 86_400) / 3_600),
    minutes: Math.floor((totalSeconds % 3_600) / 60),
    seconds: totalSeconds % 60,
  };
}
