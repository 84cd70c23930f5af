import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { CaseRecord } from '../../../shared/domain/case';
import type { Transition } from '../../../shared/domain/transition';
import type { Database } from '../db/schema';
import { outboxRepository } from './outbox';

/**
 * Enqueues the platform proposal of a local transition, inside the transition's transaction
 * (caseRepository.applyTransition's hook): expectedVersion is the version the transition was
 * made from, so a platform that moved on answers 409 and a conflict is recorded.
 */
export async function enqueueStageProposal(trx: Kysely<Database>, before: CaseRecord, transition: Transition, now: Date): Promise<void> {
  await outboxRepository.enqueue(trx, {
    kind: 'stage_proposal',
    clientId: uuidv7(),
    caseId: before.id,
    payload: { transition, expectedVersion: before.version, before: { stage: before.stage, subState: before.subState } },
    now,
  });
}
