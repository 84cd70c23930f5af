import { sql } from 'kysely';
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
    const caseIds = [...new Set(settled.map((row) => row.case_id))];
    // The earliest remaining open deadline per touched case (null when none is left).
    for (let start = 0; start < caseIds.length; start += 500) {
      const batch = caseIds.slice(start, start + 500);
      await sql`
        UPDATE cases SET
          next_deadline_at = (SELECT d.due_at FROM deadlines d WHERE d.case_id = cases.id AND d.status = 'open' ORDER BY d.due_at, d.id LIMIT 1),
          next_deadline_kind = (SELECT d.kind FROM deadlines d WHERE d.case_id = cases.id AND d.status = 'open' ORDER BY d.due_at, d.id LIMIT 1)
        WHERE id IN (${sql.join(batch)})
      `.execute(trx);
    }
    return settled.length;
  });
}
