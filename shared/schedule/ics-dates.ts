import { Temporal } from 'temporal-polyfill';
import { epochDay } from '../domain/zoned-day';
import type { ContentLine } from './ics-lines';
import { WINDOWS_ZONES } from './windows-zones';
import { normalizeZone } from './zone';

/** DATE and DATE-TIME values of an imported calendar, and their zones. Never throws. */

export type IcsTime =
  | { readonly type: 'date'; readonly day: number }
  /** wall: 'YYYY-MM-DDTHH:MM:SS'; zone: an IANA zone (UTC for '…Z'). */
  | { readonly type: 'date-time'; readonly wall: string; readonly zone: string };

const VALUE = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})(Z?))?$/;

export interface ZoneContext {
  /** Zone for floating times and all-day dates. */
  readonly floatingZone: string;
  /** TZID → IANA zone (null: unknown), resolved once per TZID. */
  readonly resolve: (tzid: string) => string | null;
}

/** Parses one DTSTART/DTEND/EXDATE/RECURRENCE-ID value; null when it is not a valid date. */
export function parseIcsTime(raw: string, params: ContentLine['params'], context: ZoneContext): IcsTime | null {
  const value = raw.trim();
  if (value.length > 20) return null;
  const match = VALUE.exec(value);
  if (!match) return null;
  const [, y, mo, d, h, mi, s, z] = match;
  const date = `${y}-${mo}-${d}`;
  try {
    if (h === undefined || params.VALUE?.toUpperCase() === 'DATE') return { type: 'date', day: epochDay(date) };
    epochDay(date); // validates the date (throws on 2026-02-30)
    if (Number(h) > 23 || Number(mi) > 59 || Number(s) > 60) return null;
    const wall = `${date}T${h}:${mi}:${s === '60' ? '59' : s}`;
    if (z === 'Z') return { type: 'date-time', wall, zone: 'UTC' };
    const tzid = params.TZID;
    const zone = tzid === undefined ? context.floatingZone : (context.resolve(tzid) ?? 'UTC');
    return { type: 'date-time', wall, zone };
  } catch {
    return null;
  }
}

/**
 * Epoch ms of a wall time in a zone. A time in a DST gap or overlap is read as RFC 5545 §3.3.5
 * says: the offset before the gap, the first of two occurrences (Temporal 'compatible').
 */
export const wallToMs = (wall: string, zone: string): number =>
  zone === 'UTC' ? Date.parse(`${wall}Z`) : Temporal.PlainDateTime.from(wall).toZonedDateTime(zone).epochMilliseconds;

/** Epoch ms at which a local date starts in a zone. */
export const dayStartMs = (day: number, zone: string): number =>
  Temporal.PlainDate.from(new Date(day * 86_400_000).toISOString().slice(0, 10)).toZonedDateTime({ timeZone: zone }).epochMilliseconds;

/**
 * A TZID as calendars write it → an IANA zone:
 * 'America/Santiago' (Google, Apple), 'Pacific SA Standard Time' (Outlook), '/mozilla.org/…/America/Santiago'
 * (old Thunderbird), or the X-LIC-LOCATION of the file's VTIMEZONE. null when none applies.
 */
export function resolveTzid(tzid: string, vtimezoneLocations: ReadonlyMap<string, string>): string | null {
  const name = tzid.trim().replace(/^"|"$/g, '');
  if (name.length === 0 || name.length > 200) return null;
  const direct = normalizeZone(name);
  if (direct) return direct;
  const windows = WINDOWS_ZONES[name];
  if (windows) return windows;
  const segments = name.split('/').filter((segment) => segment.length > 0);
  for (let take = Math.min(3, segments.length); take >= 2; take--) {
    const zone = normalizeZone(segments.slice(-take).join('/'));
    if (zone) return zone;
  }
  const location = vtimezoneLocations.get(name);
  return location === undefined ? null : normalizeZone(location);
}

/** A DURATION value ('PT1H30M', 'P1D', '-PT15M', 'P2W') in ms of elapsed time; null if unreadable. */
export function parseDuration(raw: string): number | null {
  const match = /^([+-])?P(?:(\d{1,6})W)?(?:(\d{1,6})D)?(?:T(?:(\d{1,6})H)?(?:(\d{1,6})M)?(?:(\d{1,6})S)?)?$/.exec(raw.trim().slice(0, 60));
  if (!match || raw.trim() === 'P' || raw.trim().endsWith('T')) return null;
  const [, sign, w, d, h, m, s] = match;
  const seconds = Number(w ?? 0) * 604_800 + Number(d ?? 0) * 86_400 + Number(h ?? 0) * 3_600 + Number(m ?? 0) * 60 + Number(s ?? 0);
  return (sign === '-' ? -1 : 1) * seconds * 1000;
}
