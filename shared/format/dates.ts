import { Temporal } from 'temporal-polyfill';
import type { Locale } from '../contract/app';
import { remainingTime, SANTIAGO } from '../domain/deadlines';
import { epochDay } from '../domain/zoned-day';

/**
 * Dates and times for the UI and exports, always on the Santiago clock (the center's legal
 * time), whatever zone the laptop is set to.
 *
 * Formats (decided for Chilean professionals; built by hand so Node and Chromium agree):
 * - es-CL 'numeric' (default): "18-09-2026", "18-09-2026 14:05" — the day-month-year with
 *   hyphens that Chilean forms, receipts and court documents use.
 * - es-CL 'text': "18 sept 2026" — for headings and timelines.
 * - en: "18 Sep 2026", "18 Sep 2026, 14:05" in both styles: day-first with a month name, so
 *   an English reader in Chile never confuses 09/10 with 10/09.
 * Times are 24-hour without a zone suffix: every time in the app is Santiago time.
 */

export type DateStyle = 'numeric' | 'text';

const MONTHS: Readonly<Record<Locale, readonly string[]>> = {
  'es-CL': ['ene', 'feb', 'mar', 'abr', 'may', 'jun', 'jul', 'ago', 'sept', 'oct', 'nov', 'dic'],
  en: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
};

const pad2 = (n: number): string => String(n).padStart(2, '0');

function datePart(date: { year: number; month: number; day: number }, locale: Locale, style: DateStyle): string {
  if (locale === 'es-CL' && style === 'numeric') return `${pad2(date.day)}-${pad2(date.month)}-${date.year}`;
  return `${date.day} ${MONTHS[locale][date.month - 1] ?? '?'} ${date.year}`;
}

const santiago = (instant: string): Temporal.ZonedDateTime => Temporal.Instant.from(instant).toZonedDateTimeISO(SANTIAGO);

/** The Santiago calendar date of an instant. */
export const formatDate = (instant: string, locale: Locale, style: DateStyle = 'numeric'): string => datePart(santiago(instant), locale, style);

/** "14:05" on the Santiago clock. */
export function formatTime(instant: string): string {
  const zoned = santiago(instant);
  return `${pad2(zoned.hour)}:${pad2(zoned.minute)}`;
}

/** Date and time on the Santiago clock. */
export function formatDateTime(instant: string, locale: Locale, style: DateStyle = 'numeric'): string {
  const separator = locale === 'en' ? ', ' : ' ';
  return `${formatDate(instant, locale, style)}${separator}${formatTime(instant)}`;
}

/** A date without time ('YYYY-MM-DD', e.g. a purchase date): no zone conversion at all. */
export function formatLocalDate(localDate: string, locale: Locale, style: DateStyle = 'numeric'): string {
  epochDay(localDate); // validates: a malformed or impossible date throws RangeError
  const [year, month, day] = localDate.split('-').map(Number);
  return datePart({ year: year ?? 0, month: month ?? 0, day: day ?? 0 }, locale, style);
}

export type RelativeUnit = 'day' | 'hour' | 'minute';

/**
 * A countdown in structured parts; the i18n layer turns it into "vence en 2 d 4 h" or
 * "venció hace 3 h". At most the two largest non-zero units, adjacent (d+h, h+min, min);
 * `units` is empty when less than a minute separates the instants ("ahora").
 */
export interface RelativeParts {
  readonly direction: 'future' | 'past';
  readonly units: readonly { readonly unit: RelativeUnit; readonly value: number }[];
}

export function formatRelative(target: string, now: string): RelativeParts {
  const left = remainingTime(target, now);
  const direction = left.overdue ? 'past' : 'future';
  const pairs: [RelativeUnit, number][] =
    left.days > 0 ? [['day', left.days], ['hour', left.hours]] : left.hours > 0 ? [['hour', left.hours], ['minute', left.minutes]] : [['minute', left.minutes]];
  return { direction, units: pairs.filter(([, value]) => value > 0).map(([unit, value]) => ({ unit, value })) };
}
