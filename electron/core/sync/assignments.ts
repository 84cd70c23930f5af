import type { Kysely } from 'kysely';
import type { CaseAssignment } from '../../../shared/contract/cases';
import type { CaseAssignmentsTable, Database } from '../db/schema';
import type { AssignmentDecisionPayload } from './outbox';

export type LocalAssignment = CaseAssignmentsTable['status'];

/** The caller's relation to each synced case ('unassigned' = left the caseload, read-only here). */
export const assignmentRepository = {
  async set(trx: Kysely<Database>, caseId: string, status: LocalAssignment, now: Date): Promise<void> {
    const changed_at = now.toISOString();
    await trx
      .insertInto('case_assignments')
      .values({ case_id: caseId, status, changed_at })
      .onConflict((oc) => oc.column('case_id').doUpdateSet({ status, changed_at }))
      .execute();
  },

  async get(db: Kysely<Database>, caseId: string): Promise<LocalAssignment | null> {
    const row = await db.selectFrom('case_assignments').select('status').where('case_id', '=', caseId).executeTakeFirst();
    return row?.status ?? null;
  },

  /**
   * What the case view shows: the status the platform last confirmed ('unknown' — no
   * designation, or a refused decision — is null) and the newest decision still in the outbox.
   * The status is not changed when the mediator decides: the outbox row is the pending state,
   * and the platform's answer (or the feed) sets the status.
   */
  async view(db: Kysely<Database>, caseId: string): Promise<CaseAssignment> {
    const [status, decision] = await Promise.all([
      this.get(db, caseId),
      db
        .selectFrom('outbox')
        .select('payload')
        .where('case_id', '=', caseId)
        .where('kind', '=', 'assignment_decision')
        .orderBy('id', 'desc')
        .limit(1)
        .executeTakeFirst(),
    ]);
    return {
      status: status === null || status === 'unknown' ? null : status,
      pendingDecision: decision ? (JSON.parse(decision.payload) as AssignmentDecisionPayload).decision : null,
    };
  },

  /** No writes to a case that left the caseload, or that the mediator declined (not yet confirmed). */
  async isReadOnly(db: Kysely<Database>, caseId: string): Promise<boolean> {
    const { status, pendingDecision } = await this.view(db, caseId);
    return status === 'unassigned' || pendingDecision === 'decline';
  },
};
