import { randomUUID } from 'node:crypto';
import type { CaseRecord } from '../../../shared/domain/case';
import type { Deadline, DeadlineStatus } from '../../../shared/domain/deadline';
import { DEFAULT_DEADLINE_POLICY, deadlinesFor, settleDeadline, settleElapsedWindow, type DeadlinePolicy } from '../../../shared/domain/deadline-policy';
import type { Transition } from '../../../shared/domain/transition';

export interface DeadlineEffects {
  /** Status changes of existing open deadlines (met, breached, cancelled). */
  readonly statusChanges: ReadonlyArray<{ readonly id: string; readonly status: DeadlineStatus }>;
  /** Deadlines the transition starts, as open rows of the case. */
  readonly created: ReadonlyArray<Deadline>;
}

/**
 * What a transition does to a case's deadlines, decided by the domain policy
 * (shared/domain/deadline-policy.ts); the case repository applies it in the transition's
 * transaction and re-derives next_deadline_at. An elapsed rating-amendment window met on the
 * way is settled too.
 */
export function deadlineEffects(
  after: CaseRecord,
  transition: Transition,
  open: ReadonlyArray<Deadline>,
  now: Date,
  policy: DeadlinePolicy = DEFAULT_DEADLINE_POLICY,
): DeadlineEffects {
  const at = now.toISOString();
  const statusChanges: Array<{ id: string; status: DeadlineStatus }> = [];
  for (const deadline of open) {
    const elapsed = settleElapsedWindow(deadline, at);
    const status = elapsed !== deadline.status ? elapsed : settleDeadline(deadline, transition, at);
    if (status !== deadline.status) statusChanges.push({ id: deadline.id, status });
  }
  const created = deadlinesFor({ transition, to: { stage: after.stage, subState: after.subState }, at, brandName: after.brandName }, policy).map(
    (draft): Deadline => ({ ...draft, id: randomUUID(), caseId: after.id, status: 'open' }),
  );
  return { statusChanges, created };
}
