import { describe, expect, it } from 'vitest';
import { remainingTime } from '../../shared/domain/deadlines';
import { countdownText, createTranslator } from '../../shared/i18n';

const es = createTranslator('es-CL');
const en = createTranslator('en');
const now = '2026-11-20T12:00:00.000Z';

describe('countdownText', () => {
  it('gives two units in the case view and drops a zero second unit', () => {
    expect(countdownText(es, remainingTime('2026-11-21T14:00:00.000Z', now), 'fine')).toBe('Vence en 1 día y 2 horas');
    expect(countdownText(es, remainingTime('2026-11-20T07:00:00.000Z', now), 'fine')).toBe('Vencido hace 5 horas');
    expect(countdownText(en, remainingTime('2026-11-20T12:03:05.000Z', now), 'fine')).toBe('Due in 3 minutes and 5 seconds');
  });

  it('gives the largest unit only in the list', () => {
    expect(countdownText(es, remainingTime('2026-11-23T13:00:00.000Z', now), 'coarse')).toBe('Vence en 3 días');
    expect(countdownText(en, remainingTime('2026-11-20T11:00:00.000Z', now), 'coarse')).toBe('Overdue by 1 hour');
  });
});
