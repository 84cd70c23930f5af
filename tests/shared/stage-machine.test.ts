import { describe, expect, it } from 'vitest';
import { Outcome, Stage, SubState } from '../../shared/domain/case';
import type { StageContext, StageState, TransitionFailure } from '../../shared/domain/stage-machine';
import { applyTransition, availableTransitions, initialSubState, isValidStageSlot, STAGE_SLOTS } from '../../shared/domain/stage-machine';
import { ReopenReason } from '../../shared/domain/transition';
import type { Transition } from '../../shared/domain/transition';

const eligible: StageContext = { facts: { amountClp: 120_000, priorComplaint: true, damageReported: false } };
const ineligible: StageContext = { facts: { amountClp: 9_990, priorComplaint: false, damageReported: false } };

type Slot = `${Stage}/${SubState | '-'}`;
type Expect = { to: Slot } | { fail: TransitionFailure };

const slotOf = (s: StageState): Slot => `${s.stage}/${s.subState ?? '-'}`;

/**
 * The specification, written out by hand for every (slot, transition) pair that SUCCEEDS.
 * Every pair not listed here must fail; the test enumerates all of them.
 */
const ALLOWED: Readonly<Record<string, Partial<Record<string, Slot>>>> = {
  'new/-': { start_negotiation: 'negotiation/awaiting_brand_response', 'close:party_withdrew': 'closed/-', 'close:expired': 'closed/-' },
  'negotiation/awaiting_brand_response': {
    brand_responded: 'negotiation/in_negotiation',
    escalate_to_mediation: 'mediation/pending_acceptance',
    'close:resolved_in_negotiation': 'closed/-',
    'close:party_withdrew': 'closed/-',
    'close:expired': 'closed/-',
  },
  'negotiation/in_negotiation': {
    escalate_to_mediation: 'mediation/pending_acceptance',
    'close:resolved_in_negotiation': 'closed/-',
    'close:party_withdrew': 'closed/-',
    'close:expired': 'closed/-',
  },
  'mediation/pending_acceptance': {
    parties_accepted: 'mediation/in_progress',
    'close:mediation_declined': 'closed/-',
    'close:party_withdrew': 'closed/-',
    'close:expired': 'closed/-',
  },
  'mediation/in_progress': {
    start_agreement_drafting: 'mediation/agreement_drafting',
    'close:no_agreement': 'closed/-',
    'close:party_withdrew': 'closed/-',
    'close:expired': 'closed/-',
  },
  'mediation/agreement_drafting': {
    resume_mediation: 'mediation/in_progress',
    'close:agreement_in_mediation': 'closed/-',
    'close:no_agreement': 'closed/-',
    'close:party_withdrew': 'closed/-',
    'close:expired': 'closed/-',
  },
  'closed/-': {}, // reopen is tested separately: it depends on closedFromStage
};

const ALL_TRANSITIONS: Transition[] = [
  { type: 'start_negotiation' },
  { type: 'brand_responded' },
  { type: 'escalate_to_mediation' },
  { type: 'parties_accepted' },
  { type: 'start_agreement_drafting' },
  { type: 'resume_mediation' },
  ...Outcome.options.map((outcome): Transition => ({ type: 'close', outcome })),
  ...ReopenReason.options.map((reason): Transition => ({ type: 'reopen', reason })),
];

const keyOf = (t: Transition): string => (t.type === 'close' ? `close:${t.outcome}` : t.type);

const stateAt = (slot: (typeof STAGE_SLOTS)[number]): StageState => ({
  stage: slot.stage,
  subState: slot.subState,
  outcome: slot.stage === 'closed' ? 'resolved_in_negotiation' : null,
  closedFromStage: slot.stage === 'closed' ? 'negotiation' : null,
  escalationCriteria: [],
});

/** What the spec says for a pair, derived from ALLOWED plus the failure rules. */
function expected(state: StageState, t: Transition, ctx: StageContext): Expect {
  const slot = slotOf(state);
  if (t.type === 'reopen') return state.stage === 'closed' ? { to: 'negotiation/awaiting_brand_response' } : { fail: 'not_allowed_here' };
  const to = ALLOWED[slot]?.[keyOf(t)];
  if (to && t.type === 'escalate_to_mediation' && ctx === ineligible) return { fail: 'not_eligible' };
  if (to) return { to };
  if (t.type === 'close' && state.stage !== 'closed') return { fail: 'outcome_not_allowed' };
  return { fail: 'not_allowed_here' };
}

describe('STAGE_SLOTS', () => {
  it('lists exactly the seven legal (stage, subState) pairs', () => {
    const all = Stage.options.flatMap((stage) => [null, ...SubState.options].map((subState) => ({ stage, subState })));
    expect(all.filter((s) => isValidStageSlot(s.stage, s.subState)).map((s) => `${s.stage}/${s.subState ?? '-'}`)).toEqual(
      Object.keys(ALLOWED),
    );
  });

  it('enters each stage in its initial sub-state', () => {
    expect(Stage.options.map(initialSubState)).toEqual([null, 'awaiting_brand_response', 'pending_acceptance', null]);
  });
});

describe('applyTransition: every slot × every transition', () => {
  const cases = STAGE_SLOTS.flatMap((slot) =>
    ALL_TRANSITIONS.flatMap((t) =>
      [eligible, ineligible].map((ctx) => ({ slot, t, ctx, label: `${slot.stage}/${slot.subState ?? '-'} + ${keyOf(t)}${t.type === 'reopen' ? `:${t.reason}` : ''} (${ctx === eligible ? 'eligible' : 'ineligible'})` })),
    ),
  );

  it.each(cases)('$label', ({ slot, t, ctx }) => {
    const state = stateAt(slot);
    const result = applyTransition(state, t, ctx);
    const want = expected(state, t, ctx);
    if ('fail' in want) {
      expect(result).toEqual({ ok: false, reason: want.fail });
      return;
    }
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(slotOf(result.next)).toBe(want.to);
    expect(isValidStageSlot(result.next.stage, result.next.subState)).toBe(true);
    if (t.type === 'close') {
      expect(result.next.outcome).toBe(t.outcome);
      expect(result.next.closedFromStage).toBe(slot.stage);
    } else {
      expect(result.next.outcome).toBeNull();
      expect(result.next.closedFromStage).toBeNull();
    }
  });

  it('covers 7 slots × 16 transitions × 2 contexts', () => {
    expect(cases).toHaveLength(7 * (6 + Outcome.options.length + ReopenReason.options.length) * 2);
  });
});

describe('escalate_to_mediation', () => {
  it('records the criteria that fired', () => {
    const state = stateAt({ stage: 'negotiation', subState: 'in_negotiation' });
    const result = applyTransition(state, { type: 'escalate_to_mediation' }, { facts: { amountClp: 75_000, priorComplaint: true, damageReported: true } });
    expect(result).toEqual({ ok: true, next: { ...state, stage: 'mediation', subState: 'pending_acceptance', escalationCriteria: ['verifiable_damage', 'amount_threshold', 'prior_complaint'] } });
  });

  it('uses the policy in the context', () => {
    const state = stateAt({ stage: 'negotiation', subState: 'in_negotiation' });
    const facts = { amountClp: 75_000, priorComplaint: false, damageReported: false };
    expect(applyTransition(state, { type: 'escalate_to_mediation' }, { facts }).ok).toBe(true);
    expect(applyTransition(state, { type: 'escalate_to_mediation' }, { facts, eligibilityPolicy: { mediationAmountThresholdClp: 100_000 } })).toEqual({
      ok: false,
      reason: 'not_eligible',
    });
  });
});

describe('reopen', () => {
  it.each([
    ['new', null],
    ['negotiation', 'awaiting_brand_response'],
    ['mediation', 'pending_acceptance'],
  ] as const)('returns a case closed from %s to its initial sub-state %s and clears the outcome', (from, sub) => {
    const closed: StageState = { stage: 'closed', subState: null, outcome: 'expired', closedFromStage: from, escalationCriteria: ['prior_complaint'] };
    const result = applyTransition(closed, { type: 'reopen', reason: 'new_evidence' }, eligible);
    expect(result).toEqual({ ok: true, next: { stage: from, subState: sub, outcome: null, closedFromStage: null, escalationCriteria: ['prior_complaint'] } });
  });

  it.each([null, 'closed'] as const)('refuses when closedFromStage is %s', (from) => {
    const closed: StageState = { stage: 'closed', subState: null, outcome: 'expired', closedFromStage: from, escalationCriteria: [] };
    expect(applyTransition(closed, { type: 'reopen', reason: 'party_request' }, eligible)).toEqual({ ok: false, reason: 'reopen_target_unknown' });
  });
});

describe('inconsistent states', () => {
  it.each([
    ['negotiation', null],
    ['new', 'in_progress'],
    ['closed', 'in_negotiation'],
    ['mediation', 'awaiting_brand_response'],
  ] as const)('refuses every transition from %s/%s', (stage, subState) => {
    const state: StageState = { stage, subState, outcome: null, closedFromStage: null, escalationCriteria: [] };
    for (const t of ALL_TRANSITIONS) expect(applyTransition(state, t, eligible)).toEqual({ ok: false, reason: 'inconsistent_state' });
    expect(availableTransitions(state, eligible)).toEqual([]);
  });
});

describe('availableTransitions', () => {
  it('matches applyTransition for every slot and context', () => {
    for (const slot of STAGE_SLOTS) {
      for (const ctx of [eligible, ineligible]) {
        const state = stateAt(slot);
        const want = ALL_TRANSITIONS.filter((t) => 'to' in expected(state, t, ctx));
        expect(availableTransitions(state, ctx)).toEqual(want);
      }
    }
  });

  it('offers the mediator the expected menu in mediation/in_progress', () => {
    expect(availableTransitions(stateAt({ stage: 'mediation', subState: 'in_progress' }), eligible)).toEqual([
      { type: 'start_agreement_drafting' },
      { type: 'close', outcome: 'no_agreement' },
      { type: 'close', outcome: 'party_withdrew' },
      { type: 'close', outcome: 'expired' },
    ]);
  });
});
