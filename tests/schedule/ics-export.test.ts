import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { agendaToIcs, foldLine, sessionToIcs, type SessionIcsOptions } from '../../shared/schedule/ics';
import { resolveLocalStart } from '../../shared/schedule/local-time';
import type { Session } from '../../shared/schedule/session';
import { readWithIcalJs } from './ical-check';

const baseSession: Session = {
  id: 'ses_1',
  caseId: 'case_1',
  kind: 'joint',
  mode: { type: 'video', url: 'https://meet.example.cl/abc-def' },
  startsAt: '2026-05-12T14:00:00.000Z',
  zone: 'America/Santiago',
  durationMinutes: 60,
  participants: [{ role: 'consumer', name: 'Camila Rojas', zone: 'America/Santiago', confirmation: 'pending' }],
  status: 'proposed',
  sequence: 0,
  version: 1,
  updatedAt: '2026-05-01T12:00:00.000Z',
};

const options: SessionIcsOptions = {
  method: 'REQUEST',
  uid: 'ses_1@mesa.example.cl',
  dtstamp: '2026-05-01T12:00:00.000Z',
  summary: 'Sesión conjunta de mediación RL-2026-004512',
  organizer: { name: 'Mediadora Ana Soto', email: 'ana.soto@mesa.example.cl' },
  attendees: [
    { name: 'Camila Rojas', email: 'camila@example.com', role: 'consumer', confirmation: 'confirmed' },
    { name: 'Tienda Ñandú SpA', email: 'legal@nandu.example.cl', role: 'company' },
  ],
};

const session = (overrides: Partial<Session>): Session => ({ ...baseSession, ...overrides });

const physicalLines = (ics: string): string[] => ics.split('\r\n').slice(0, -1);

/** Every local start on both sides of every switch, per zone. */
function startsAroundSwitches(zone: string): string[] {
  const times: string[] = [];
  let cursor = Temporal.ZonedDateTime.from({ timeZone: zone, year: 2025, month: 1, day: 1 });
  for (let i = 0; i < 12; i++) {
    const next = cursor.getTimeZoneTransition('next');
    if (!next || next.year > 2027) break;
    for (const minutes of [-150, -90, -30, 0, 30, 90, 24 * 60]) times.push(new Date(next.epochMilliseconds + minutes * 60_000).toISOString());
    cursor = next;
  }
  // Zones without switches: a few dates through the year.
  if (times.length === 0) for (const date of ['2025-04-06', '2025-09-07', '2026-04-05', '2026-09-06', '2027-04-04', '2027-09-05']) times.push(`${date}T03:30:00.000Z`);
  return times;
}

describe('sessionToIcs read back by ical.js', () => {
  it.each(['America/Santiago', 'Pacific/Easter', 'America/Punta_Arenas', 'Europe/Madrid', 'UTC'])('%s: every start/end around the 2025-2027 switches is the same UTC instant', (zone) => {
    const starts = startsAroundSwitches(zone);
    expect(starts.length).toBeGreaterThan(5);
    for (const startsAt of starts) {
      for (const durationMinutes of [15, 60, 150]) {
        const ics = sessionToIcs(session({ zone, startsAt, durationMinutes }), options);
        const [event] = readWithIcalJs(ics).events;
        expect(new Date(event?.startMs ?? 0).toISOString(), `${zone} ${startsAt}`).toBe(startsAt);
        expect(event?.endMs, `${zone} ${startsAt} +${durationMinutes}`).toBe(Date.parse(startsAt) + durationMinutes * 60_000);
      }
    }
  });

  it('a session typed by the mediator on each Chilean switch day lands where resolveLocalStart put it', () => {
    for (const localDateTime of ['2025-04-05T23:30', '2025-09-06T23:30', '2025-09-07T01:00', '2026-04-04T22:45', '2026-04-04T23:15', '2026-09-06T01:30', '2027-04-03T23:59', '2027-09-05T02:00']) {
      const resolved = resolveLocalStart({ localDateTime, zone: 'America/Santiago' });
      if (!resolved.ok) throw new Error(`${localDateTime} should exist`);
      const [event] = readWithIcalJs(sessionToIcs(session({ startsAt: resolved.instant, durationMinutes: 90 }), options)).events;
      expect(new Date(event?.startMs ?? 0).toISOString(), localDateTime).toBe(resolved.instant);
      expect(event?.endMs).toBe(Date.parse(resolved.instant) + 90 * 60_000);
    }
  });

  it('uses TZID for ordinary times and UTC for a wall time that happens twice', () => {
    const ordinary = sessionToIcs(session({ startsAt: '2026-05-12T14:00:00.000Z' }), options);
    expect(ordinary).toContain('DTSTART;TZID=America/Santiago:20260512T100000\r\n');
    expect(ordinary).toContain('DTEND;TZID=America/Santiago:20260512T110000\r\n');
    // 23:30 (−03:00) on 4 Apr 2026 exists twice; 90 minutes later it is 00:00 (−04:00), unambiguous.
    const repeated = sessionToIcs(session({ startsAt: '2026-04-05T02:30:00.000Z', durationMinutes: 90 }), options);
    expect(repeated).toContain('DTSTART:20260405T023000Z\r\n');
    expect(repeated).toContain('DTEND;TZID=America/Santiago:20260405T000000\r\n');
    // 60 minutes later it is the second 23:30 (−04:00): UTC as well.
    expect(sessionToIcs(session({ startsAt: '2026-04-05T02:30:00.000Z', durationMinutes: 60 }), options)).toContain('DTEND:20260405T033000Z\r\n');
    // Sessions planned in UTC are plain UTC, without VTIMEZONE.
    const utc = sessionToIcs(session({ zone: 'UTC' }), options);
    expect(utc).toContain('DTSTART:20260512T140000Z');
    expect(utc).not.toContain('VTIMEZONE');
  });

  it('carries UID, SEQUENCE, METHOD and STATUS', () => {
    const proposed = readWithIcalJs(sessionToIcs(session({ sequence: 0 }), options));
    expect(proposed.method).toBe('REQUEST');
    expect(proposed.events[0]).toMatchObject({ uid: 'ses_1@mesa.example.cl', sequence: 0, status: 'TENTATIVE' });
    const confirmed = readWithIcalJs(sessionToIcs(session({ status: 'confirmed', sequence: 3 }), options));
    expect(confirmed.events[0]).toMatchObject({ uid: 'ses_1@mesa.example.cl', sequence: 3, status: 'CONFIRMED' });
    const cancelled = readWithIcalJs(sessionToIcs(session({ status: 'cancelled', sequence: 4 }), { ...options, method: 'CANCEL' }));
    expect(cancelled.method).toBe('CANCEL');
    expect(cancelled.events[0]).toMatchObject({ uid: 'ses_1@mesa.example.cl', sequence: 4, status: 'CANCELLED' });
    // CANCEL always says CANCELLED, even if the record was not updated yet.
    expect(sessionToIcs(session({ status: 'confirmed' }), { ...options, method: 'CANCEL' })).toContain('STATUS:CANCELLED');
  });

  it('writes organizer, attendees with their answers, and the place', () => {
    const ics = sessionToIcs(session({ mode: { type: 'place', address: 'Agustinas 1291, piso 3; Santiago' } }), options);
    const [event] = readWithIcalJs(ics).events;
    expect(event?.attendees).toEqual(['mailto:camila@example.com', 'mailto:legal@nandu.example.cl']);
    expect(event?.location).toBe('Agustinas 1291, piso 3; Santiago');
    expect(ics.replace(/\r\n /g, '')).toContain('PARTSTAT=ACCEPTED');
    expect(ics).toContain('ORGANIZER;CN=Mediadora Ana Soto:mailto:ana.soto@mesa.example.cl');
    expect(ics).not.toContain('URL:');
  });

  it('contains nothing it was not given: no participant names unless passed as attendees, no case data', () => {
    const ics = sessionToIcs(session({}), { ...options, attendees: [] });
    expect(ics).not.toContain('Camila');
    expect(ics).not.toContain('case_1');
    expect(ics).not.toContain('DESCRIPTION');
  });

  it('escapes text and ical.js reads back exactly what was written', () => {
    const summary = 'Sesión; "conjunta", caso\\RL-2026 — Ñuñoa 🙂';
    const description = 'Línea 1\nLínea 2, con coma; y punto y coma\r\nFin \\ barra';
    const [event] = readWithIcalJs(sessionToIcs(session({}), { ...options, summary, description })).events;
    expect(event?.summary).toBe(summary);
    expect(event?.description).toBe(description.replace(/\r\n/g, '\n'));
  });

  it('refuses invalid e-mail addresses, UIDs and non-https links', () => {
    expect(() => sessionToIcs(session({}), { ...options, organizer: { name: 'x', email: 'not-an-email' } })).toThrow(RangeError);
    expect(() => sessionToIcs(session({}), { ...options, attendees: [{ name: 'x', email: 'a@b.cl>\r\nATTENDEE:mailto:evil@x.com' }] })).toThrow(RangeError);
    expect(() => sessionToIcs(session({}), { ...options, uid: 'has space' })).toThrow(RangeError);
    expect(() => sessionToIcs(session({}), { ...options, url: 'http://meet.example.cl' })).toThrow(RangeError);
  });

  it('a CN with separators is quoted; quotes and newlines cannot break out of the parameter', () => {
    const ics = sessionToIcs(session({}), { ...options, attendees: [{ name: 'Pérez, "Juan";\r\nX-EVIL:1', email: 'juan@example.com' }] });
    expect(ics).toContain('ATTENDEE;CN="Pérez,  Juan ;  X-EVIL:1"');
    expect(physicalLines(ics).some((line) => line.startsWith('X-EVIL'))).toBe(false);
    expect(readWithIcalJs(ics).events[0]?.attendees).toEqual(['mailto:juan@example.com']);
  });
});

describe('RFC 5545 framing', () => {
  const longIcs = sessionToIcs(session({ mode: { type: 'place', address: 'Ñ'.repeat(150) } }), {
    ...options,
    summary: `${'Mediación con acentos áéíóú y emoji 🙂🙂🙂 '.repeat(8)}fin`,
    description: '日本語のテキスト'.repeat(40),
  });

  it('CRLF line endings only, and a final CRLF', () => {
    expect(longIcs.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(longIcs.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('no physical line over 75 octets, and no character split across lines', () => {
    for (const line of physicalLines(longIcs)) {
      const bytes = Buffer.from(line, 'utf8');
      expect(bytes.length).toBeLessThanOrEqual(75);
      // A split character would not survive a UTF-8 round trip of the line alone.
      expect(bytes.toString('utf8')).toBe(line);
      expect(line).not.toMatch(/[\ud800-\udbff]$|^[\udc00-\udfff]/);
    }
  });

  it('folding is undone by unfolding', () => {
    const line = `SUMMARY:${'ab🙂ñ'.repeat(60)}`;
    expect(foldLine(line).replace(/\r\n /g, '')).toBe(line);
    expect(foldLine('SHORT:1')).toBe('SHORT:1');
  });

  it('the folded long texts still read back exactly', () => {
    const [event] = readWithIcalJs(longIcs).events;
    expect(event?.summary).toBe(`${'Mediación con acentos áéíóú y emoji 🙂🙂🙂 '.repeat(8)}fin`);
    expect(event?.location).toBe('Ñ'.repeat(150));
  });
});

describe('VTIMEZONE', () => {
  const block = (ics: string, tzid: string): string => {
    const start = ics.indexOf(`BEGIN:VTIMEZONE\r\nTZID:${tzid}\r\n`);
    return ics.slice(start, ics.indexOf('END:VTIMEZONE', start));
  };

  it('America/Santiago: the April and September switches of the session year, from the real transitions', () => {
    const tz = block(sessionToIcs(session({ startsAt: '2026-05-12T14:00:00.000Z' }), options), 'America/Santiago');
    expect(tz).toContain('BEGIN:STANDARD\r\nDTSTART:20260405T000000\r\nTZOFFSETFROM:-0300\r\nTZOFFSETTO:-0400\r\nEND:STANDARD');
    expect(tz).toContain('BEGIN:DAYLIGHT\r\nDTSTART:20260906T000000\r\nTZOFFSETFROM:-0400\r\nTZOFFSETTO:-0300\r\nEND:DAYLIGHT');
    // The change before the year, so 1 Jan is defined.
    expect(tz).toContain('DTSTART:20250907T000000');
  });

  it('covers every year an agenda spans, one VTIMEZONE per zone', () => {
    const { attendees: _attendees, ...content } = options;
    const ics = agendaToIcs(
      [
        { session: session({ id: 'a', startsAt: '2025-06-02T14:00:00.000Z' }), content: { ...content, uid: 'a@mesa' } },
        { session: session({ id: 'b', startsAt: '2027-10-04T13:00:00.000Z' }), content: { ...content, uid: 'b@mesa' } },
        { session: session({ id: 'c', startsAt: '2026-03-02T13:00:00.000Z', zone: 'Europe/Madrid' }), content: { ...options, uid: 'c@mesa' } },
      ],
      { dtstamp: '2026-05-01T12:00:00.000Z', calendarName: 'Agenda de mediación' },
    );
    expect(ics.match(/BEGIN:VTIMEZONE/g)).toHaveLength(2);
    const santiago = block(ics, 'America/Santiago');
    for (const date of ['20250406', '20250907', '20260405', '20260906', '20270404', '20270905']) expect(santiago).toContain(`DTSTART:${date}T000000`);
    expect(santiago).not.toContain('DTSTART:2028');
    expect(block(ics, 'Europe/Madrid')).toContain('BEGIN:DAYLIGHT\r\nDTSTART:20260329T020000\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200');
    const parsed = readWithIcalJs(ics);
    expect(parsed.method).toBeNull();
    expect(parsed.tzids).toEqual(['America/Santiago', 'Europe/Madrid']);
    expect(parsed.events.map((event) => [event.uid, new Date(event.startMs).toISOString()])).toEqual([
      ['a@mesa', '2025-06-02T14:00:00.000Z'],
      ['b@mesa', '2027-10-04T13:00:00.000Z'],
      ['c@mesa', '2026-03-02T13:00:00.000Z'],
    ]);
    expect(parsed.events.map((event) => event.attendees.length)).toEqual([0, 0, 2]);
    expect(ics).not.toContain('METHOD');
  });

  it('a zone without DST gets a single STANDARD (Punta Arenas −03:00)', () => {
    const tz = block(sessionToIcs(session({ zone: 'America/Punta_Arenas' }), options), 'America/Punta_Arenas');
    expect(tz).toBe('BEGIN:VTIMEZONE\r\nTZID:America/Punta_Arenas\r\nBEGIN:STANDARD\r\nDTSTART:19700101T000000\r\nTZOFFSETFROM:-0300\r\nTZOFFSETTO:-0300\r\nEND:STANDARD\r\n');
  });

  it('Pacific/Easter switches at 22:00 local on Saturday', () => {
    const tz = block(sessionToIcs(session({ zone: 'Pacific/Easter' }), options), 'Pacific/Easter');
    expect(tz).toContain('BEGIN:STANDARD\r\nDTSTART:20260404T220000\r\nTZOFFSETFROM:-0500\r\nTZOFFSETTO:-0600');
    expect(tz).toContain('BEGIN:DAYLIGHT\r\nDTSTART:20260905T220000\r\nTZOFFSETFROM:-0600\r\nTZOFFSETTO:-0500');
  });
});
