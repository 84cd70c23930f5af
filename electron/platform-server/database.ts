// The reference platform's own SQLite file: one connection, plain prepared statements (no
// kysely here: seeding 200 000 messages wants the thinnest path to SQLite).
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';

export type PlatformDb = BetterSqlite3.Database;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS users (
  id TEXT PRIMARY KEY, email TEXT NOT NULL UNIQUE, name TEXT NOT NULL, role TEXT NOT NULL,
  password_salt TEXT NOT NULL, password_hash TEXT NOT NULL
);
-- Only the SHA-256 of a token is stored: a copy of this file signs nobody in.
CREATE TABLE IF NOT EXISTS tokens (
  token_hash TEXT PRIMARY KEY, user_id TEXT NOT NULL REFERENCES users(id), expires_at INTEGER NOT NULL
) WITHOUT ROWID;
-- mediator_id: whose caseload the case is in (also bundle.case.assignedMediatorId).
-- assignment: 'pending' | 'accepted' for a mediation designation, NULL for a followed case.
CREATE TABLE IF NOT EXISTS cases (
  id TEXT PRIMARY KEY, bundle TEXT NOT NULL, version INTEGER NOT NULL,
  mediator_id TEXT NOT NULL REFERENCES users(id), assignment TEXT
);
CREATE TABLE IF NOT EXISTS declines (case_id TEXT NOT NULL, user_id TEXT NOT NULL, reason TEXT, PRIMARY KEY (case_id, user_id)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS messages (
  id TEXT NOT NULL, case_id TEXT NOT NULL, channel TEXT NOT NULL, author_role TEXT NOT NULL,
  author_id TEXT, author_name TEXT NOT NULL, body TEXT NOT NULL, sent_at TEXT NOT NULL, client_id TEXT
);
CREATE TABLE IF NOT EXISTS documents (id TEXT PRIMARY KEY, case_id TEXT NOT NULL, record TEXT NOT NULL);
-- A document's bytes (documents.ts): seeded evidence as the recipe that makes them again
-- (evidence.ts), uploads and shared images as a blob, stored once per SHA-256.
CREATE TABLE IF NOT EXISTS document_contents (document_id TEXT PRIMARY KEY, recipe TEXT, blob_sha256 TEXT) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS document_blobs (sha256 TEXT PRIMARY KEY, bytes BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS sessions (id TEXT PRIMARY KEY, case_id TEXT NOT NULL, record TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS agreements (id TEXT PRIMARY KEY, case_id TEXT NOT NULL, record TEXT NOT NULL);
-- What the parties read of each sent agreement version (never in the feed: the mediator has it).
CREATE TABLE IF NOT EXISTS agreement_texts (agreement_id TEXT PRIMARY KEY, title TEXT NOT NULL, text TEXT NOT NULL);
-- The first successful response to each (user, clientId); a retry gets it back, nothing re-runs.
CREATE TABLE IF NOT EXISTS idempotency (
  user_id TEXT NOT NULL, client_id TEXT NOT NULL, route TEXT NOT NULL, fingerprint TEXT NOT NULL,
  response TEXT NOT NULL, PRIMARY KEY (user_id, client_id)
) WITHOUT ROWID;
-- The feed. audience: the mediator whose caseload the change belongs to when it happened;
-- admin_visible: whether administrators (who see every case) get it too. payload is the change
-- as JSON without seq; message.created rows point at the message instead (message_rowid).
CREATE TABLE IF NOT EXISTS changes (
  seq INTEGER PRIMARY KEY AUTOINCREMENT, case_id TEXT NOT NULL, type TEXT NOT NULL, payload TEXT,
  message_rowid INTEGER, audience TEXT NOT NULL, admin_visible INTEGER NOT NULL
);
`;

/** Built after seeding (a bulk load into unindexed tables is several times faster); idempotent. */
const INDEXES = `
CREATE UNIQUE INDEX IF NOT EXISTS messages_by_id ON messages(id);
CREATE INDEX IF NOT EXISTS cases_by_mediator ON cases(mediator_id);
CREATE INDEX IF NOT EXISTS messages_by_case ON messages(case_id, channel);
CREATE INDEX IF NOT EXISTS documents_by_case ON documents(case_id);
CREATE INDEX IF NOT EXISTS sessions_by_case ON sessions(case_id);
CREATE INDEX IF NOT EXISTS agreements_by_case ON agreements(case_id);
CREATE INDEX IF NOT EXISTS changes_by_audience ON changes(audience, seq);
`;

export function openPlatformDb(databasePath: string): PlatformDb {
  if (databasePath !== ':memory:') mkdirSync(dirname(databasePath), { recursive: true });
  const db = new BetterSqlite3(databasePath);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.exec(SCHEMA);
  // A store that already holds users was seeded: make sure its indexes exist before serving.
  if (!isEmpty(db)) createIndexes(db);
  // The epoch names this database in every cursor, so a cursor from another (or a wiped) store is refused.
  db.prepare('INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)').run('epoch', randomBytes(6).toString('hex'));
  return db;
}

export const databaseEpoch = (db: PlatformDb): string =>
  (db.prepare('SELECT value FROM meta WHERE key = ?').get('epoch') as { value: string }).value;

export const createIndexes = (db: PlatformDb): void => {
  db.exec(INDEXES);
};

export const isEmpty = (db: PlatformDb): boolean => db.prepare('SELECT 1 FROM users LIMIT 1').get() === undefined;

/** `db.transaction(fn)` as a plain function type (the Transaction type cannot be named in declarations). */
export function transactional<A extends unknown[], R>(db: PlatformDb, fn: (...args: A) => R): (...args: A) => R {
  const run = db.transaction(fn);
  return (...args: A): R => run(...args);
}
