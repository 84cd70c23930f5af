import { describe, expect, it } from 'vitest';
import { type ConflictInput, detectConflicts, type ScheduledSessionRef } from '../../shared/schedule/conflicts';
import { DEFAULT_WORKING_HOURS } from '../../shared/schedule/session';

// Tuesday 12 May 2026, Santiago winter time (−04:00): 10:00 local = 14:00Z.
const TUESDAY_10 = '2026-05-12T14:00:00.000Z';

const other = (overrides: Partial<ScheduledSessionRef> = {}): ScheduledSessionRef => ({
  id: 'ses_other',
  caseId: 'case_2',
  folio: 'RL-2026-000777',
  kind: 'caucus_company',
  startsAt: '2026-05-12T14:30:00.000Z',
  durationMinutes: 60,
  status: 'confirmed',
  ...overrides,
});

const input = (overrides: Partial<ConflictInput> = {}): ConflictInput => ({
  candidate: { startsAt: TUESDAY_10, durationMinutes: 60 },
  otherSessions: [],
  busyBlocks: [],
  caseDeadlines: [],
  workingHours: DEFAULT_WORKING_HOURS,
  zone: 'America/Santiago',
  ...overrides,
});

describe('detectConflicts', () => {
  it('a Tuesday morning with nothing else is clean', () => {
    expect(detectConflicts(input())).toEqual([]);
  });

  it('names the overlapping session of another case', () => {
    expect(detectConflicts(input({ otherSessions: [other()] }))).toEqual([
      {
        kind: 'overlap',
        with: { type: 'session', sessionId: 'ses_other', caseId: 'case_2', folio: 'RL-2026-000777', sessionKind: 'caucus_company', startsAt: '2026-05-12T14:30:00.000Z', endsAt: '2026-05-12T15:30:00.000Z' },
      },
    ]);
  });

  it('back-to-back is not an overlap, on either side', () => {
    const before = other({ id: 'a', startsAt: '2026-05-12T13:00:00.000Z', durationMinutes: 60 });
    const after = other({ id: 'b', startsAt: '2026-05-12T15:00:00.000Z' });
    expect(detectConflicts(input({ otherSessions: [before, after] }))).toEqual([]);
    // One minute more and it is.
    expect(detectConflicts(input({ otherSessions: [{ ...before, durationMinutes: 61 }] })).map((w) => w.kind)).toEqual(['overlap']);
  });

  it('cancelled sessions and the session being rescheduled do not count; held and no-show do', () => {
    expect(detectConflicts(input({ otherSessions: [other({ status: 'cancelled' })] }))).toEqual([]);
    expect(detectConflicts(input({ candidate: { startsAt: TUESDAY_10, durationMinutes: 60, sessionId: 'ses_other' }, otherSessions: [other()] }))).toEqual([]);
    expect(detectConflicts(input({ otherSessions: [other({ status: 'held' }), other({ id: 'x', status: 'no_show' })] }))).toHaveLength(2);
  });

  it('names an imported busy block', () => {
    const busy = { start: '2026-05-12T13:30:00.000Z', end: '2026-05-12T14:15:00.000Z', summary: 'Dentista' };
    expect(detectConflicts(input({ busyBlocks: [busy] }))).toEqual([{ kind: 'overlap', with: { type: 'busy', summary: 'Dentista', startsAt: busy.start, endsAt: busy.end } }]);
    expect(detectConflicts(input({ busyBlocks: [{ ...busy, end: TUESDAY_10 }] }))).toEqual([]);
  });

  it('warns when the session ends after an open deadline, naming it', () => {
    const deadline = { kind: 'mediation_window' as const, dueAt: '2026-05-12T14:30:00.000Z', folio: 'RL-2026-004512' };
    expect(detectConflicts(input({ caseDeadlines: [deadline] }))).toEqual([{ kind: 'after_deadline', deadlineKind: 'mediation_window', folio: 'RL-2026-004512', dueAt: deadline.dueAt }]);
    // Ends exactly at the deadline: fine. Met or cancelled deadlines: ignored.
    expect(detectConflicts(input({ caseDeadlines: [{ ...deadline, dueAt: '2026-05-12T15:00:00.000Z' }] }))).toEqual([]);
    expect(detectConflicts(input({ caseDeadlines: [{ ...deadline, status: 'met' }, { ...deadline, status: 'cancelled' }] }))).toEqual([]);
  });

  it('outside working hours: too early, ending too late, and on a Saturday', () => {
    const hours = { days: [1, 2, 3, 4, 5], start: '09:00', end: '18:00', zone: 'America/Santiago' };
    const at = (startsAt: string, durationMinutes = 60) => detectConflicts(input({ candidate: { startsAt, durationMinutes } }));
    expect(at('2026-05-12T12:30:00.000Z')).toEqual([{ kind: 'outside_working_hours', reason: 'hours', workingHours: hours }]); // 08:30
    expect(at('2026-05-12T13:00:00.000Z')).toEqual([]); // 09:00-10:00
    expect(at('2026-05-12T21:00:00.000Z')).toEqual([]); // 17:00-18:00 ends exactly at the end
    expect(at('2026-05-12T21:30:00.000Z')).toEqual([{ kind: 'outside_working_hours', reason: 'hours', workingHours: hours }]); // 17:30-18:30
    expect(at('2026-05-16T14:00:00.000Z')).toEqual([{ kind: 'outside_working_hours', reason: 'day', workingHours: hours }]); // Saturday
  });

  it('working hours follow the zone clock across DST (09:00 is 12:00Z in summer, 13:00Z in winter)', () => {
    const at = (startsAt: string) => detectConflicts(input({ candidate: { startsAt, durationMinutes: 30 } })).map((w) => w.kind);
    expect(at('2026-01-13T12:00:00.000Z')).toEqual([]); // Tuesday 09:00 −03:00
    expect(at('2026-07-14T12:00:00.000Z')).toEqual(['outside_working_hours']); // Tuesday 08:00 −04:00
  });

  it('a mediator on Easter Island with their own working hours', () => {
    const workingHours = { days: [1, 2, 3, 4, 5], start: '09:00', end: '18:00', zone: 'Pacific/Easter' };
    // 10:00 in Santiago (14:00Z winter) is 08:00 on the island.
    expect(detectConflicts(input({ workingHours })).map((w) => w.kind)).toEqual(['outside_working_hours']);
  });

  it('names the Chilean holiday', () => {
    // 21 May 2026 (Thursday), Glorias Navales, 10:00 Santiago.
    expect(detectConflicts(input({ candidate: { startsAt: '2026-05-21T14:00:00.000Z', durationMinutes: 60 } }))).toEqual([
      { kind: 'holiday', date: '2026-05-21', name: 'Día de las Glorias Navales' },
    ]);
    // 18 September 2026 (Friday).
    expect(detectConflicts(input({ candidate: { startsAt: '2026-09-18T13:00:00.000Z', durationMinutes: 60 } }))).toEqual([
      { kind: 'holiday', date: '2026-09-18', name: 'Independencia Nacional' },
    ]);
    // Moved holiday: San Pedro y San Pablo 2027 is observed on Monday 28 June.
    expect(detectConflicts(input({ candidate: { startsAt: '2027-06-28T14:00:00.000Z', durationMinutes: 60 } }))).toEqual([
      { kind: 'holiday', date: '2027-06-28', name: 'San Pedro y San Pablo' },
    ]);
  });

  it('a session crossing midnight into a holiday names it (and is outside working hours)', () => {
    // Thursday 17 Sep 2026 23:30 → Friday 18 Sep 00:30 Santiago (−03:00).
    const warnings = detectConflicts(input({ candidate: { startsAt: '2026-09-18T02:30:00.000Z', durationMinutes: 60 } }));
    expect(warnings).toEqual([
      { kind: 'outside_working_hours', reason: 'hours', workingHours: DEFAULT_WORKING_HOURS },
      { kind: 'holiday', date: '2026-09-18', name: 'Independencia Nacional' },
    ]);
  });

  it('outside the holiday table says so instead of guessing', () => {
    expect(detectConflicts(input({ candidate: { startsAt: '2028-05-16T14:00:00.000Z', durationMinutes: 60 } }))).toEqual([
      { kind: 'holiday_data_unavailable', date: '2028-05-16', year: 2028 },
    ]);
  });

  it('reports every kind at once, in a stable order', () => {
    const warnings = detectConflicts(
      input({
        candidate: { startsAt: '2026-05-21T22:00:00.000Z', durationMinutes: 60 }, // 18:00 on a holiday
        otherSessions: [other({ startsAt: '2026-05-21T22:30:00.000Z' })],
        busyBlocks: [{ start: '2026-05-21T21:00:00.000Z', end: '2026-05-21T23:00:00.000Z', summary: 'Clase' }],
        caseDeadlines: [{ kind: 'brand_response', dueAt: '2026-05-21T22:10:00.000Z', folio: 'RL-2026-004512' }],
      }),
    );
    expect(warnings.map((w) => w.kind)).toEqual(['overlap', 'overlap', 'after_deadline', 'outside_working_hours', 'holiday']);
  });

  it('a session spanning the September switch is measured in real minutes', () => {
    // Saturday 5 Sep 2026 23:30 (−04:00) for 60 minutes ends at Sunday 01:30 (−03:00).
    const candidate = { startsAt: '2026-09-06T03:30:00.000Z', durationMinutes: 60 };
    const busy = { start: '2026-09-06T04:29:00.000Z', end: '2026-09-06T05:00:00.000Z', summary: 'Viaje' };
    expect(detectConflicts(input({ candidate, busyBlocks: [busy], workingHours: { ...DEFAULT_WORKING_HOURS, days: [1, 2, 3, 4, 5, 6, 7], start: '00:00', end: '23:59' } })).map((w) => w.kind)).toEqual([
      'overlap',
      'outside_working_hours',
    ]);
    expect(detectConflicts(input({ candidate, busyBlocks: [{ ...busy, start: '2026-09-06T04:30:00.000Z' }] })).map((w) => w.kind)).not.toContain('overlap');
  });
});
