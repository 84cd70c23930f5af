import { describe, expect, it } from 'vitest';
import { DEFAULT_WORKING_HOURS, IanaZone, LocalStart, Participant, ScheduleRequest, Session, SessionMode, WorkingHours } from '../../shared/schedule/session';
import { isIanaZone, normalizeZone } from '../../shared/schedule/zone';

const session = {
  id: 'ses_1',
  caseId: 'case_1',
  kind: 'joint',
  mode: { type: 'video', url: 'https://meet.example.cl/abc' },
  startsAt: '2026-05-12T14:00:00.000Z',
  zone: 'America/Santiago',
  durationMinutes: 60,
  participants: [{ role: 'consumer', name: 'Camila Rojas', zone: 'Pacific/Easter', confirmation: 'pending' }],
  status: 'proposed',
  sequence: 0,
  version: 1,
  updatedAt: '2026-05-01T12:00:00.000Z',
};

describe('IANA zones', () => {
  it.each(['America/Santiago', 'America/Punta_Arenas', 'Pacific/Easter', 'Europe/Madrid', 'UTC', 'Asia/Kolkata', 'America/Argentina/Buenos_Aires'])('accepts %s', (zone) => {
    expect(isIanaZone(zone)).toBe(true);
    expect(IanaZone.safeParse(zone).success).toBe(true);
  });

  it.each(['-03:00', '+00:00', 'Mars/Olympus', '', 'America/Santiago ', 'america/santiago', 'Chile/Continental2'])('refuses %j', (zone) => {
    expect(isIanaZone(zone)).toBe(false);
  });

  it('normalizes the spelling of a known zone (what an importer may receive)', () => {
    expect(normalizeZone('america/santiago')).toBe('America/Santiago');
    expect(normalizeZone('+03:00')).toBeNull();
  });
});

describe('Session schema', () => {
  it('accepts a complete session', () => {
    expect(Session.parse(session)).toEqual(session);
  });

  it('accepts a place and refuses an over-long address', () => {
    expect(SessionMode.safeParse({ type: 'place', address: 'Agustinas 1291, Santiago' }).success).toBe(true);
    expect(SessionMode.safeParse({ type: 'place', address: 'x'.repeat(301) }).success).toBe(false);
  });

  it.each(['http://meet.example.cl/a', 'javascript:alert(1)', 'ftp://x.cl/a', 'meet.example.cl'])('refuses the video link %s (https only)', (url) => {
    expect(SessionMode.safeParse({ type: 'video', url }).success).toBe(false);
  });

  it.each([14, 481, 30.5])('refuses a duration of %s minutes', (durationMinutes) => {
    expect(Session.safeParse({ ...session, durationMinutes }).success).toBe(false);
  });

  it('refuses an offset instead of a zone, a local startsAt and a negative sequence', () => {
    expect(Session.safeParse({ ...session, zone: '-04:00' }).success).toBe(false);
    expect(Session.safeParse({ ...session, startsAt: '2026-05-12T10:00:00-04:00' }).success).toBe(false);
    expect(Session.safeParse({ ...session, sequence: -1 }).success).toBe(false);
    expect(Session.safeParse({ ...session, version: 0 }).success).toBe(false);
  });

  it('refuses a participant in an unknown zone', () => {
    expect(Participant.safeParse({ role: 'company', name: 'Tienda', zone: 'Santiago', confirmation: 'pending' }).success).toBe(false);
  });
});

describe('LocalStart, ScheduleRequest, WorkingHours', () => {
  it('needs YYYY-MM-DDTHH:mm', () => {
    expect(LocalStart.safeParse({ localDateTime: '2026-09-06T10:00', zone: 'America/Santiago' }).success).toBe(true);
    expect(LocalStart.safeParse({ localDateTime: '2026-09-06 10:00', zone: 'America/Santiago' }).success).toBe(false);
    expect(LocalStart.safeParse({ localDateTime: '2026-09-06T10:00:00', zone: 'America/Santiago' }).success).toBe(false);
  });

  it('a schedule request carries a local start, not an instant', () => {
    const request = { caseId: 'case_1', kind: 'caucus_company', mode: { type: 'place', address: 'Sala 2' }, start: { localDateTime: '2026-09-07T09:30', zone: 'America/Santiago' }, durationMinutes: 45 };
    expect(ScheduleRequest.parse(request)).toEqual(request);
  });

  it('the default is Monday to Friday 09:00-18:00 in Santiago', () => {
    expect(WorkingHours.parse(DEFAULT_WORKING_HOURS)).toEqual({ days: [1, 2, 3, 4, 5], start: '09:00', end: '18:00', zone: 'America/Santiago' });
  });

  it('refuses end before start, weekday 0 and 24:00', () => {
    expect(WorkingHours.safeParse({ ...DEFAULT_WORKING_HOURS, start: '18:00', end: '09:00' }).success).toBe(false);
    expect(WorkingHours.safeParse({ ...DEFAULT_WORKING_HOURS, days: [0] }).success).toBe(false);
    expect(WorkingHours.safeParse({ ...DEFAULT_WORKING_HOURS, end: '24:00' }).success).toBe(false);
  });
});
