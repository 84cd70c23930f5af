import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { Store } from '../db/store';

/**
 * A rating-amendment window binds nobody: once its due instant has passed it is simply over,
 * 'met' (shared/domain/deadline-policy.ts settleElapsedWindow), never "overdue". The
 * transition path settles the windows it meets; this sweep settles the rest, and re-derives
 * the list's next-deadline columns of the cases it touched, in one transaction. Run at start.
 * Returns how many windows it settled.
 */
export async function settleElapsedRatingWindows(store: Store, now: Date): Promise<number> {
  const nowIso = now.toISOString();
  return store.write(async (trx) => {
    const settled = await trx
      .updateTable('deadlines')
      .set({ status: 'met' })
      .where('kind', '=', 'rating_amendment')
      .where('status', '=', 'open')
      .where('due_at', '<', nowIso)
      .returning('case_id')
      .execute();
    if (settled.length === 0) return 0;
    await refreshNextDeadlines(trx, [...new Set(settled.map((row) => row.case_id))]);
    return settled.length;
  });
}

/** SET clause of an UPDATE cases: the list's next-deadline columns from the case's earliest open deadline (null when none). */
export const NEXT_DEADLINE_SET_SQL = `
  next_deadline_at = (SELECT d.due_at FROM deadlines d WHERE d.case_id = cases.id AND d.status = 'open' ORDER BY d.due_at, d.id LIMIT 1),
  next_deadline_kind = (SELECT d.kind FROM deadlines d WHERE d.case_id = cases.id AND d.status = 'open' ORDER BY d.due_at, d.id LIMIT 1)`;

/** Re-derives the list's next-deadline columns of these cases. */
export async function refreshNextDeadlines(trx: Kysely<Database>, caseIds: readonly string[]): Promise<void> {
  for (let start = 0; start < caseIds.length; start += 500) {
    const batch = caseIds.slice(start, start + 500);
    await sql`UPDATE cases SET ${sql.raw(NEXT_DEADLINE_SET_SQL)} WHERE id IN (${sql.join(batch)})`.execute(trx);
  }
}
