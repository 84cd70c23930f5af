import type { CaseRecord, Outcome } from '../../../shared/domain/case';
import type { Deadline } from '../../../shared/domain/deadline';
import { DEFAULT_DEADLINE_POLICY, deadlinesFor, settleDeadline, settleElapsedWindow } from '../../../shared/domain/deadline-policy';
import type { CaseFacts } from '../../../shared/domain/eligibility';
import type { StageState } from '../../../shared/domain/stage-machine';
import { applyTransition } from '../../../shared/domain/stage-machine';
import type { Transition } from '../../../shared/domain/transition';
import { assertNever } from '../../../shared/util/assert-never';
import type { Rng } from './prng';

/**
 * A demo case's life: a scenario (the transitions it went through), replayed through the real
 * stage machine and deadline policy, so every generated case is one the app could have produced.
 */

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const t = {
  start: { type: 'start_negotiation' },
  responded: { type: 'brand_responded' },
  escalate: { type: 'escalate_to_mediation' },
  accepted: { type: 'parties_accepted' },
  drafting: { type: 'start_agreement_drafting' },
  resume: { type: 'resume_mediation' },
} as const satisfies Record<string, Transition>;
const close = (outcome: Outcome): Transition => ({ type: 'close', outcome });

/** Weighted scenarios (weights are per mille). Stage mix: ~70 % closed, 15 % negotiation, 8 % mediation, 7 % new. */
const SCENARIOS: readonly (readonly [(rng: Rng) => Transition[], number])[] = [
  [(r) => [t.start, ...(r.chance(0.9) ? [t.responded] : []), close('resolved_in_negotiation')], 460],
  [(r) => [t.start, t.responded, t.escalate, t.accepted, t.drafting, ...(r.chance(0.15) ? [t.resume, t.drafting] : []), close('agreement_in_mediation')], 60],
  [(r) => [t.start, t.responded, t.escalate, t.accepted, ...(r.chance(0.4) ? [t.drafting] : []), close('no_agreement')], 40],
  [(r) => r.weighted([[[close('party_withdrew')], 1], [[t.start, close('party_withdrew')], 3], [[t.start, t.responded, close('party_withdrew')], 4], [[t.start, t.responded, t.escalate, t.accepted, close('party_withdrew')], 2]]), 50],
  [(r) => [t.start, ...(r.chance(0.85) ? [t.responded] : []), t.escalate, close('mediation_declined')], 40],
  [(r) => r.weighted([[[close('expired')], 1], [[t.start, close('expired')], 6], [[t.start, t.responded, t.escalate, close('expired')], 3]]), 50],
  [() => [t.start], 60],
  [() => [t.start, t.responded], 90],
  [(r) => [t.start, ...(r.chance(0.85) ? [t.responded] : []), t.escalate], 30],
  [() => [t.start, t.responded, t.escalate, t.accepted], 30],
  [() => [t.start, t.responded, t.escalate, t.accepted, t.drafting], 20],
  [() => [], 70],
];

export const pickScenario = (rng: Rng): Transition[] => rng.weighted(SCENARIOS)(rng);

export const reachesMediation = (scenario: readonly Transition[]): boolean => scenario.some((x) => x.type === 'escalate_to_mediation');

/**
 * How long after the previous step a transition happens. Calibrated against the default
 * deadlines: most brands answer inside their 5 business days, ~15 % late; "expired" closes
 * come after the running deadline has passed; mediations mostly close inside 14 days.
 */
function delayMs(rng: Rng, transition: Transition, previous: Transition | undefined): number {
  switch (transition.type) {
    case 'start_negotiation':
      return rng.between(0.2, 20) * HOUR;
    case 'brand_responded':
      return rng.chance(0.85) ? rng.between(2, 96) * HOUR : rng.between(10, 14) * DAY;
    case 'escalate_to_mediation':
      return rng.between(1, 10) * DAY;
    case 'parties_accepted':
      return rng.chance(0.9) ? rng.between(3, 60) * HOUR : rng.between(8, 11) * DAY;
    case 'start_agreement_drafting':
      return rng.between(2, 8) * DAY;
    case 'resume_mediation':
      return rng.between(1, 3) * DAY;
    case 'close':
      if (transition.outcome === 'expired') return previous === undefined ? rng.between(20, 30) * DAY : rng.between(12, 20) * DAY;
      if (transition.outcome === 'mediation_declined') return rng.between(4, 60) * HOUR;
      if (transition.outcome === 'agreement_in_mediation' || transition.outcome === 'no_agreement') return rng.between(1, 5) * DAY;
      return rng.between(1, 12) * DAY;
    case 'reopen':
      return rng.between(1, 10) * DAY;
    default:
      return assertNever(transition, 'transition');
  }
}

/** The scenario's steps as offsets from filing; the total tells how far before `now` it must start. */
export function scheduleOffsets(rng: Rng, scenario: readonly Transition[]): number[] {
  const offsets: number[] = [];
  let elapsed = 0;
  scenario.forEach((transition, index) => {
    // Whole seconds, like the platform's timestamps.
    elapsed += Math.max(1, Math.round(delayMs(rng, transition, scenario[index - 1]) / 1000)) * 1000;
    offsets.push(elapsed);
  });
  return offsets;
}

export type Lifecycle = Pick<CaseRecord, 'stage' | 'subState' | 'outcome' | 'closedFromStage' | 'escalationCriteria' | 'updatedAt' | 'closedAt' | 'version'> & {
  readonly deadlines: Deadline[];
};

const iso = (ms: number): string => new Date(ms).toISOString();

/** Replays a scenario from `filedAtMs` through the stage machine and the deadline policy. */
export function replay(
  caseId: string,
  brandName: string,
  facts: CaseFacts,
  scenario: readonly Transition[],
  offsets: readonly number[],
  filedAtMs: number,
  nowMs: number,
): Lifecycle {
  let state: StageState = { stage: 'new', subState: null, outcome: null, closedFromStage: null, escalationCriteria: [] };
  const deadlines: Deadline[] = [];
  let lastAt = filedAtMs;
  let closedAt: string | null = null;
  scenario.forEach((transition, index) => {
    const atMs = filedAtMs + (offsets[index] ?? 0);
    const at = iso(atMs);
    const result = applyTransition(state, transition, { facts });
    // A scenario the machine refuses is a bug in this file, never something to paper over.
    if (!result.ok) throw new Error(`Demo scenario refused at ${transition.type}: ${result.reason}`);
    for (const deadline of deadlines) deadline.status = settleDeadline(deadline, transition, at);
    state = result.next;
    const drafts = deadlinesFor({ transition, to: state, at, brandName }, DEFAULT_DEADLINE_POLICY);
    for (const draft of drafts) deadlines.push({ ...draft, id: `${caseId}-d${deadlines.length + 1}`, caseId, status: 'open' });
    if (transition.type === 'close') closedAt = at;
    lastAt = atMs;
  });
  const now = iso(nowMs);
  for (const deadline of deadlines) deadline.status = settleElapsedWindow(deadline, now);
  return { ...state, updatedAt: iso(lastAt), closedAt, version: 1 + scenario.length, deadlines };
}
