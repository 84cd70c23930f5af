import { dateOfEpochDay, isoWeekdayOfEpochDay } from '../domain/zoned-day';

/**
 * The subset of RFC 5545 RRULE the busy-time importer expands: FREQ=DAILY|WEEKLY|MONTHLY|YEARLY
 * with INTERVAL, COUNT, UNTIL and, for WEEKLY, BYDAY with plain weekdays (WKST=MO). That covers
 * what calendars write for "every weekday", "every Tuesday and Thursday", "monthly on the 5th",
 * "every year". Anything else (BYSETPOS, BYMONTHDAY, "2nd Monday", BYHOUR…) is reported as
 * unsupported and the series is skipped with a warning — never approximated.
 *
 * Occurrence DATES are produced with integer epoch-day arithmetic (cheap, so a daily series
 * started in 1990 can be walked to today within the step budget); the importer turns only the
 * dates inside its window into instants, in the event's zone (so 10:00 stays 10:00 across DST).
 */

export type Frequency = 'DAILY' | 'WEEKLY' | 'MONTHLY' | 'YEARLY';

export interface RecurrenceRule {
  readonly freq: Frequency;
  readonly interval: number;
  readonly count: number | null;
  /** Raw UNTIL value (DATE or DATE-TIME), interpreted by the importer. */
  readonly until: string | null;
  /** ISO weekdays (1 = Monday) for WEEKLY;BYDAY, sorted; null = the weekday of DTSTART. */
  readonly byDay: readonly number[] | null;
}

export type ParsedRule = { readonly ok: true; readonly rule: RecurrenceRule } | { readonly ok: false; readonly unsupported: string };

const WEEKDAYS: Readonly<Record<string, number>> = { MO: 1, TU: 2, WE: 3, TH: 4, FR: 5, SA: 6, SU: 7 };
const FREQUENCIES = new Set<string>(['DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY']);
/** Rule parts that do not change the expansion (WKST only matters for INTERVAL>1 with BYDAY; MO is assumed). */
const HARMLESS = new Set(['WKST']);

export function parseRrule(value: string): ParsedRule {
  if (value.length > 500) return { ok: false, unsupported: 'rule too long' };
  const parts = new Map<string, string>();
  for (const part of value.split(';')) {
    const eq = part.indexOf('=');
    if (eq <= 0) return { ok: false, unsupported: part.slice(0, 40) };
    parts.set(part.slice(0, eq).toUpperCase(), part.slice(eq + 1).toUpperCase());
  }
  const freq = parts.get('FREQ') ?? '';
  if (!FREQUENCIES.has(freq)) return { ok: false, unsupported: `FREQ=${freq.slice(0, 20)}` };
  const interval = Number(parts.get('INTERVAL') ?? '1');
  const countText = parts.get('COUNT');
  const count = countText === undefined ? null : Number(countText);
  if (!Number.isInteger(interval) || interval < 1 || interval > 1000) return { ok: false, unsupported: 'INTERVAL' };
  if (count !== null && (!Number.isInteger(count) || count < 1)) return { ok: false, unsupported: 'COUNT' };
  let byDay: number[] | null = null;
  const byDayText = parts.get('BYDAY');
  if (byDayText !== undefined) {
    if (freq !== 'WEEKLY') return { ok: false, unsupported: `BYDAY with FREQ=${freq}` };
    byDay = [];
    for (const code of byDayText.split(',')) {
      const weekday = WEEKDAYS[code];
      if (weekday === undefined) return { ok: false, unsupported: `BYDAY=${code.slice(0, 10)}` };
      if (!byDay.includes(weekday)) byDay.push(weekday);
    }
    byDay.sort((a, b) => a - b);
  }
  for (const name of parts.keys()) {
    if (!['FREQ', 'INTERVAL', 'COUNT', 'UNTIL', 'BYDAY'].includes(name) && !HARMLESS.has(name)) return { ok: false, unsupported: name.slice(0, 20) };
  }
  return { ok: true, rule: { freq: freq as Frequency, interval, count, until: parts.get('UNTIL') ?? null, byDay } };
}

function daysInMonthValid(year: number, monthIndex: number, day: number): number | null {
  const ms = Date.UTC(year, monthIndex, day);
  const date = new Date(ms);
  return date.getUTCDate() === day && date.getUTCMonth() === monthIndex ? ms / 86_400_000 : null;
}

/**
 * Epoch days of the occurrences, ascending, starting with DTSTART's day, honouring COUNT.
 * Stops after `maxSteps` loop steps (the caller reports a truncation when `steps.exhausted`).
 */
export function* occurrenceDays(startDay: number, rule: RecurrenceRule, steps: { remaining: number; exhausted: boolean }): Generator<number> {
  let produced = 0;
  const more = (): boolean => rule.count === null || produced < rule.count;
  const step = (): boolean => {
    if (steps.remaining <= 0) {
      steps.exhausted = true;
      return false;
    }
    steps.remaining--;
    return true;
  };
  if (rule.freq === 'DAILY') {
    for (let n = 0; more() && step(); n++, produced++) yield startDay + n * rule.interval;
    return;
  }
  if (rule.freq === 'WEEKLY') {
    const weekdays = rule.byDay ?? [isoWeekdayOfEpochDay(startDay)];
    const weekStart = startDay - (isoWeekdayOfEpochDay(startDay) - 1);
    for (let week = 0; more() && step(); week++) {
      for (const weekday of weekdays) {
        const day = weekStart + week * 7 * rule.interval + (weekday - 1);
        if (day < startDay) continue;
        if (!more()) return;
        produced++;
        yield day;
      }
    }
    return;
  }
  const [year, month, dayOfMonth] = dateOfEpochDay(startDay).split('-').map(Number) as [number, number, number];
  const monthsPerStep = rule.freq === 'MONTHLY' ? rule.interval : 12 * rule.interval;
  for (let k = 0; more() && step(); k++) {
    const months = month - 1 + k * monthsPerStep;
    // A 31st (or 29 Feb) in a month without it is not an occurrence (RFC 5545 §3.3.10).
    const day = daysInMonthValid(year + Math.floor(months / 12), months % 12, dayOfMonth);
    if (day === null) continue;
    produced++;
    yield day;
  }
}

