import type { CaseRecord, EscalationCriterion } from './case';

/** The facts of a case that decide whether a failed negotiation may go to mediation. */
export type CaseFacts = Pick<CaseRecord, 'amountClp' | 'priorComplaint' | 'damageReported'>;

/** Center-level eligibility settings. Kept as an object so a center (or brand) can override it. */
export interface EligibilityPolicy {
  /**
   * Purchases at or above this amount (CLP, inclusive) qualify on amount alone. 50 000 CLP is
   * the default the center agreed on for the pilot; it is a policy value, not law.
   */
  readonly mediationAmountThresholdClp: number;
}

export const DEFAULT_ELIGIBILITY_POLICY: EligibilityPolicy = Object.freeze({
  mediationAmountThresholdClp: 50_000,
});

/**
 * The criteria that fire for a case, in the schema's order (verifiable_damage, amount_threshold,
 * prior_complaint) so that equal facts always give an equal, comparable array.
 * An empty array means the case is not eligible for mediation.
 */
export function escalationCriteria(facts: CaseFacts, policy: EligibilityPolicy = DEFAULT_ELIGIBILITY_POLICY): EscalationCriterion[] {
  const criteria: EscalationCriterion[] = [];
  if (facts.damageReported) criteria.push('verifiable_damage');
  if (facts.amountClp >= policy.mediationAmountThresholdClp) criteria.push('amount_threshold');
  if (facts.priorComplaint) criteria.push('prior_complaint');
  return criteria;
}

export const isEligibleForMediation = (facts: CaseFacts, policy: EligibilityPolicy = DEFAULT_ELIGIBILITY_POLICY): boolean =>
  escalationCriteria(facts, policy).length > 0;
