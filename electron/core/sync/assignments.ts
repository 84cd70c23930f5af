import type { Kysely } from 'kysely';
import type { CaseAssignmentsTable, Database } from '../db/schema';

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
};
