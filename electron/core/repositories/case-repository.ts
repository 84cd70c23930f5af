import type { Kysely } from 'kysely';
import { AppError } from '../../../shared/contract/errors';
import type { CaseBundle, CaseDetail, CaseRecord } from '../../../shared/domain/case';
import { applyTransition as applyStageTransition } from '../../../shared/domain/stage-machine';
import type { Transition } from '../../../shared/domain/transition';
import type { CaseListPage, CaseListQuery } from '../../../shared/contract/cases';
import type { Database } from '../db/schema';
import type { Store } from '../db/store';
import { auditRepository } from './audit-repository';
import { importCaseBundles, nextOpenDeadline } from './case-import';
import { listCasePage } from './case-list';
import { profileRepository } from './profile-repository';
import { caseColumns, caseFromRow, deadlineColumns, deadlineFromRow, partyFromRow } from './rows';
import { deadlineEffects } from './stage-deadlines';

export interface TransitionRequest {
  readonly caseId: string;
  readonly transition: Transition;
  readonly expectedVersion: number;
}

/**
 * Runs inside the transition's transaction, after the case row is written: the sync engine
 * enqueues its outbox row here so the local change and the platform proposal commit together.
 * Throwing rolls the transition back.
 */
export type TransitionHook = (trx: Kysely<Database>, before: CaseRecord, after: CaseRecord) => Promise<void>;

/** A case with parties, deadlines and the assigned mediator's name, read through `db` (or a transaction). */
async function loadDetail(db: Kysely<Database>, caseId: string): Promise<CaseDetail | null> {
  const row = await db
    .selectFrom('cases')
    .leftJoin('mediators', 'mediators.id', 'cases.assigned_mediator_id')
    .selectAll('cases')
    .select('mediators.name as assigned_mediator_name')
    .where('cases.id', '=', caseId)
    .executeTakeFirst();
  if (!row) return null;
  const [parties, deadlines] = await Promise.all([
    db.selectFrom('parties').selectAll().where('case_id', '=', caseId).orderBy('role').orderBy('id').execute(),
    db.selectFrom('deadlines').selectAll().where('case_id', '=', caseId).orderBy('due_at').orderBy('id').execute(),
  ]);
  return {
    ...caseFromRow(row),
    parties: parties.map(partyFromRow),
    deadlines: deadlines.map(deadlineFromRow),
    assignedMediatorName: row.assigned_mediator_name,
  };
}

/** Re-derives the denormalised next-deadline columns of one case from its open deadlines. */
async function refreshNextDeadline(trx: Kysely<Database>, caseId: string): Promise<void> {
  const rows = await trx.selectFrom('deadlines').selectAll().where('case_id', '=', caseId).where('status', '=', 'open').execute();
  const next = nextOpenDeadline(rows.map(deadlineFromRow));
  await trx
    .updateTable('cases')
    .set({ next_deadline_at: next?.dueAt ?? null, next_deadline_kind: next?.kind ?? null })
    .where('id', '=', caseId)
    .execute();
}

export const caseRepository = {
  listPage: (store: Store, query: CaseListQuery, now: Date): Promise<CaseListPage> => listCasePage(store, query, now),

  async get(store: Store, caseId: string): Promise<CaseDetail> {
    const detail = await loadDetail(store.db, caseId);
    if (!detail) throw new AppError('not_found', `No case ${caseId}`);
    return detail;
  },

  importBundles: (store: Store, bundles: Iterable<CaseBundle>, now: Date): Promise<number> => importCaseBundles(store, bundles, now),

  /** not_found unless the case exists (cheap: one index lookup, nothing loaded). */
  async requireExists(store: Store, caseId: string): Promise<void> {
    const row = await store.db.selectFrom('cases').select('id').where('id', '=', caseId).executeTakeFirst();
    if (!row) throw new AppError('not_found', `No case ${caseId}`);
  },

  async count(store: Store): Promise<number> {
    const row = await store.db.selectFrom('cases').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return Number(row.n);
  },

  /**
   * Moves a case through the stage machine (shared/domain/stage-machine.ts) with optimistic
   * concurrency: a stale expectedVersion is a `conflict`, a move the machine refuses is an
   * `invalid_transition`. Case row, deadlines and audit row commit together.
   */
  async applyTransition(store: Store, request: TransitionRequest, now: Date, hook?: TransitionHook): Promise<CaseDetail> {
    return store.write(async (trx) => {
      const actorId = await profileRepository.currentUserId(trx);
      const row = await trx.selectFrom('cases').selectAll().where('id', '=', request.caseId).executeTakeFirst();
      if (!row) throw new AppError('not_found', `No case ${request.caseId}`);
      if (row.version !== request.expectedVersion) {
        throw new AppError('conflict', `Case ${request.caseId} is at version ${row.version}, not ${request.expectedVersion}`);
      }
      const before = caseFromRow(row);
      const result = applyStageTransition(before, request.transition, { facts: before });
      if (!result.ok) throw new AppError('invalid_transition', `${request.transition.type}: ${result.reason}`);

      const at = now.toISOString();
      const closing = result.next.stage === 'closed' && before.stage !== 'closed';
      const reopening = before.stage === 'closed' && result.next.stage !== 'closed';
      const after: CaseRecord = {
        ...before,
        ...result.next,
        closedAt: closing ? at : reopening ? null : before.closedAt,
        updatedAt: at,
        version: before.version + 1,
      };

      const open = (await trx.selectFrom('deadlines').selectAll().where('case_id', '=', before.id).where('status', '=', 'open').execute()).map(
        deadlineFromRow,
      );
      const effects = deadlineEffects(after, request.transition, open, now);
      for (const change of effects.statusChanges) {
        await trx.updateTable('deadlines').set({ status: change.status }).where('id', '=', change.id).where('case_id', '=', before.id).execute();
      }
      if (effects.created.length > 0) {
        await trx.insertInto('deadlines').values(effects.created.map(deadlineColumns)).execute();
      }

      const { id: _id, ...changed } = caseColumns(after);
      const updated = await trx
        .updateTable('cases')
        .set(changed)
        .where('id', '=', before.id)
        .where('version', '=', request.expectedVersion)
        .executeTakeFirst();
      if (updated.numUpdatedRows !== 1n) throw new AppError('conflict', `Case ${before.id} changed meanwhile`);
      await refreshNextDeadline(trx, before.id);

      const data: Record<string, string> = { transition: request.transition.type, from_stage: before.stage, to_stage: after.stage };
      if (before.subState) data.from_sub_state = before.subState;
      if (after.subState) data.to_sub_state = after.subState;
      if (request.transition.type === 'close') data.outcome = request.transition.outcome;
      if (request.transition.type === 'reopen') data.reason = request.transition.reason;
      await auditRepository.append(trx, { at, actorId, action: 'case.stage_changed', caseId: before.id, entityId: before.id, data });
      if (hook) await hook(trx, before, after);

      const detail = await loadDetail(trx, before.id);
      if (!detail) throw new AppError('internal', `Case ${before.id} vanished inside its transaction`);
      return detail;
    });
  },
};
