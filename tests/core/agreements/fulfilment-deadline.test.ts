import { describe, expect, it } from 'vitest';
import { fulfilmentTerm } from '../../../electron/core/agreements/fulfilment-deadline';
import { computeDueAt, dueLocalDate, endOfLocalDay, localDateOf } from '../../../shared/domain/deadlines';

describe('fulfilmentTerm', () => {
  const agreedOn = '2026-12-17';
  const startsAt = endOfLocalDay(agreedOn);

  it('is the business-day period that ends on the agreed date, counted over Chilean holidays', () => {
    // 10 business days from Thu 17 Dec 2026 skip the weekends, Christmas and New Year's Day.
    const due = dueLocalDate({ startsAt, count: 'business', days: 10 });
    expect(due).toBe('2027-01-04');
    const term = fulfilmentTerm({ fecha_acuerdo: agreedOn, plazo_reembolso: 10, plazo_devolucion: 3, monto_reembolso: 10 }, due);
    expect(term).toEqual({ startsAt, count: 'business', days: 10, dueAt: computeDueAt({ startsAt, count: 'business', days: 10 }) });
    expect(localDateOf(term.dueAt)).toBe(due);
  });

  it('is the plain date when no period of the agreement ends on it', () => {
    expect(fulfilmentTerm({ fecha_acuerdo: agreedOn, plazo_reembolso: 3 }, agreedOn)).toEqual({ startsAt, count: 'calendar', days: 0, dueAt: endOfLocalDay(agreedOn) });
    expect(fulfilmentTerm({ fecha_acuerdo: agreedOn }, '2026-12-31')).toMatchObject({ count: 'calendar', days: 14, dueAt: endOfLocalDay('2026-12-31') });
  });

  it('ignores values that are not day counts', () => {
    const term = fulfilmentTerm({ fecha_acuerdo: agreedOn, plazo_reembolso: '10', nombre_consumidor: 'Ana' }, '2026-12-31');
    expect(term.count).toBe('calendar');
  });
});
