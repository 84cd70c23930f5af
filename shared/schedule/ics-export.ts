import { Temporal } from 'temporal-polyfill';
import { assertNever } from '../util/assert-never';
import { escapeText, joinLines, paramValue } from './ics-text';
import { sessionEndsAt } from './local-time';
import type { Confirmation, ParticipantRole, Session, SessionStatus } from './session';
import { icsLocal, vtimezoneLines } from './vtimezone';

/**
 * RFC 5545 / RFC 5546 (iTIP) export of sessions.
 *
 * CONFIDENTIALITY: an invitation leaves Mesa and lands in the parties' mailboxes and calendars.
 * It contains the session's time and place plus exactly the summary, description, organizer and
 * attendees the caller passes — nothing is read from the case. The caller must NEVER pass the
 * mediator's private minutes, caucus notes, case description or amounts; a neutral summary
 * ("Sesión conjunta de mediación RL-2026-004512") is enough.
 *
 * - DTSTART/DTEND carry TZID = the zone the session was planned in, with a VTIMEZONE generated
 *   from the zone's real transitions (vtimezone.ts). A wall time that happens twice (the hour
 *   repeated in April) is written in UTC instead: RFC 5545 §3.3.5 says a TZID time means the
 *   first occurrence, but clients disagree (ical.js takes the second — see the tests), and UTC
 *   is read the same by all of them. Sessions planned in UTC are written in UTC.
 * - SEQUENCE is session.sequence: the caller bumps it on every change the parties must see
 *   (new time, place, cancellation) and keeps UID stable, so calendars update in place.
 * - METHOD:CANCEL always writes STATUS:CANCELLED.
 * - DTSTAMP is passed in (shared/ has no clock).
 * Invalid input (a bad e-mail, UID or URL) is a programming error and throws RangeError: the
 * values come from validated records, not from a person typing.
 */

export type IcsMethod = 'REQUEST' | 'CANCEL';

export interface IcsPerson {
  readonly name: string;
  readonly email: string;
}

export interface IcsAttendee extends IcsPerson {
  readonly role?: ParticipantRole;
  readonly confirmation?: Confirmation;
}

/** What goes into one VEVENT besides the session itself. */
export interface IcsEventContent {
  /** Stable per session (e.g. `${session.id}@mesa`), made by the caller. */
  readonly uid: string;
  readonly summary: string;
  /** Neutral text only: never minutes, notes or case details. */
  readonly description?: string;
  readonly organizer: IcsPerson;
  readonly attendees: readonly IcsAttendee[];
  /** https link; defaults to the session's video link. */
  readonly url?: string;
}

export interface SessionIcsOptions extends IcsEventContent {
  readonly method: IcsMethod;
  /** DTSTAMP: when this invitation was produced (ISO UTC instant). */
  readonly dtstamp: string;
}

export interface AgendaEntry {
  readonly session: Session;
  readonly content: Omit<IcsEventContent, 'attendees'> & { readonly attendees?: readonly IcsAttendee[] };
}

export interface AgendaIcsOptions {
  readonly dtstamp: string;
  /** X-WR-CALNAME, shown by Google and Apple as the calendar's name. */
  readonly calendarName?: string;
}

const PRODID = '-//Mesa//Agenda de mediacion 1.0//ES';
const UTC_ZONES = new Set(['UTC', 'Etc/UTC', 'Etc/GMT', 'GMT', 'Etc/Zulu', 'Zulu', 'Etc/Universal', 'Universal']);
const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]+$/;
const UID = /^[\x21-\x7e]{1,255}$/;

const utcStamp = (instant: string): string => `${icsLocal(Temporal.Instant.from(instant).toZonedDateTimeISO('UTC').toPlainDateTime())}Z`;

function mailto(person: IcsPerson): string {
  if (!EMAIL.test(person.email) || person.email.length > 254) throw new RangeError(`Not an e-mail address: ${JSON.stringify(person.email)}`);
  return `mailto:${person.email}`;
}

function httpsUrl(url: string): string {
  const parsed = URL.canParse(url) ? new URL(url) : null;
  if (!parsed || parsed.protocol !== 'https:') throw new RangeError('Invitation links must be https URLs');
  return parsed.href;
}

/** A date-time property: TZID form when its wall time is unambiguous in the zone, UTC form otherwise. */
interface DateTimeValue {
  readonly text: string;
  /** The zone referenced by TZID and the local year, for the VTIMEZONE span. */
  readonly tz: { readonly zone: string; readonly year: number } | null;
}

function dateTimeValue(name: 'DTSTART' | 'DTEND', instant: string, zone: string): DateTimeValue {
  if (UTC_ZONES.has(zone)) return { text: `${name}:${utcStamp(instant)}`, tz: null };
  const zoned = Temporal.Instant.from(instant).toZonedDateTimeISO(zone);
  const wall = zoned.toPlainDateTime();
  const first = wall.toZonedDateTime(zone, { disambiguation: 'earlier' });
  const second = wall.toZonedDateTime(zone, { disambiguation: 'later' });
  if (first.epochNanoseconds !== second.epochNanoseconds) return { text: `${name}:${utcStamp(instant)}`, tz: null };
  return { text: `${name};TZID=${zone}:${icsLocal(wall)}`, tz: { zone, year: zoned.year } };
}

export function icsStatus(status: SessionStatus, method: IcsMethod | null): 'CONFIRMED' | 'TENTATIVE' | 'CANCELLED' {
  if (method === 'CANCEL') return 'CANCELLED';
  switch (status) {
    case 'confirmed':
    case 'held':
    case 'no_show':
      return 'CONFIRMED';
    case 'proposed':
    case 'rescheduled':
      return 'TENTATIVE';
    case 'cancelled':
      return 'CANCELLED';
    default:
      return assertNever(status, 'session status');
  }
}

function partstat(confirmation: Confirmation | undefined): string {
  switch (confirmation) {
    case undefined:
    case 'pending':
      return 'NEEDS-ACTION';
    case 'confirmed':
      return 'ACCEPTED';
    case 'declined':
      return 'DECLINED';
    default:
      return assertNever(confirmation, 'confirmation');
  }
}

function attendeeLine(attendee: IcsAttendee): string {
  const role = attendee.role === 'mediator' ? 'CHAIR' : 'REQ-PARTICIPANT';
  return `ATTENDEE;CN=${paramValue(attendee.name)};CUTYPE=INDIVIDUAL;ROLE=${role};PARTSTAT=${partstat(attendee.confirmation)};RSVP=TRUE:${mailto(attendee)}`;
}

interface BuiltEvent {
  readonly lines: string[];
  readonly zones: { readonly zone: string; readonly year: number }[];
}

function buildEvent(session: Session, content: AgendaEntry['content'], dtstamp: string, method: IcsMethod | null): BuiltEvent {
  if (!UID.test(content.uid)) throw new RangeError('UID must be 1-255 printable ASCII characters without spaces');
  const start = dateTimeValue('DTSTART', session.startsAt, session.zone);
  const end = dateTimeValue('DTEND', sessionEndsAt(session.startsAt, session.durationMinutes), session.zone);
  const mode = session.mode;
  const location = mode.type === 'place' ? mode.address : mode.url;
  const url = content.url ?? (mode.type === 'video' ? mode.url : undefined);
  const lines = [
    'BEGIN:VEVENT',
    `UID:${content.uid}`,
    `DTSTAMP:${utcStamp(dtstamp)}`,
    start.text,
    end.text,
    `SEQUENCE:${session.sequence}`,
    `STATUS:${icsStatus(session.status, method)}`,
    `SUMMARY:${escapeText(content.summary)}`,
    ...(content.description ? [`DESCRIPTION:${escapeText(content.description)}`] : []),
    `LOCATION:${escapeText(location)}`,
    ...(url !== undefined ? [`URL:${httpsUrl(url)}`] : []),
    `ORGANIZER;CN=${paramValue(content.organizer.name)}:${mailto(content.organizer)}`,
    ...(content.attendees ?? []).map(attendeeLine),
    'TRANSP:OPAQUE',
    'END:VEVENT',
  ];
  return { lines, zones: [start.tz, end.tz].filter((tz) => tz !== null) };
}

function vtimezones(events: readonly BuiltEvent[]): string[] {
  const spans = new Map<string, { from: number; to: number }>();
  for (const { zone, year } of events.flatMap((event) => event.zones)) {
    const span = spans.get(zone);
    spans.set(zone, span ? { from: Math.min(span.from, year), to: Math.max(span.to, year) } : { from: year, to: year });
  }
  return [...spans.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).flatMap(([zone, span]) => vtimezoneLines(zone, span.from, span.to));
}

function calendar(header: readonly string[], events: readonly BuiltEvent[]): string {
  return joinLines(['BEGIN:VCALENDAR', 'VERSION:2.0', `PRODID:${PRODID}`, 'CALSCALE:GREGORIAN', ...header, ...vtimezones(events), ...events.flatMap((event) => event.lines), 'END:VCALENDAR']);
}

/** One session as an iTIP invitation (METHOD:REQUEST) or cancellation (METHOD:CANCEL). */
export function sessionToIcs(session: Session, options: SessionIcsOptions): string {
  return calendar([`METHOD:${options.method}`], [buildEvent(session, options, options.dtstamp, options.method)]);
}

/**
 * The whole agenda as a plain calendar file for the mediator's own calendar: no METHOD (it is
 * not an invitation, so importing it sends nothing to anyone), cancelled sessions included as
 * STATUS:CANCELLED so an earlier import is corrected.
 */
export function agendaToIcs(entries: readonly AgendaEntry[], options: AgendaIcsOptions): string {
  const header = options.calendarName ? [`X-WR-CALNAME:${escapeText(options.calendarName)}`] : [];
  return calendar(header, entries.map((entry) => buildEvent(entry.session, entry.content, options.dtstamp, null)));
}
