import { describe, expect, it } from 'vitest';
import type { DeadlinePolicy, StageEvent } from '../../shared/domain/deadline-policy';
import {
  DEFAULT_DEADLINE_POLICY,
  deadlineKindStartedBy,
  deadlinesFor,
  ruleFor,
  settleDeadline,
  settleElapsedWindow,
  settleFulfilment,
} from '../../shared/domain/deadline-policy';
import { computeDueAt } from '../../shared/domain/deadlines';
import type { DeadlineKind } from '../../shared/domain/deadline';
import type { Transition } from '../../shared/domain/transition';

const policy: DeadlinePolicy = {
  ...DEFAULT_DEADLINE_POLICY,
  brandOverrides: { ElectroSur: { brand_response: { count: 'business', days: 2 } } },
};

describe('ruleFor', () => {
  it('uses the center defaults', () => {
    expect(DEFAULT_DEADLINE_POLICY.center).toEqual({
      brand_response: { count: 'business', days: 5 },
      mediation_acceptance: { count: 'business', days: 3 },
      mediation_window: { count: 'calendar', days: 14 },
      rating_amendment: { count: 'calendar', days: 7 },
    });
    expect(ruleFor(policy, 'brand_response', 'Tiendas Andinas')).toEqual({ count: 'business', days: 5 });
  });

  it('applies a brand override for that kind only', () => {
    expect(ruleFor(policy, 'brand_response', 'ElectroSur')).toEqual({ count: 'business', days: 2 });
    expect(ruleFor(policy, 'mediation_window', 'ElectroSur')).toEqual({ count: 'calendar', days: 14 });
  });

  it('ignores prototype keys used as brand names', () => {
    expect(ruleFor(policy, 'brand_response', 'constructor')).toEqual({ count: 'business', days: 5 });
    expect(ruleFor(policy, 'brand_response', '__proto__')).toEqual({ count: 'business', days: 5 });
  });
});

const at = '2026-06-10T14:00:00.000Z';
const event = (transition: Transition, stage: StageEvent['to']['stage'], subState: StageEvent['to']['subState']): StageEvent => ({
  transition,
  to: { stage, subState },
  at,
  brandName: 'Tiendas Andinas',
});

describe('deadlinesFor', () => {
  it.each([
    [event({ type: 'start_negotiation' }, 'negotiation', 'awaiting_brand_response'), 'brand_response'],
    [event({ type: 'brand_responded' }, 'negotiation', 'in_negotiation'), null],
    [event({ type: 'escalate_to_mediation' }, 'mediation', 'pending_acceptance'), 'mediation_acceptance'],
    [event({ type: 'parties_accepted' }, 'mediation', 'in_progress'), 'mediation_window'],
    [event({ type: 'start_agreement_drafting' }, 'mediation', 'agreement_drafting'), null],
    [event({ type: 'resume_mediation' }, 'mediation', 'in_progress'), null],
    [event({ type: 'close', outcome: 'resolved_in_negotiation' }, 'closed', null), 'rating_amendment'],
    [event({ type: 'close', outcome: 'agreement_in_mediation' }, 'closed', null), 'rating_amendment'],
    [event({ type: 'close', outcome: 'no_agreement' }, 'closed', null), null],
    [event({ type: 'close', outcome: 'expired' }, 'closed', null), null],
    [event({ type: 'reopen', reason: 'new_evidence' }, 'negotiation', 'awaiting_brand_response'), 'brand_response'],
    [event({ type: 'reopen', reason: 'agreement_not_fulfilled' }, 'mediation', 'pending_acceptance'), 'mediation_acceptance'],
    [event({ type: 'reopen', reason: 'closed_by_mistake' }, 'new', null), null],
  ] as const)('%j starts %s', (ev, kind) => {
    expect(deadlineKindStartedBy(ev)).toBe(kind);
    const drafts = deadlinesFor(ev);
    if (kind === null) {
      expect(drafts).toEqual([]);
      return;
    }
    const rule = DEFAULT_DEADLINE_POLICY.center[kind];
    expect(drafts).toEqual([{ kind, startsAt: at, count: rule.count, days: rule.days, dueAt: computeDueAt({ startsAt: at, ...rule }) }]);
  });

  it('uses the brand override', () => {
    const [draft] = deadlinesFor({ ...event({ type: 'start_negotiation' }, 'negotiation', 'awaiting_brand_response'), brandName: 'ElectroSur' }, policy);
    // Wed 10 Jun 2026 + 2 business days = Fri 12 Jun, end of day at −04.
    expect(draft).toMatchObject({ days: 2, dueAt: '2026-06-13T03:59:59.999Z' });
  });
});

describe('settleDeadline', () => {
  const dueAt = '2026-06-17T03:59:59.999Z';
  const onTime = '2026-06-15T12:00:00.000Z';
  const late = '2026-06-18T12:00:00.000Z';
  const open = (kind: DeadlineKind) => ({ kind, dueAt, status: 'open' as const });

  it.each([
    ['brand_response', { type: 'brand_responded' }, 'met', 'breached'],
    ['brand_response', { type: 'close', outcome: 'resolved_in_negotiation' }, 'met', 'breached'],
    ['brand_response', { type: 'escalate_to_mediation' }, 'cancelled', 'breached'],
    ['brand_response', { type: 'close', outcome: 'expired' }, 'cancelled', 'breached'],
    ['mediation_acceptance', { type: 'parties_accepted' }, 'met', 'breached'],
    ['mediation_acceptance', { type: 'close', outcome: 'mediation_declined' }, 'met', 'breached'],
    ['mediation_acceptance', { type: 'close', outcome: 'party_withdrew' }, 'cancelled', 'breached'],
    ['mediation_window', { type: 'close', outcome: 'agreement_in_mediation' }, 'met', 'breached'],
    ['mediation_window', { type: 'close', outcome: 'expired' }, 'cancelled', 'breached'],
    ['mediation_window', { type: 'start_agreement_drafting' }, 'open', 'open'],
    ['mediation_window', { type: 'resume_mediation' }, 'open', 'open'],
    ['rating_amendment', { type: 'reopen', reason: 'party_request' }, 'cancelled', 'met'],
    // Only recording fulfilment settles it; a reopened case leaves it behind.
    ['agreement_fulfilment', { type: 'reopen', reason: 'agreement_not_fulfilled' }, 'cancelled', 'breached'],
    ['agreement_fulfilment', { type: 'close', outcome: 'agreement_in_mediation' }, 'open', 'open'],
  ] as const)('%s + %j → %s on time, %s late', (kind, transition, whenOnTime, whenLate) => {
    expect(settleDeadline(open(kind), transition, onTime)).toBe(whenOnTime);
    expect(settleDeadline(open(kind), transition, late)).toBe(whenLate);
  });

  it('leaves already settled deadlines alone', () => {
    expect(settleDeadline({ kind: 'brand_response', dueAt, status: 'met' }, { type: 'close', outcome: 'expired' }, late)).toBe('met');
  });

  it('closes an elapsed rating window as met, and only that kind', () => {
    expect(settleElapsedWindow(open('rating_amendment'), late)).toBe('met');
    expect(settleElapsedWindow(open('rating_amendment'), onTime)).toBe('open');
    expect(settleElapsedWindow(open('brand_response'), late)).toBe('open');
  });

  it('an agreement fulfilment deadline stays open past its date until fulfilment is recorded: met or breached', () => {
    expect(settleElapsedWindow(open('agreement_fulfilment'), late)).toBe('open');
    expect(settleFulfilment(true)).toBe('met');
    expect(settleFulfilment(false)).toBe('breached');
  });
});
