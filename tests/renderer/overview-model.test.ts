import { describe, expect, it } from 'vitest';
import { AgreementOverviewState } from '../../shared/contract/agreements';
import { createTranslator } from '../../shared/i18n';
import { AGREEMENT_CHIPS, chipCount, dueText } from '../../renderer/src/features/overview/agreement-overview-model';

const es = createTranslator('es-CL');
const en = createTranslator('en');
const pending = (dueDate: string) => ({ dueDate, dueAt: `${dueDate}T02:59:59.999Z`, status: 'pending' as const });

describe('dueText', () => {
  it('counts whole days in Santiago between today and the agreed date, both ways', () => {
    expect(dueText(pending('2026-11-22'), '2026-11-22', es)).toBe('vence hoy');
    expect(dueText(pending('2026-11-23'), '2026-11-22', es)).toBe('vence mañana');
    expect(dueText(pending('2026-12-02'), '2026-11-22', es)).toBe('vence en 10 días');
    expect(dueText(pending('2026-11-21'), '2026-11-22', es)).toBe('vencido hace 1 día');
    expect(dueText(pending('2026-11-01'), '2026-11-22', en)).toBe('21 days overdue');
  });

  it('says nothing once the fulfilment was recorded', () => {
    expect(dueText({ ...pending('2026-11-01'), status: 'fulfilled' }, '2026-11-22', es)).toBeNull();
  });
});

describe('agreement chips', () => {
  const counts = Object.fromEntries(AgreementOverviewState.options.map((state, index) => [state, index + 1])) as Record<AgreementOverviewState, number>;

  it('"all" counts every state once; the others only their states', () => {
    const all = AgreementOverviewState.options.reduce((sum, _, index) => sum + index + 1, 0);
    expect(chipCount(counts, [])).toBe(all);
    expect(chipCount(counts, ['draft'])).toBe(counts.draft);
  });

  it('every state is reachable from a chip other than "all"', () => {
    const covered = new Set(AGREEMENT_CHIPS.filter((chip) => chip.id !== 'all').flatMap((chip) => chip.states));
    expect([...AgreementOverviewState.options].filter((state) => !covered.has(state))).toEqual([]);
  });
});
