import { sql, type Kysely } from 'kysely';

/**
 * 0004 — message search by case. IMMUTABLE once released.
 *
 * 0002 indexed every message on its own (messages_fts), and the case search mapped each hit
 * back to its case through two lookups: a common word in 200 000 messages cost 60–90 ms. The
 * case list only ever asks "which cases mention this", so the index now holds ONE document per
 * case (rowid = cases.rowid) with the text of all its messages, kept current by
 * electron/core/sync/case-message-search.ts in the transaction that stores the messages.
 */
const statements = [
  `DROP TRIGGER messages_fts_after_insert`,
  `DROP TRIGGER messages_fts_after_delete`,
  `DROP TRIGGER messages_fts_after_update`,
  `DROP TABLE messages_fts`,
  `CREATE VIRTUAL TABLE case_messages_fts USING fts5(
    body, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2'
  )`,
  `INSERT INTO case_messages_fts (rowid, body)
     SELECT cases.rowid, group_concat(messages.body, char(10))
     FROM cases JOIN messages ON messages.case_id = cases.id
     GROUP BY cases.rowid`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
