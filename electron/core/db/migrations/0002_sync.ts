import { sql, type Kysely } from 'kysely';

/**
 * 0002 — sync with the center's platform: chat messages (with search), the outbox of local
 * writes, the feed position, conflicts, assignment status and the platform's records
 * (documents, sessions, agreements). IMMUTABLE once released, like 0001.
 */
const statements = [
  // Chat messages: the platform's, and the mediator's own before the platform has them.
  // `id` is the local id (the platform id for received messages, a UUIDv7 for our own);
  // platform_id and client_id are each unique when present, which is what makes applying a
  // message twice (duplicated feed page, retry after a lost response) impossible.
  // No foreign key to cases: a message is stored even if its case has not arrived yet.
  `CREATE TABLE messages (
    id           TEXT NOT NULL UNIQUE,
    platform_id  TEXT UNIQUE,
    client_id    TEXT UNIQUE,
    case_id      TEXT NOT NULL,
    channel      TEXT NOT NULL CHECK (channel IN ('negotiation', 'joint', 'caucus_consumer', 'caucus_company')),
    author_role  TEXT NOT NULL CHECK (author_role IN ('consumer', 'company', 'mediator', 'platform')),
    author_id    TEXT,
    author_name  TEXT NOT NULL,
    body         TEXT NOT NULL,
    sent_at      TEXT NOT NULL,
    delivery     TEXT NOT NULL CHECK (delivery IN ('pending', 'sent', 'failed')),
    failure_code TEXT
  )`,
  // listMessages: one channel of one case in order, read straight from the index.
  `CREATE INDEX messages_by_case_channel ON messages (case_id, channel, sent_at, id)`,

  // Message search: external content over messages, kept in sync by triggers (as notes_fts).
  `CREATE VIRTUAL TABLE messages_fts USING fts5(
    body, content = 'messages', content_rowid = 'rowid', tokenize = 'unicode61 remove_diacritics 2'
  )`,
  `CREATE TRIGGER messages_fts_after_insert AFTER INSERT ON messages BEGIN
     INSERT INTO messages_fts (rowid, body) VALUES (new.rowid, new.body);
   END`,
  `CREATE TRIGGER messages_fts_after_delete AFTER DELETE ON messages BEGIN
     INSERT INTO messages_fts (messages_fts, rowid, body) VALUES ('delete', old.rowid, old.body);
   END`,
  `CREATE TRIGGER messages_fts_after_update AFTER UPDATE OF body ON messages BEGIN
     INSERT INTO messages_fts (messages_fts, rowid, body) VALUES ('delete', old.rowid, old.body);
     INSERT INTO messages_fts (rowid, body) VALUES (new.rowid, new.body);
   END`,

  // Local writes the platform has not accepted yet, pushed in id order. Written in the same
  // transaction as the local change; client_id is the idempotency key sent with every attempt.
  `CREATE TABLE outbox (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    client_id       TEXT NOT NULL UNIQUE,
    kind            TEXT NOT NULL CHECK (kind IN ('message', 'stage_proposal', 'assignment_decision')),
    case_id         TEXT NOT NULL,
    payload         TEXT NOT NULL CHECK (json_valid(payload)),
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT,
    last_error      TEXT,
    created_at      TEXT NOT NULL
  )`,

  // One row: where the feed stands. The token is NOT here (secret store only). applied_seq is
  // the last change applied, committed with the data, so a repeated or overlapping page is
  // skipped change by change; cursor is committed with the last change of its page.
  `CREATE TABLE sync_state (
    id             INTEGER PRIMARY KEY CHECK (id = 1),
    server_url     TEXT,
    account_email  TEXT,
    user_id        TEXT,
    cursor         TEXT,
    applied_seq    INTEGER NOT NULL DEFAULT 0,
    last_synced_at TEXT
  )`,

  // Local writes the platform refused because its record had changed: the mediator decides.
  `CREATE TABLE conflicts (
    id              TEXT PRIMARY KEY NOT NULL,
    case_id         TEXT NOT NULL,
    kind            TEXT NOT NULL CHECK (kind IN ('stage_proposal')),
    mine            TEXT NOT NULL CHECK (json_valid(mine)),
    theirs_stage    TEXT NOT NULL,
    theirs_sub_state TEXT,
    theirs_version  INTEGER NOT NULL,
    detected_at     TEXT NOT NULL,
    resolved_at     TEXT,
    resolution      TEXT CHECK (resolution IN ('accept_platform', 'propose_again'))
  )`,
  `CREATE INDEX conflicts_open_by_case ON conflicts (case_id, detected_at) WHERE resolved_at IS NULL`,

  // The caller's relation to each synced case. 'unassigned': the case left the caseload; it
  // stays on disk read-only (the mediator's private notes are never deleted).
  `CREATE TABLE case_assignments (
    case_id    TEXT PRIMARY KEY NOT NULL,
    status     TEXT NOT NULL CHECK (status IN ('pending', 'accepted', 'unassigned', 'unknown')),
    changed_at TEXT NOT NULL
  ) WITHOUT ROWID`,

  // The platform's records, as the feed carries them.
  `CREATE TABLE platform_documents (
    id          TEXT PRIMARY KEY NOT NULL,
    case_id     TEXT NOT NULL,
    file_name   TEXT NOT NULL,
    media_type  TEXT NOT NULL,
    size_bytes  INTEGER NOT NULL,
    sha256      TEXT NOT NULL,
    submitted_by TEXT NOT NULL,
    visibility  TEXT NOT NULL,
    received_at TEXT NOT NULL
  )`,
  `CREATE INDEX platform_documents_by_case ON platform_documents (case_id, received_at)`,
  `CREATE TABLE sessions (
    id               TEXT PRIMARY KEY NOT NULL,
    case_id          TEXT NOT NULL,
    kind             TEXT NOT NULL,
    starts_at        TEXT NOT NULL,
    zone             TEXT NOT NULL,
    duration_minutes INTEGER NOT NULL,
    status           TEXT NOT NULL,
    version          INTEGER NOT NULL
  )`,
  `CREATE INDEX sessions_by_case ON sessions (case_id, starts_at)`,
  `CREATE INDEX sessions_by_start ON sessions (starts_at)`,
  `CREATE TABLE agreements (
    id                TEXT PRIMARY KEY NOT NULL,
    case_id           TEXT NOT NULL,
    number            INTEGER NOT NULL,
    status            TEXT NOT NULL,
    consumer_decision TEXT NOT NULL,
    company_decision  TEXT NOT NULL,
    updated_at        TEXT NOT NULL,
    version           INTEGER NOT NULL
  )`,
  `CREATE INDEX agreements_by_case ON agreements (case_id, number)`,
];

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are written against no schema type, by convention
export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
