import { Temporal } from 'temporal-polyfill';
import type { Locale } from '../contract/app';
import { instantMs } from '../domain/zoned-day';
import { formatLocalDate } from '../format/dates';
import type { LocalStart } from './session';
import { isIanaZone } from './zone';

/**
 * Wall-clock times typed by a person → UTC instants, and back.
 *
 * Rules (also what the UI explains to the mediator):
 * - A local time that does not exist (the hour skipped when DST starts: in America/Santiago
 *   the first Saturday of September at 24:00 jumps to 01:00, so 00:00-00:59 of that Sunday
 *   never happens) is REFUSED with 'nonexistent_time'. Never shifted silently: a session
 *   announced for 00:30 that the calendar shows at 01:30 is a missed session.
 * - A local time that happens twice (the hour repeated when DST ends: the first Saturday of
 *   April 24:00 → 23:00, so 23:00-23:59 occurs at −03:00 and again at −04:00) resolves to the
 *   EARLIER instant (the −03:00 one). That is also RFC 5545's reading of such a DTSTART
 *   (§3.3.5), so the invitation and the app agree. `resolveLocalStart` reports `ambiguous: true`
 *   so the UI can say which one it took. ('ambiguous_time' is kept in the reason union for a
 *   caller that wants to refuse instead; use `{ ambiguity: 'reject' }`.)
 * - Durations are elapsed time: a 60-minute session starting at 23:30 (−03:00) on the April
 *   switch ends at 23:30 (−04:00) on the wall clock. See sessionEndsAt.
 */

export type LocalTimeFailure = 'nonexistent_time' | 'ambiguous_time' | 'invalid_zone' | 'invalid_format';

export type ResolvedLocalStart =
  | { readonly ok: true; readonly instant: string; readonly ambiguous: boolean }
  | { readonly ok: false; readonly reason: LocalTimeFailure };

export interface ResolveOptions {
  /** 'earlier' (default) takes the first of two occurrences; 'reject' refuses with 'ambiguous_time'. */
  readonly ambiguity?: 'earlier' | 'reject';
}

const LOCAL_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;

const toIso = (zoned: Temporal.ZonedDateTime): string => new Date(zoned.epochMilliseconds).toISOString();

/** A typed local start → the UTC instant. Never throws. */
export function resolveLocalStart(start: LocalStart, options: ResolveOptions = {}): ResolvedLocalStart {
  if (typeof start.localDateTime !== 'string' || !LOCAL_DATE_TIME.test(start.localDateTime)) return { ok: false, reason: 'invalid_format' };
  if (typeof start.zone !== 'string' || !isIanaZone(start.zone)) return { ok: false, reason: 'invalid_zone' };
  let wall: Temporal.PlainDateTime;
  try {
    wall = Temporal.PlainDateTime.from(start.localDateTime, { overflow: 'reject' });
  } catch {
    return { ok: false, reason: 'invalid_format' };
  }
  const earlier = wall.toZonedDateTime(start.zone, { disambiguation: 'earlier' });
  const later = wall.toZonedDateTime(start.zone, { disambiguation: 'later' });
  // In a gap, both answers land on a different wall time than the one typed.
  if (!earlier.toPlainDateTime().equals(wall) || !later.toPlainDateTime().equals(wall)) return { ok: false, reason: 'nonexistent_time' };
  const ambiguous = earlier.epochNanoseconds !== later.epochNanoseconds;
  if (ambiguous && options.ambiguity === 'reject') return { ok: false, reason: 'ambiguous_time' };
  return { ok: true, instant: toIso(earlier), ambiguous };
}

/** The instant a session ends: start + duration as elapsed time (DST-proof). */
export const sessionEndsAt = (startsAt: string, durationMinutes: number): string => new Date(instantMs(startsAt) + durationMinutes * 60_000).toISOString();

/** Wall-clock parts of an instant in a zone. */
export interface WallTime {
  /** 'YYYY-MM-DD' */
  readonly date: string;
  /** 'HH:mm' */
  readonly time: string;
  /** '-03:00' */
  readonly offset: string;
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

export function wallTime(instant: string, zone: string): WallTime {
  const zoned = Temporal.Instant.from(instant).toZonedDateTimeISO(zone);
  return { date: zoned.toPlainDate().toString(), time: `${pad2(zoned.hour)}:${pad2(zoned.minute)}`, offset: zoned.offset };
}

/** The local 'YYYY-MM-DDTHH:mm' of an instant, the inverse of resolveLocalStart (for editing a session). */
export function localDateTimeOf(instant: string, zone: string): string {
  const wall = wallTime(instant, zone);
  return `${wall.date}T${wall.time}`;
}

/** "18-09-2026 14:05" (es-CL) / "18 Sep 2026, 14:05" (en) on the clock of `zone` — same formats as shared/format/dates.ts. */
export function formatInZone(instant: string, zone: string, locale: Locale): string {
  const wall = wallTime(instant, zone);
  return `${formatLocalDate(wall.date, locale)}${locale === 'en' ? ', ' : ' '}${wall.time}`;
}

/** Names people in Chile use for its zones; elsewhere, the city of the IANA name. */
const ZONE_LABELS: Readonly<Record<string, Readonly<Record<Locale, string>>>> = {
  'America/Santiago': { 'es-CL': 'Chile continental', en: 'mainland Chile' },
  'America/Punta_Arenas': { 'es-CL': 'Magallanes', en: 'Magallanes' },
  'Pacific/Easter': { 'es-CL': 'Isla de Pascua', en: 'Easter Island' },
  UTC: { 'es-CL': 'UTC', en: 'UTC' },
};

/** 'Isla de Pascua', 'Magallanes', 'Madrid', 'New York'. */
export function zoneLabel(zone: string, locale: Locale): string {
  const known = ZONE_LABELS[zone]?.[locale];
  if (known !== undefined) return known;
  const city = zone.slice(zone.lastIndexOf('/') + 1);
  return city.replace(/_/g, ' ');
}

export interface PartyLocalTime extends WallTime {
  readonly zone: string;
  readonly zoneLabel: string;
  /** The party's local date relative to the mediator's: −1, 0 or +1 (Madrid is often the next day). */
  readonly dayShift: number;
}

/**
 * The party's wall time beside the mediator's, for "15:00 (14:00 en Isla de Pascua)".
 * null when both zones have the same offset AT THAT INSTANT (Punta Arenas and Santiago agree in
 * summer and differ in winter; Santiago and Easter always differ by 2 h).
 */
export function partyLocalTime(instant: string, participantZone: string, mediatorZone: string, locale: Locale = 'es-CL'): PartyLocalTime | null {
  const party = wallTime(instant, participantZone);
  const mediator = wallTime(instant, mediatorZone);
  if (party.offset === mediator.offset) return null;
  const dayShift = party.date === mediator.date ? 0 : party.date > mediator.date ? 1 : -1;
  return { ...party, zone: participantZone, zoneLabel: zoneLabel(participantZone, locale), dayShift };
}
