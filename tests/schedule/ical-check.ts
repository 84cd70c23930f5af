import ICAL from 'ical.js';

/**
 * Reads an .ics with ical.js (an independent RFC 5545 implementation) and resolves every
 * event's DTSTART/DTEND through the VTIMEZONEs IN THE FILE only (the service is reset first, so
 * nothing ical.js might know about the zone is used).
 */
export interface ParsedEvent {
  readonly uid: string;
  readonly summary: string;
  readonly description: string | null;
  readonly location: string | null;
  readonly status: string | null;
  readonly sequence: number;
  readonly startMs: number;
  readonly endMs: number;
  readonly startTzid: string | null;
  readonly attendees: readonly string[];
}

export interface ParsedCalendar {
  readonly method: string | null;
  readonly tzids: readonly string[];
  readonly events: readonly ParsedEvent[];
}

export function readWithIcalJs(text: string): ParsedCalendar {
  ICAL.TimezoneService.reset();
  const calendar = new ICAL.Component(ICAL.parse(text));
  const tzids: string[] = [];
  for (const vtimezone of calendar.getAllSubcomponents('vtimezone')) {
    const timezone = new ICAL.Timezone(vtimezone);
    ICAL.TimezoneService.register(timezone, timezone.tzid);
    tzids.push(timezone.tzid);
  }
  // Re-parse so DTSTART values are decorated with the now-registered zones.
  const fresh = new ICAL.Component(ICAL.parse(text));
  const events = fresh.getAllSubcomponents('vevent').map((vevent) => {
    const event = new ICAL.Event(vevent);
    const startProp = vevent.getFirstProperty('dtstart');
    return {
      uid: event.uid,
      summary: event.summary,
      description: (vevent.getFirstPropertyValue('description') as string | null) ?? null,
      location: (vevent.getFirstPropertyValue('location') as string | null) ?? null,
      status: (vevent.getFirstPropertyValue('status') as string | null) ?? null,
      sequence: event.sequence,
      startMs: event.startDate.toUnixTime() * 1000,
      endMs: event.endDate.toUnixTime() * 1000,
      startTzid: (startProp?.getParameter('tzid') as string | undefined) ?? null,
      attendees: vevent.getAllProperties('attendee').map((attendee) => String(attendee.getFirstValue())),
    };
  });
  return { method: (calendar.getFirstPropertyValue('method') as string | null) ?? null, tzids, events };
}
