import type { SqliteHandle } from '../db/store';

/**
 * Keeps case_messages_fts (migration 0004) current: one document per case with the text of all
 * its messages, so "which cases mention X" is one FTS lookup. Call it inside the transaction
 * that stored the messages, once per touched case (not once per message: rebuilding a case's
 * document per message would tokenize its history again and again during a first sync).
 */
export function createCaseMessageSearch(sqlite: SqliteHandle): (caseIds: Iterable<string>) => void {
  const remove = sqlite.prepare('DELETE FROM case_messages_fts WHERE rowid = (SELECT rowid FROM cases WHERE id = ?)');
  const insert = sqlite.prepare(
    `INSERT INTO case_messages_fts (rowid, body)
       SELECT cases.rowid, group_concat(messages.body, char(10))
       FROM cases JOIN messages ON messages.case_id = cases.id
       WHERE cases.id = ?
       GROUP BY cases.rowid`,
  );
  return (caseIds) => {
    for (const caseId of caseIds) {
      remove.run(caseId);
      insert.run(caseId);
    }
  };
}
