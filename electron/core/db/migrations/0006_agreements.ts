import { sql, type Kysely } from 'kysely';

/**
 * 0006 — agreements. IMMUTABLE once released.
 *
 * - agreement_versions: every saved version of a case's agreement, content and variables as JSON
 *   with the SHA-256 of their canonical form. A version is never changed or deleted (triggers):
 *   only its sending columns (sent_at, send_client_id once; delivery) move.
 * - agreements (0002, filled by the feed): one row per version the platform knows, with each
 *   party's decision; gains the reasons, decision times, the hash the platform recorded and when
 *   it was sent.
 * - agreement_fulfilment: the closing of a case with an accepted version, then whether the store
 *   fulfilled it. The agreed date lives only in its deadline row (`deadlines`, kind
 *   agreement_fulfilment, which a platform bundle never replaces): one source for the date.
 * - outbox: rebuilt to allow 'agreement_send', 'agreement_fulfilment' and 'document_upload' (a
 *   CHECK cannot be altered in SQLite). The kinds and indexes it had are read from the live
 *   table, so whatever 0005 allowed is kept.
 * - documents.upload_problem: why the platform did not take a document the mediator shared
 *   (documents.upload stays the state shown; the outbox row carries the upload itself).
 */
const tables = [
  `CREATE TABLE agreement_versions (
    case_id         TEXT NOT NULL REFERENCES cases (id),
    number          INTEGER NOT NULL CHECK (number >= 1),
    template_id     TEXT NOT NULL,
    content         TEXT NOT NULL CHECK (json_valid(content)),
    variables       TEXT NOT NULL CHECK (json_valid(variables)),
    sha256          TEXT NOT NULL CHECK (length(sha256) = 64),
    based_on        INTEGER,
    based_on_stale  INTEGER NOT NULL CHECK (based_on_stale IN (0, 1)),
    saved_at        TEXT NOT NULL,
    saved_by        TEXT NOT NULL,
    sent_at         TEXT,
    send_client_id  TEXT UNIQUE,
    delivery        TEXT NOT NULL DEFAULT 'not_sent' CHECK (delivery IN ('not_sent', 'pending', 'delivered', 'failed')),
    PRIMARY KEY (case_id, number)
  ) WITHOUT ROWID`,
  `CREATE TRIGGER agreement_versions_immutable BEFORE UPDATE OF case_id, number, template_id, content, variables, sha256, based_on, based_on_stale, saved_at, saved_by ON agreement_versions
   BEGIN SELECT RAISE(ABORT, 'agreement_version_immutable'); END`,
  `CREATE TRIGGER agreement_versions_sent_once BEFORE UPDATE OF sent_at, send_client_id ON agreement_versions
   WHEN OLD.sent_at IS NOT NULL AND (NEW.sent_at IS NOT OLD.sent_at OR NEW.send_client_id IS NOT OLD.send_client_id)
   BEGIN SELECT RAISE(ABORT, 'agreement_version_immutable'); END`,
  `CREATE TRIGGER agreement_versions_kept BEFORE DELETE ON agreement_versions
   BEGIN SELECT RAISE(ABORT, 'agreement_version_immutable'); END`,

  `ALTER TABLE agreements ADD COLUMN consumer_reason TEXT`,
  `ALTER TABLE agreements ADD COLUMN company_reason TEXT`,
  `ALTER TABLE agreements ADD COLUMN consumer_decided_at TEXT`,
  `ALTER TABLE agreements ADD COLUMN company_decided_at TEXT`,
  `ALTER TABLE agreements ADD COLUMN content_sha256 TEXT`,
  `ALTER TABLE agreements ADD COLUMN sent_at TEXT`,

  `CREATE TABLE agreement_fulfilment (
    case_id        TEXT NOT NULL REFERENCES cases (id),
    version_number INTEGER NOT NULL,
    deadline_id    TEXT NOT NULL UNIQUE,
    closed_at      TEXT NOT NULL,
    status         TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'fulfilled', 'not_fulfilled')),
    note           TEXT,
    recorded_at    TEXT,
    PRIMARY KEY (case_id, version_number)
  ) WITHOUT ROWID`,
];

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are written against no schema type, by convention
export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of tables) await sql.raw(statement).execute(db);
  await rebuildOutboxWithKinds(db, ['agreement_send', 'agreement_fulfilment', 'document_upload']);
  await sql
    .raw(`ALTER TABLE documents ADD COLUMN upload_problem TEXT CHECK (upload_problem IN ('not_allowed', 'too_large', 'file_changed', 'rejected'))`)
    .execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
async function rebuildOutboxWithKinds(db: Kysely<any>, added: readonly string[]): Promise<void> {
  const { rows } = await sql<{ type: string; sql: string }>`SELECT type, sql FROM sqlite_master WHERE tbl_name = 'outbox' AND sql IS NOT NULL`.execute(db);
  const tableSql = rows.find((row) => row.type === 'table')?.sql ?? '';
  const listed = /kind\s+TEXT NOT NULL CHECK \(kind IN \(([^)]*)\)\)/.exec(tableSql)?.[1];
  if (listed === undefined) throw new Error('0006: the outbox kind CHECK has an unexpected form');
  const kinds = [...new Set([...listed.split(',').map((k) => k.trim().replace(/^'|'$/g, '')), ...added])];
  const indexes = rows.filter((row) => row.type === 'index').map((row) => row.sql);
  const statements = [
    `CREATE TABLE outbox_0006 (
      id              INTEGER PRIMARY KEY AUTOINCREMENT,
      client_id       TEXT NOT NULL UNIQUE,
      kind            TEXT NOT NULL CHECK (kind IN (${kinds.map((k) => `'${k}'`).join(', ')})),
      case_id         TEXT NOT NULL,
      payload         TEXT NOT NULL CHECK (json_valid(payload)),
      attempts        INTEGER NOT NULL DEFAULT 0,
      next_attempt_at TEXT,
      last_error      TEXT,
      created_at      TEXT NOT NULL
    )`,
    `INSERT INTO outbox_0006 SELECT id, client_id, kind, case_id, payload, attempts, next_attempt_at, last_error, created_at FROM outbox`,
    `DROP TABLE outbox`,
    `ALTER TABLE outbox_0006 RENAME TO outbox`,
    ...indexes,
  ];
  for (const statement of statements) await sql.raw(statement).execute(db);
}
