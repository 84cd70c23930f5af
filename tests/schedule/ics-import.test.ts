import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { agendaToIcs, parseBusyIcs, type BusyImportResult } from '../../shared/schedule/ics';
import type { Session } from '../../shared/schedule/session';

const fixture = (name: string): string => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

function accepted(result: BusyImportResult) {
  if (!result.ok) throw new Error(`refused: ${result.reason}`);
  return result;
}

describe('parseBusyIcs: real-world-looking files', () => {
  it('Google Calendar export: TZID with VTIMEZONE, UTC, folded lines; transparent and cancelled events are not busy', () => {
    const result = accepted(parseBusyIcs(fixture('google-calendar.ics')));
    expect(result.blocks).toEqual([
      { start: '2026-05-12T19:30:00.000Z', end: '2026-05-12T20:30:00.000Z', summary: 'Reunión de coordinación con el equipo de mediación regional (Valparaíso y Biobío)' },
      { start: '2026-05-13T20:00:00.000Z', end: '2026-05-13T21:00:00.000Z', summary: 'Llamada con Lima' },
      // 00:30 on 6 Sep 2026 does not exist in Santiago: read with the offset before the gap (RFC 5545 §3.3.5).
      { start: '2026-09-06T04:30:00.000Z', end: '2026-09-06T05:00:00.000Z', summary: 'Evento en la hora que no existe' },
    ]);
    expect(result.skipped).toBe(2);
    expect(result.warnings).toEqual([]);
  });

  it('Outlook: Windows zone names are mapped; an unknown one is read as UTC with a warning naming it', () => {
    const result = accepted(parseBusyIcs(fixture('outlook.ics')));
    expect(result.blocks).toEqual([
      { start: '2026-07-07T15:00:00.000Z', end: '2026-07-07T16:00:00.000Z', summary: 'Comité de ética' },
      { start: '2026-07-08T09:00:00.000Z', end: '2026-07-08T09:30:00.000Z', summary: 'Llamada Bogotá' },
    ]);
    expect(result.warnings).toEqual([{ code: 'unknown_timezone', count: 1, example: 'Customized Time Zone' }]);
  });

  it('all-day events cover whole local days (a 25-hour day in April included); a DATE without DTEND is one day', () => {
    const result = accepted(parseBusyIcs(fixture('all-day.ics')));
    expect(result.blocks).toEqual([
      { start: '2026-04-03T03:00:00.000Z', end: '2026-04-06T04:00:00.000Z', summary: 'Vacaciones Semana Santa' },
      { start: '2026-09-04T04:00:00.000Z', end: '2026-09-05T04:00:00.000Z', summary: 'Seminario todo el día' },
    ]);
    // Days read in another zone when asked.
    expect(accepted(parseBusyIcs(fixture('all-day.ics'), { zone: 'Pacific/Easter' })).blocks[1]).toMatchObject({ start: '2026-09-04T06:00:00.000Z' });
  });

  it('recurring weekly meeting: expanded in the window, 10:00 stays 10:00 across the April switch, EXDATE and a moved instance honoured', () => {
    const result = accepted(parseBusyIcs(fixture('recurring-weekly.ics'), { window: { from: '2026-03-30T00:00:00.000Z', to: '2026-04-13T00:00:00.000Z' } }));
    expect(result.blocks.map((block) => [block.start, block.end, block.summary])).toEqual([
      ['2026-03-30T12:00:00.000Z', '2026-03-30T12:45:00.000Z', 'Curso intensivo'],
      ['2026-03-31T12:00:00.000Z', '2026-03-31T12:45:00.000Z', 'Curso intensivo'],
      ['2026-03-31T13:00:00.000Z', '2026-03-31T14:00:00.000Z', 'Clínica jurídica (semanal)'], // Tue 10:00 −03:00
      ['2026-04-01T12:00:00.000Z', '2026-04-01T12:45:00.000Z', 'Curso intensivo'], // COUNT=3 ends here
      // Thu 2 Apr is an EXDATE.
      ['2026-04-07T14:00:00.000Z', '2026-04-07T15:00:00.000Z', 'Clínica jurídica (semanal)'], // Tue 10:00 −04:00
      ['2026-04-09T19:00:00.000Z', '2026-04-09T20:00:00.000Z', 'Clínica jurídica (movida a la tarde)'], // the moved Thursday
    ]);
    expect(result.skipped).toBe(1);
    expect(result.warnings).toEqual([{ code: 'recurrence_unsupported', count: 1, example: 'BYDAY with FREQ=MONTHLY' }]);
  });

  it('without a window, series are not expanded and say so', () => {
    const result = accepted(parseBusyIcs(fixture('recurring-weekly.ics')));
    expect(result.blocks.map((block) => block.summary)).toEqual(['Clínica jurídica (movida a la tarde)']);
    expect(result.warnings).toEqual([{ code: 'recurrence_not_expanded', count: 3, example: null }]);
  });

  it('with a window, single events outside it are left out', () => {
    const result = accepted(parseBusyIcs(fixture('google-calendar.ics'), { window: { from: '2026-05-13T00:00:00.000Z', to: '2026-05-20T00:00:00.000Z' } }));
    expect(result.blocks.map((block) => block.summary)).toEqual(['Llamada con Lima']);
    expect(result.warnings).toEqual([{ code: 'outside_window', count: 2, example: null }]);
  });

  it('UNTIL, INTERVAL, YEARLY and a 31st that some months lack', () => {
    const ics = [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'BEGIN:VEVENT',
      'UID:a',
      'DTSTART;TZID=America/Santiago:20260105T090000',
      'DTEND;TZID=America/Santiago:20260105T093000',
      'RRULE:FREQ=WEEKLY;INTERVAL=2;UNTIL=20260216T235959Z',
      'SUMMARY:Cada dos semanas',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'UID:b',
      'DTSTART;TZID=America/Santiago:20260131T180000',
      'DTEND;TZID=America/Santiago:20260131T190000',
      'RRULE:FREQ=MONTHLY;COUNT=4',
      'SUMMARY:Fin de mes',
      'END:VEVENT',
      'END:VCALENDAR',
      '',
    ].join('\r\n');
    const result = accepted(parseBusyIcs(ics, { window: { from: '2026-01-01T00:00:00.000Z', to: '2027-01-01T00:00:00.000Z' } }));
    const summaries = (name: string) => result.blocks.filter((block) => block.summary === name).map((block) => block.start.slice(0, 10));
    expect(summaries('Cada dos semanas')).toEqual(['2026-01-05', '2026-01-19', '2026-02-02', '2026-02-16']);
    // Jan 31, (no Feb 31), Mar 31, (no Apr 31), May 31, (no Jun 31), Jul 31: COUNT counts real occurrences.
    expect(summaries('Fin de mes')).toEqual(['2026-01-31', '2026-03-31', '2026-05-31', '2026-07-31']);
  });

  it('reads back what Mesa exports (TZID and UTC forms alike)', () => {
    const base: Session = {
      id: 's',
      caseId: 'c',
      kind: 'joint',
      mode: { type: 'place', address: 'Sala 1' },
      startsAt: '2026-04-05T02:30:00.000Z', // the first 23:30 of 4 Apr: exported in UTC
      zone: 'America/Santiago',
      durationMinutes: 90,
      participants: [],
      status: 'confirmed',
      sequence: 0,
      version: 1,
      updatedAt: '2026-01-01T00:00:00.000Z',
    };
    const content = { summary: 'Sesión', organizer: { name: 'Ana', email: 'ana@mesa.cl' } };
    const ics = agendaToIcs(
      [
        { session: base, content: { ...content, uid: 'a@mesa' } },
        { session: { ...base, id: 't', startsAt: '2026-09-06T03:30:00.000Z', zone: 'Pacific/Easter' }, content: { ...content, uid: 'b@mesa' } },
      ],
      { dtstamp: '2026-01-01T00:00:00.000Z' },
    );
    expect(accepted(parseBusyIcs(ics)).blocks).toEqual([
      { start: '2026-04-05T02:30:00.000Z', end: '2026-04-05T04:00:00.000Z', summary: 'Sesión' },
      { start: '2026-09-06T03:30:00.000Z', end: '2026-09-06T05:00:00.000Z', summary: 'Sesión' },
    ]);
  });

  it('TZID spellings: quoted, Mozilla path, X-LIC-LOCATION', () => {
    const event = (uid: string, tzid: string) => ['BEGIN:VEVENT', `UID:${uid}`, `DTSTART;TZID=${tzid}:20260707T110000`, 'DURATION:PT1H', `SUMMARY:${uid}`, 'END:VEVENT'];
    const ics = [
      'BEGIN:VCALENDAR',
      'BEGIN:VTIMEZONE',
      'TZID:Hora de Chile',
      'X-LIC-LOCATION:America/Santiago',
      'END:VTIMEZONE',
      ...event('quoted', '"America/Santiago"'),
      ...event('mozilla', '/mozilla.org/20050126_1/America/Santiago'),
      ...event('lic', 'Hora de Chile'),
      'END:VCALENDAR',
    ].join('\n');
    const result = accepted(parseBusyIcs(ics));
    expect(result.blocks.map((block) => block.start)).toEqual(['2026-07-07T15:00:00.000Z', '2026-07-07T15:00:00.000Z', '2026-07-07T15:00:00.000Z']);
    expect(result.warnings).toEqual([]);
  });
});

describe('parseBusyIcs: broken and odd content', () => {
  it('text decoded with the wrong charset is kept as it is, control characters removed', () => {
    const ics = ['BEGIN:VCALENDAR', 'BEGIN:VEVENT', 'UID:x', 'DTSTART:20260512T140000Z', 'DTEND:20260512T150000Z', 'SUMMARY:ReuniÃ³n con SeÃ±or Muñoz \ufffd\u0000\u0007 fin', 'END:VEVENT', 'END:VCALENDAR'].join('\r\n');
    expect(accepted(parseBusyIcs(ics)).blocks[0]?.summary).toBe('ReuniÃ³n con SeÃ±or Muñoz \ufffd  fin');
  });

  it('events with missing or impossible dates, or ending before they start, are skipped with a count', () => {
    const ics = [
      'BEGIN:VCALENDAR',
      'BEGIN:VEVENT',
      'UID:1',
      'SUMMARY:no start',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'UID:2',
      'DTSTART:20260230T100000Z',
      'DTEND:20260230T110000Z',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'UID:3',
      'DTSTART:20260512T150000Z',
      'DTEND:20260512T140000Z',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'UID:4',
      'DTSTART:20260512T150000Z',
      'SUMMARY:zero length (a reminder)',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'UID:5',
      'DTSTART:20260512T150000Z',
      'DURATION:PT1H',
      'SUMMARY:ok',
      'END:VEVENT',
      'END:VCALENDAR',
    ].join('\n');
    const result = accepted(parseBusyIcs(ics));
    expect(result.blocks).toEqual([{ start: '2026-05-12T15:00:00.000Z', end: '2026-05-12T16:00:00.000Z', summary: 'ok' }]);
    expect(result.skipped).toBe(4);
    expect(result.warnings).toEqual([{ code: 'invalid_event', count: 3, example: null }]);
  });

  it('an empty calendar is fine; a byte-order mark is ignored', () => {
    expect(parseBusyIcs('\ufeffBEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n')).toEqual({ ok: true, blocks: [], skipped: 0, warnings: [] });
  });
});
