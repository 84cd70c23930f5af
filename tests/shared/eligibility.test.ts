import { describe, expect, it } from 'vitest';
import { DEFAULT_ELIGIBILITY_POLICY, escalationCriteria, isEligibleForMediation } from '../../shared/domain/eligibility';
import { EscalationCriterion } from '../../shared/domain/case';

describe('escalationCriteria', () => {
  it('defaults the amount threshold to 50 000 CLP', () => {
    expect(DEFAULT_ELIGIBILITY_POLICY.mediationAmountThresholdClp).toBe(50_000);
    expect(Object.isFrozen(DEFAULT_ELIGIBILITY_POLICY)).toBe(true);
  });

  it.each([
    [{ amountClp: 10_000, priorComplaint: false, damageReported: false }, []],
    [{ amountClp: 49_999, priorComplaint: false, damageReported: false }, []],
    [{ amountClp: 50_000, priorComplaint: false, damageReported: false }, ['amount_threshold']],
    [{ amountClp: 1_000, priorComplaint: true, damageReported: false }, ['prior_complaint']],
    [{ amountClp: 1_000, priorComplaint: false, damageReported: true }, ['verifiable_damage']],
    [{ amountClp: 2_499_990, priorComplaint: true, damageReported: true }, ['verifiable_damage', 'amount_threshold', 'prior_complaint']],
  ] as const)('%j → %j', (facts, expected) => {
    expect(escalationCriteria(facts)).toEqual(expected);
    expect(isEligibleForMediation(facts)).toBe(expected.length > 0);
  });

  it('honours a custom threshold', () => {
    const facts = { amountClp: 80_000, priorComplaint: false, damageReported: false };
    expect(escalationCriteria(facts, { mediationAmountThresholdClp: 100_000 })).toEqual([]);
    expect(escalationCriteria(facts, { mediationAmountThresholdClp: 80_000 })).toEqual(['amount_threshold']);
  });

  it('returns criteria in the schema order, each at most once', () => {
    const all = escalationCriteria({ amountClp: 60_000, priorComplaint: true, damageReported: true });
    const order = EscalationCriterion.options;
    expect([...all].sort((a, b) => order.indexOf(a) - order.indexOf(b))).toEqual(all);
    expect(new Set(all).size).toBe(all.length);
  });
});
