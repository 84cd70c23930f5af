import { describe, expect, it } from 'vitest';
import { createTranslator, dstGap, durationText, longDate, refusalText, reminderText, warningText, workingDaysText } from '../../shared/i18n';

const es = createTranslator('es-CL');
const en = createTranslator('en');

describe('the skipped DST hour, in words', () => {
  it('finds the jump that swallows 00:30 on the first Sunday of September (Santiago)', () => {
    expect(dstGap('2026-09-06T00:30', 'America/Santiago')).toEqual({ date: '2026-09-06', from: '00:00', to: '01:00' });
    // 2027: Saturday 4 September ends at 24:00 and the clock shows 01:00 on Sunday the 5th.
    expect(dstGap('2027-09-05T00:30', 'America/Santiago')).toEqual({ date: '2027-09-05', from: '00:00', to: '01:00' });
    expect(dstGap('2027-09-05T01:00', 'America/Santiago')).toBeNull();
    // The repeated April hour exists (twice): no gap.
    expect(dstGap('2027-04-03T23:30', 'America/Santiago')).toBeNull();
  });

  it('says what happens, in both languages', () => {
    const start = { localDateTime: '2026-09-06T00:30', zone: 'America/Santiago' };
    expect(refusalText(es, 'nonexistent_time', start)).toBe('Esa hora no existe en Chile continental: el reloj salta de 00:00 a 01:00 el 6 de septiembre de 2026.');
    expect(refusalText(en, 'nonexistent_time', start)).toBe('That time does not exist in mainland Chile: the clock jumps from 00:00 to 01:00 on 6 September 2026.');
    expect(refusalText(es, 'starts_in_past')).toBe('Esa hora ya pasó. Elija una fecha y hora futuras.');
  });

  it('writes long dates by hand', () => {
    expect(longDate('2027-09-05', 'es-CL')).toBe('5 de septiembre de 2027');
    expect(longDate('2027-09-05', 'en')).toBe('5 September 2027');
  });
});

describe('warnings name what they clash with, on the mediator’s clock', () => {
  it('an overlap with another session', () => {
    const text = warningText(
      es,
      { kind: 'overlap', with: { type: 'session', sessionId: 's1', caseId: 'c1', folio: 'RL-2026-000123', sessionKind: 'joint', startsAt: '2026-11-20T13:00:00Z', endsAt: '2026-11-20T14:00:00Z' } },
      'America/Santiago',
    );
    expect(text).toBe('Choca con otra sesión suya: Sesión conjunta del caso RL-2026-000123, 20 nov 2026 de 10:00 a 11:00.');
  });

  it('working hours, holidays and deadlines', () => {
    const hours = { days: [1, 2, 3, 4, 5], start: '09:00', end: '18:00', zone: 'America/Santiago' };
    expect(warningText(es, { kind: 'outside_working_hours', reason: 'hours', workingHours: hours }, 'America/Santiago')).toBe('Queda fuera de su horario de trabajo (lun–vie, de 09:00 a 18:00).');
    expect(warningText(es, { kind: 'holiday', date: '2026-09-18', name: 'Independencia Nacional' }, 'America/Santiago')).toBe('Es feriado en Chile: Independencia Nacional (18 sept 2026).');
    expect(warningText(es, { kind: 'after_deadline', deadlineKind: 'mediation_window', folio: 'RL-1', dueAt: '2026-11-21T02:59:59.999Z' }, 'America/Santiago')).toBe(
      'Termina después del plazo «Ventana de mediación» del caso, que vence el 20 nov 2026 a las 23:59.',
    );
    expect(workingDaysText(es, [1, 3, 5])).toBe('lun, mié, vie');
  });
});

describe('reminders', () => {
  const reminder = { kind: 'session', id: 's1', caseId: 'c1', folio: 'RL-2026-000123', at: '2026-11-20T13:00:00.000Z', leadMinutes: 60, subject: 'joint' } as const;

  it('"Sesión conjunta en 1 hora — RL-2026-000123", counted from now', () => {
    expect(reminderText(es, reminder, '2026-11-20T12:00:00.000Z')).toBe('Sesión conjunta en 1 hora — RL-2026-000123');
    expect(reminderText(es, reminder, '2026-11-20T12:15:00.000Z')).toBe('Sesión conjunta en 45 minutos — RL-2026-000123');
    expect(reminderText(es, reminder, '2026-11-20T13:01:00.000Z')).toBe('Sesión conjunta ahora — RL-2026-000123');
    expect(reminderText(en, { ...reminder, kind: 'deadline', subject: 'brand_response' }, '2026-11-19T13:00:00.000Z')).toBe('Company response: due in 1 day — RL-2026-000123');
  });

  it('durations', () => {
    expect(durationText(es, 90)).toBe('1 hora y 30 minutos');
    expect(durationText(es, 2880)).toBe('2 días');
  });
});
