// Reads and writes of the platform's records. Every mutation appends its feed change in the
// caller's transaction (the caller wraps these in db.transaction).
import type { CaseBundle } from '../../shared/domain/case';
import type { Mediator } from '../../shared/domain/people';
import type { AssignmentStatus, FeedChange } from '../../shared/platform/feed';
import type { MessageChannel, PlatformMessage } from '../../shared/platform/messages';
import type { PlatformDb } from './database';

/** A change as stored: the feed adds seq when it serves it. */
export type ChangeBody = DistributiveOmit<FeedChange, 'seq'>;
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

export interface CaseRow {
  readonly bundle: CaseBundle;
  readonly mediatorId: string;
  readonly assignment: AssignmentStatus | null;
}

interface RawCase {
  bundle: string;
  mediator_id: string;
  assignment: AssignmentStatus | null;
}

interface RawMessage {
  id: string;
  client_id: string | null;
  case_id: string;
  channel: MessageChannel;
  author_role: PlatformMessage['authorRole'];
  author_id: string | null;
  author_name: string;
  body: string;
  sent_at: string;
}

export const MESSAGE_COLUMNS = 'id, client_id, case_id, channel, author_role, author_id, author_name, body, sent_at';

export const messageFromRow = (row: RawMessage): PlatformMessage => ({
  id: row.id,
  clientId: row.client_id,
  caseId: row.case_id,
  channel: row.channel,
  authorRole: row.author_role,
  authorId: row.author_id,
  authorName: row.author_name,
  body: row.body,
  sentAt: row.sent_at,
});

export type PlatformStore = ReturnType<typeof platformStore>;

export function platformStore(db: PlatformDb) {
  const statements = {
    getCase: db.prepare<[string], RawCase>('SELECT bundle, mediator_id, assignment FROM cases WHERE id = ?'),
    updateCase: db.prepare('UPDATE cases SET bundle = ?, version = ?, mediator_id = ?, assignment = ? WHERE id = ?'),
    insertChange: db.prepare('INSERT INTO changes (case_id, type, payload, message_rowid, audience, admin_visible) VALUES (?, ?, ?, ?, ?, ?)'),
    insertMessage: db.prepare(
      'INSERT INTO messages (id, client_id, case_id, channel, author_role, author_id, author_name, body, sent_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    messagesOfCase: db.prepare<[string], RawMessage & { rowid: number }>(`SELECT rowid, ${MESSAGE_COLUMNS} FROM messages WHERE case_id = ? ORDER BY rowid`),
    user: db.prepare<[string], Mediator>('SELECT id, name, email, role FROM users WHERE id = ?'),
    mediators: db.prepare<[], Mediator>("SELECT id, name, email, role FROM users WHERE role = 'mediator' ORDER BY id"),
    records: (table: 'documents' | 'sessions' | 'agreements') => db.prepare<[string], { record: string }>(`SELECT record FROM ${table} WHERE case_id = ? ORDER BY rowid`),
  };
  const recordStatements = {
    documents: statements.records('documents'),
    sessions: statements.records('sessions'),
    agreements: statements.records('agreements'),
  };

  const store = {
    getCase(caseId: string): CaseRow | undefined {
      const row = statements.getCase.get(caseId);
      return row && { bundle: JSON.parse(row.bundle) as CaseBundle, mediatorId: row.mediator_id, assignment: row.assignment };
    },

    saveCase(row: CaseRow): void {
      statements.updateCase.run(JSON.stringify(row.bundle), row.bundle.case.version, row.mediatorId, row.assignment, row.bundle.case.id);
    },

    /** A change every viewer of the case gets: its mediator and the administrators. */
    appendChange(caseId: string, audience: string, change: ChangeBody, adminVisible = true): void {
      statements.insertChange.run(caseId, change.type, JSON.stringify(change), null, audience, adminVisible ? 1 : 0);
    },

    insertMessage(message: PlatformMessage, audience: string): void {
      const m = message;
      const { lastInsertRowid } = statements.insertMessage.run(m.id, m.clientId, m.caseId, m.channel, m.authorRole, m.authorId, m.authorName, m.body, m.sentAt);
      statements.insertChange.run(m.caseId, 'message.created', null, lastInsertRowid, audience, 1);
    },

    /** Messages of a case in the given channels, oldest first. */
    messagesOf(caseId: string, channels: readonly MessageChannel[]): PlatformMessage[] {
      return statements.messagesOfCase
        .all(caseId)
        .filter((row) => channels.includes(row.channel))
        .map(messageFromRow);
    },

    /**
     * Replays a case's messages and records to a mediator who just received it, so their
     * cursor (already past the originals) still brings the whole case. Mediator-only rows.
     */
    replayCaseTo(caseId: string, audience: string): void {
      for (const row of statements.messagesOfCase.all(caseId)) statements.insertChange.run(caseId, 'message.created', null, row.rowid, audience, 0);
      for (const { record } of recordStatements.documents.all(caseId)) store.appendChange(caseId, audience, { type: 'document.upsert', document: JSON.parse(record) }, false);
      for (const { record } of recordStatements.sessions.all(caseId)) store.appendChange(caseId, audience, { type: 'session.upsert', session: JSON.parse(record) }, false);
      for (const { record } of recordStatements.agreements.all(caseId)) store.appendChange(caseId, audience, { type: 'agreement.upsert', agreement: JSON.parse(record) }, false);
    },

    user: (userId: string): Mediator | undefined => statements.user.get(userId),
    mediators: (): Mediator[] => statements.mediators.all(),
  };
  return store;
}
