import type { Kysely, Selectable } from 'kysely';
import type { Database, SyncStateTable } from '../db/schema';

export type SyncStateRow = Selectable<SyncStateTable>;

const EMPTY: SyncStateRow = { id: 1, server_url: null, account_email: null, user_id: null, cursor: null, applied_seq: 0, last_synced_at: null };

/** The single sync_state row: which account on which server, and how far the feed was applied. */
export const syncStateRepository = {
  async get(db: Kysely<Database>): Promise<SyncStateRow> {
    return (await db.selectFrom('sync_state').selectAll().where('id', '=', 1).executeTakeFirst()) ?? EMPTY;
  },

  /**
   * Records the signed-in account. Another account or another server starts the feed from the
   * beginning (its cursor means nothing for them); the same account keeps its position.
   * Returns true when the position was reset.
   */
  async setAccount(trx: Kysely<Database>, account: { serverUrl: string; email: string; userId: string }): Promise<boolean> {
    const current = await this.get(trx);
    const same = current.server_url === account.serverUrl && current.account_email === account.email && current.user_id === account.userId;
    const position = same ? { cursor: current.cursor, applied_seq: current.applied_seq, last_synced_at: current.last_synced_at } : { cursor: null, applied_seq: 0, last_synced_at: null };
    await trx
      .insertInto('sync_state')
      .values({ id: 1, server_url: account.serverUrl, account_email: account.email, user_id: account.userId, ...position })
      .onConflict((oc) => oc.column('id').doUpdateSet({ server_url: account.serverUrl, account_email: account.email, user_id: account.userId, ...position }))
      .execute();
    return !same;
  },
};

/** The UPDATE the feed applier runs (raw, in its transaction) with every applied chunk. */
export const COMMIT_POSITION_SQL = `UPDATE sync_state SET applied_seq = max(applied_seq, ?), cursor = coalesce(?, cursor), last_synced_at = coalesce(?, last_synced_at) WHERE id = 1`;
