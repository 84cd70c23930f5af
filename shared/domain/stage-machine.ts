import type { CaseRecord, Outcome, Stage, SubState } from './case';
import { Outcome as OutcomeSchema } from './case';
import type { CaseFacts, EligibilityPolicy } from './eligibility';
import { DEFAULT_ELIGIBILITY_POLICY, escalationCriteria } from './eligibility';
import type { Transition } from './transition';
import { ReopenReason } from './transition';
import { assertNever } from '../util/assert-never';

/**
 * The pure stage machine: Nueva → Negociación → Mediación → Cerrada, with sub-states.
 * It only decides; the core persists the result, bumps the version, writes audit and deadlines.
 */

/** The part of a case the machine reads and writes. */
export type StageState = Pick<CaseRecord, 'stage' | 'subState' | 'outcome' | 'closedFromStage' | 'escalationCriteria'>;

/** What the machine needs beyond the state: eligibility facts for escalate_to_mediation. */
export interface StageContext {
  readonly facts: CaseFacts;
  readonly eligibilityPolicy?: EligibilityPolicy;
}

/** Why a transition was refused; a code the UI translates (with `invalid_transition`). */
export type TransitionFailure =
  /** The stored state is not one the machine knows (e.g. negotiation without a sub-state). */
  | 'inconsistent_state'
  /** The transition does not apply to the current stage/sub-state. */
  | 'not_allowed_here'
  /** `close` with an outcome that cannot end a case at this point. */
  | 'outcome_not_allowed'
  /** `escalate_to_mediation` while no eligibility criterion fires. */
  | 'not_eligible'
  /** `reopen` on a closed case that does not record where it was closed from. */
  | 'reopen_target_unknown';

export type TransitionResult =
  | { readonly ok: true; readonly next: StageState }
  | { readonly ok: false; readonly reason: TransitionFailure };

/** Every legal (stage, subState) pair. Anything else in a row is corrupt or from a newer platform. */
export const STAGE_SLOTS: readonly { readonly stage: Stage; readonly subState: SubState | null }[] = [
  { stage: 'new', subState: null },
  { stage: 'negotiation', subState: 'awaiting_brand_response' },
  { stage: 'negotiation', subState: 'in_negotiation' },
  { stage: 'mediation', subState: 'pending_acceptance' },
  { stage: 'mediation', subState: 'in_progress' },
  { stage: 'mediation', subState: 'agreement_drafting' },
  { stage: 'closed', subState: null },
];

export const isValidStageSlot = (stage: Stage, subState: SubState | null): boolean =>
  STAGE_SLOTS.some((slot) => slot.stage === stage && slot.subState === subState);

/** The sub-state a stage is entered in (also where a reopened case returns). */
export function initialSubState(stage: Stage): SubState | null {
  switch (stage) {
    case 'new':
    case 'closed':
      return null;
    case 'negotiation':
      return 'awaiting_brand_response';
    case 'mediation':
      return 'pending_acceptance';
    default:
      return assertNever(stage, 'stage');
  }
}

/**
 * Where each outcome may close a case from. A stage with `'any'` accepts every sub-state.
 * Data, not code, so the tests and the UI can read the same table.
 */
export const OUTCOME_ORIGINS: Readonly<Record<Outcome, Partial<Record<Stage, readonly SubState[] | 'any'>>>> = {
  resolved_in_negotiation: { negotiation: 'any' },
  agreement_in_mediation: { mediation: ['agreement_drafting'] },
  no_agreement: { mediation: ['in_progress', 'agreement_drafting'] },
  mediation_declined: { mediation: ['pending_acceptance'] },
  party_withdrew: { new: 'any', negotiation: 'any', mediation: 'any' },
  expired: { new: 'any', negotiation: 'any', mediation: 'any' },
};

export function isOutcomeAllowed(outcome: Outcome, stage: Stage, subState: SubState | null): boolean {
  const origin = OUTCOME_ORIGINS[outcome][stage];
  if (origin === undefined) return false;
  return origin === 'any' || (subState !== null && origin.includes(subState));
}

const fail = (reason: TransitionFailure): TransitionResult => ({ ok: false, reason });
const go = (state: StageState, patch: Partial<StageState>): TransitionResult => ({ ok: true, next: { ...state, ...patch } });

/** A sub-state move within one stage: allowed only from `from`. */
const move = (state: StageState, from: SubState, to: SubState): TransitionResult =>
  state.subState === from ? go(state, { subState: to }) : fail('not_allowed_here');

export function applyTransition(state: StageState, transition: Transition, context: StageContext): TransitionResult {
  if (!isValidStageSlot(state.stage, state.subState)) return fail('inconsistent_state');
  switch (transition.type) {
    case 'start_negotiation':
      return state.stage === 'new' ? go(state, { stage: 'negotiation', subState: initialSubState('negotiation') }) : fail('not_allowed_here');
    case 'brand_responded':
      return move(state, 'awaiting_brand_response', 'in_negotiation');
    case 'escalate_to_mediation': {
      if (state.stage !== 'negotiation') return fail('not_allowed_here');
      const criteria = escalationCriteria(context.facts, context.eligibilityPolicy ?? DEFAULT_ELIGIBILITY_POLICY);
      if (criteria.length === 0) return fail('not_eligible');
      // The criteria are recorded so the case can always show why it was escalated.
      return go(state, { stage: 'mediation', subState: initialSubState('mediation'), escalationCriteria: criteria });
    }
    case 'parties_accepted':
      return move(state, 'pending_acceptance', 'in_progress');
    case 'start_agreement_drafting':
      return move(state, 'in_progress', 'agreement_drafting');
    case 'resume_mediation':
      return move(state, 'agreement_drafting', 'in_progress');
    case 'close':
      if (state.stage === 'closed') return fail('not_allowed_here');
      if (!isOutcomeAllowed(transition.outcome, state.stage, state.subState)) return fail('outcome_not_allowed');
      return go(state, { stage: 'closed', subState: null, outcome: transition.outcome, closedFromStage: state.stage });
    case 'reopen': {
      if (state.stage !== 'closed') return fail('not_allowed_here');
      const target = state.closedFromStage;
      if (target === null || target === 'closed') return fail('reopen_target_unknown');
      // Escalation criteria stay: they still explain why the case once reached mediation.
      return go(state, { stage: target, subState: initialSubState(target), outcome: null, closedFromStage: null });
    }
    default:
      return assertNever(transition, 'transition');
  }
}

/** Every concrete transition (one per outcome / reopen reason) that would succeed now. */
export function availableTransitions(state: StageState, context: StageContext): Transition[] {
  const candidates: Transition[] = [
    { type: 'start_negotiation' },
    { type: 'brand_responded' },
    { type: 'escalate_to_mediation' },
    { type: 'parties_accepted' },
    { type: 'start_agreement_drafting' },
    { type: 'resume_mediation' },
    ...OutcomeSchema.options.map((outcome): Transition => ({ type: 'close', outcome })),
    ...ReopenReason.options.map((reason): Transition => ({ type: 'reopen', reason })),
  ];
  return candidates.filter((transition) => applyTransition(state, transition, context).ok);
}
