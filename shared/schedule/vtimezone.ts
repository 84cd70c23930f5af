import { Temporal } from 'temporal-polyfill';

/**
 * VTIMEZONE components generated from the zone's real transitions (the tz data Temporal
 * carries), so a calendar that does not know the TZID — or knows an older rule — still puts
 * the event at the right instant.
 *
 * Shape: one STANDARD/DAYLIGHT sub-component per transition, with an explicit DTSTART and no
 * RRULE (exact for the covered span, nothing to guess). The first sub-component is the last
 * transition BEFORE the span, so the offset in force at its start is defined; a zone without
 * change inside the span (UTC, America/Punta_Arenas since 2016) gets a single STANDARD from
 * 1970 with its fixed offset. A transition that raises the offset
 * is DAYLIGHT, one that lowers it is STANDARD (Temporal does not expose "is DST"; for every
 * zone with seasonal DST — Chile, Europe, North America — this is the usual meaning).
 * DTSTART is the local time of the transition on the clock BEFORE it (TZOFFSETFROM), per
 * RFC 5545 §3.6.5: America/Santiago's April switch is DTSTART:…T000000 with −0300 → −0400.
 */

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** '-03:00' or '+05:30' or '-04:42:46' → '-0300', '+0530', '-044246'. */
export const icsOffset = (offset: string): string => offset.replace(/:/g, '').replace(/^([+-]\d{4})00$/, '$1');

/** 'YYYYMMDDTHHMMSS' of a plain date-time. */
export const icsLocal = (wall: Temporal.PlainDateTime): string =>
  `${pad(wall.year, 4)}${pad(wall.month)}${pad(wall.day)}T${pad(wall.hour)}${pad(wall.minute)}${pad(wall.second)}`;

/** Hard cap on sub-components per zone (a century of twice-yearly DST is 200). */
const MAX_TRANSITIONS = 400;

interface Transition {
  readonly before: Temporal.ZonedDateTime;
  readonly after: Temporal.ZonedDateTime;
}

/** Offset seconds of an ISO offset string. */
const offsetSeconds = (zoned: Temporal.ZonedDateTime): number => zoned.offsetNanoseconds / 1e9;

function transitionAt(at: Temporal.ZonedDateTime): Transition {
  return { before: at.subtract({ nanoseconds: 1 }), after: at };
}

function subComponent(transition: Transition): string[] {
  const rising = offsetSeconds(transition.after) > offsetSeconds(transition.before);
  const name = rising ? 'DAYLIGHT' : 'STANDARD';
  // The wall time of the transition instant, read with the offset in force before it.
  const wallBefore = transition.after.withTimeZone(transition.before.offset).toPlainDateTime();
  return [
    `BEGIN:${name}`,
    `DTSTART:${icsLocal(wallBefore)}`,
    `TZOFFSETFROM:${icsOffset(transition.before.offset)}`,
    `TZOFFSETTO:${icsOffset(transition.after.offset)}`,
    `END:${name}`,
  ];
}

const fixedOffset = (offset: string): string[] => [
  'BEGIN:STANDARD',
  'DTSTART:19700101T000000',
  `TZOFFSETFROM:${icsOffset(offset)}`,
  `TZOFFSETTO:${icsOffset(offset)}`,
  'END:STANDARD',
];

/**
 * The VTIMEZONE lines for `zone`, valid for every instant from Jan 1 of `fromYear` to the end
 * of `toYear` (both in that zone's calendar).
 */
export function vtimezoneLines(zone: string, fromYear: number, toYear: number): string[] {
  const spanStart = Temporal.PlainDate.from({ year: fromYear, month: 1, day: 1 }).toZonedDateTime({ timeZone: zone });
  const spanEnd = Temporal.PlainDate.from({ year: toYear + 1, month: 1, day: 1 }).toZonedDateTime({ timeZone: zone });
  const inSpan: Transition[] = [];
  let cursor = spanStart;
  while (inSpan.length < MAX_TRANSITIONS) {
    const next = cursor.getTimeZoneTransition('next');
    if (!next || Temporal.ZonedDateTime.compare(next, spanEnd) >= 0) break;
    inSpan.push(transitionAt(next));
    cursor = next;
  }
  // No change inside the span (UTC, Punta Arenas since 2016, Buenos Aires): one STANDARD.
  if (inSpan.length === 0) return ['BEGIN:VTIMEZONE', `TZID:${zone}`, ...fixedOffset(spanStart.offset), 'END:VTIMEZONE'];
  // Otherwise start with the last change before the span, so the offset at its start is defined.
  const previous = spanStart.add({ nanoseconds: 1 }).getTimeZoneTransition('previous');
  const transitions = previous ? [transitionAt(previous), ...inSpan] : inSpan;
  return ['BEGIN:VTIMEZONE', `TZID:${zone}`, ...transitions.flatMap(subComponent), 'END:VTIMEZONE'];
}
