import type { Outcome, Stage, SubState } from './case';
import type { DayCount, Deadline, DeadlineKind, DeadlineStatus, PolicyDeadlineKind } from './deadline';
import type { Transition } from './transition';
import { computeDueAt, SANTIAGO } from './deadlines';
import { assertNever } from '../util/assert-never';

/**
 * Which deadlines a case gets, how long they are, and how they end. The core (and the demo
 * generator) call `deadlinesFor` after a transition and `settleDeadline` on each open row.
 */

export interface DeadlineRule {
  readonly count: DayCount;
  readonly days: number;
}
export type DeadlineRules = Readonly<Record<PolicyDeadlineKind, DeadlineRule>>;

export interface DeadlinePolicy {
  readonly zone: string;
  /** The center's rules. */
  readonly center: DeadlineRules;
  /** Per-brand overrides, keyed by CaseRecord.brandName (the platform gives no brand id). */
  readonly brandOverrides: Readonly<Record<string, Partial<DeadlineRules>>>;
}

/** The center's defaults (the committed times brands sign up to). */
export const DEFAULT_DEADLINE_RULES: DeadlineRules = Object.freeze({
  /** The brand answers the claim within 5 business days. */
  brand_response: { count: 'business', days: 5 },
  /** Both parties say whether they accept mediation within 3 business days. */
  mediation_acceptance: { count: 'business', days: 3 },
  /** An accepted mediation runs at most 14 calendar days. */
  mediation_window: { count: 'calendar', days: 14 },
  /** After a resolution the consumer may amend the rating of the brand for 7 calendar days. */
  rating_amendment: { count: 'calendar', days: 7 },
});

export const DEFAULT_DEADLINE_POLICY: DeadlinePolicy = Object.freeze({ zone: SANTIAGO, center: DEFAULT_DEADLINE_RULES, brandOverrides: {} });

export function ruleFor(policy: DeadlinePolicy, kind: PolicyDeadlineKind, brandName: string): DeadlineRule {
  // hasOwn, so a brand called "constructor" cannot pick up Object.prototype members.
  const override = Object.hasOwn(policy.brandOverrides, brandName) ? policy.brandOverrides[brandName]?.[kind] : undefined;
  return override ?? policy.center[kind];
}

/** A transition that just happened to a case: what `deadlinesFor` needs to know. */
export interface StageEvent {
  readonly transition: Transition;
  /** The stage/sub-state the case is in after the transition. */
  readonly to: { readonly stage: Stage; readonly subState: SubState | null };
  /** When it happened (ISO UTC instant). */
  readonly at: string;
  readonly brandName: string;
}

/** A deadline row without identity; the caller adds id, caseId and status 'open'. */
export type DeadlineDraft = Pick<Deadline, 'kind' | 'startsAt' | 'dueAt' | 'count' | 'days'>;

/** Outcomes that resolve the dispute; only those open the rating amendment window. */
const RESOLVING_OUTCOMES: ReadonlySet<Outcome> = new Set(['resolved_in_negotiation', 'agreement_in_mediation']);

/** The deadline kind (if any) that starts when a case takes this transition. */
export function deadlineKindStartedBy(event: Pick<StageEvent, 'transition' | 'to'>): PolicyDeadlineKind | null {
  const { transition, to } = event;
  switch (transition.type) {
    case 'start_negotiation':
      return 'brand_response';
    case 'escalate_to_mediation':
      return 'mediation_acceptance';
    case 'parties_accepted':
      return 'mediation_window';
    case 'close':
      return RESOLVING_OUTCOMES.has(transition.outcome) ? 'rating_amendment' : null;
    case 'reopen':
      // A reopened case starts its stage again, with that stage's first deadline.
      if (to.subState === 'awaiting_brand_response') return 'brand_response';
      if (to.subState === 'pending_acceptance') return 'mediation_acceptance';
      return null;
    // Moves inside a stage keep the deadline already running (resume_mediation must not
    // restart the mediation window).
    case 'brand_responded':
    case 'start_agreement_drafting':
    case 'resume_mediation':
      return null;
    default:
      return assertNever(transition, 'transition');
  }
}

/** The deadlines to create for a transition (zero or one today; an array so policies can grow). */
export function deadlinesFor(event: StageEvent, policy: DeadlinePolicy = DEFAULT_DEADLINE_POLICY): DeadlineDraft[] {
  const kind = deadlineKindStartedBy(event);
  if (kind === null) return [];
  const { count, days } = ruleFor(policy, kind, event.brandName);
  return [{ kind, startsAt: event.at, dueAt: computeDueAt({ startsAt: event.at, count, days, zone: policy.zone }), count, days }];
}

/** Transitions that do what a deadline asked for (on time → met, late → breached). */
function fulfils(kind: DeadlineKind, transition: Transition): boolean {
  switch (kind) {
    case 'brand_response':
      return transition.type === 'brand_responded' || (transition.type === 'close' && transition.outcome === 'resolved_in_negotiation');
    case 'mediation_acceptance':
      // Declining is an answer too: the deadline asked the parties to decide.
      return transition.type === 'parties_accepted' || (transition.type === 'close' && transition.outcome === 'mediation_declined');
    case 'mediation_window':
      return transition.type === 'close' && transition.outcome !== 'expired';
    case 'rating_amendment':
      return false;
    case 'agreement_fulfilment':
      // Only the mediator's record of fulfilment settles it (settleFulfilment), never a transition.
      return false;
    default:
      return assertNever(kind, 'deadline kind');
  }
}

/** Whether a transition takes the case out of the situation the deadline belongs to. */
function leaves(kind: DeadlineKind, transition: Transition): boolean {
  switch (kind) {
    case 'brand_response':
    case 'mediation_acceptance':
      return true; // both sub-states are left by every transition allowed from them
    case 'mediation_window':
      return transition.type === 'close';
    case 'rating_amendment':
      return transition.type === 'reopen';
    case 'agreement_fulfilment':
      // A reopened case is no longer closed with that agreement: nothing is left to record.
      return transition.type === 'reopen';
    default:
      return assertNever(kind, 'deadline kind');
  }
}

/**
 * The status an open deadline gets when the case takes `transition` at `at`.
 * Unaffected or already settled deadlines keep their status. A deadline that the transition
 * abandons is 'cancelled' if it was still running, 'breached' if it had already passed.
 */
export function settleDeadline(deadline: Pick<Deadline, 'kind' | 'dueAt' | 'status'>, transition: Transition, at: string): DeadlineStatus {
  if (deadline.status !== 'open' || !leaves(deadline.kind, transition)) return deadline.status;
  const late = Date.parse(at) > Date.parse(deadline.dueAt);
  // The rating window binds nobody: once run out it is simply over, never breached.
  if (deadline.kind === 'rating_amendment') return late ? 'met' : 'cancelled';
  if (fulfils(deadline.kind, transition)) return late ? 'breached' : 'met';
  return late ? 'breached' : 'cancelled';
}

/**
 * A rating amendment window is nobody's duty: once it has run out it is 'met'.
 * The core applies this when it meets an open window whose due instant has passed.
 */
export const settleElapsedWindow = (deadline: Pick<Deadline, 'kind' | 'dueAt' | 'status'>, now: string): DeadlineStatus =>
  deadline.kind === 'rating_amendment' && deadline.status === 'open' && Date.parse(now) > Date.parse(deadline.dueAt) ? 'met' : deadline.status;

/** The agreed fulfilment deadline once the mediator records whether the company fulfilled. */
export const settleFulfilment = (fulfilled: boolean): DeadlineStatus => (fulfilled ? 'met' : 'breached');
