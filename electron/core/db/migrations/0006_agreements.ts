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
 * - documents.attention: why a document needs the mediator, indexed (see below).
 * - agreement_overview: one row per case with an agreement, kept by triggers (see below).
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
  for (const statement of documentAttention) await sql.raw(statement).execute(db);
  for (const statement of agreementOverview) await sql.raw(statement).execute(db);
  // Agreements the feed brought before 0006 (0002's table) get their rows too.
  const { rows } = await sql<{ case_id: string }>`SELECT case_id FROM agreements UNION SELECT case_id FROM agreement_versions`.execute(db);
  for (const { case_id } of rows) {
    await sql.raw(`INSERT INTO agreement_overview (case_id, number, status, consumer, company, state, due_at, activity_at) ${overviewOf(`'${case_id.replaceAll("'", "''")}'`)}`).execute(db);
  }
}

/**
 * documents.attention: the one reason a document needs the mediator (DocumentAttentionReason,
 * most serious first), NULL for the rest. The partial index holds only those documents, so the
 * Documentos section reads each reason newest first without scanning every document.
 */
const documentAttention = [
  `ALTER TABLE documents ADD COLUMN attention TEXT GENERATED ALWAYS AS (CASE
     WHEN integrity = 'mismatch' OR (availability = 'local' AND problem IN ('hash_mismatch', 'file_missing')) THEN 'integrity'
     WHEN availability = 'failed' THEN 'download_failed'
     WHEN upload = 'failed' THEN 'upload_failed'
     WHEN upload = 'pending' THEN 'upload_pending'
     WHEN availability = 'remote' THEN 'not_downloaded'
   END) VIRTUAL`,
  `CREATE INDEX documents_by_attention ON documents (attention, received_at) WHERE attention IS NOT NULL`,
];

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

/**
 * The newest version of one case's agreement as the Acuerdos section lists it, with its state
 * (AgreementOverviewState without the clock: 'fulfilment_pending' is split into overdue / due
 * soon when read, from due_at). Every lookup is by primary key or index.
 */
const overviewOf = (caseId: string): string => `
  SELECT latest.case_id, latest.number,
    coalesce(a.status, CASE WHEN v.sent_at IS NULL THEN 'draft' ELSE 'sent' END),
    coalesce(a.consumer_decision, 'pending'), coalesce(a.company_decision, 'pending'),
    CASE
      WHEN f.status = 'fulfilled' THEN 'fulfilled'
      WHEN f.status = 'not_fulfilled' THEN 'not_fulfilled'
      WHEN f.status = 'pending' THEN 'fulfilment_pending'
      WHEN c.stage = 'closed' THEN 'closed'
      WHEN a.status = 'accepted' THEN 'ready_to_close'
      WHEN a.status = 'rejected' THEN 'rejected'
      WHEN v.delivery = 'failed' THEN 'send_failed'
      WHEN a.status IN ('sent', 'superseded') AND (a.consumer_decision != 'pending' OR a.company_decision != 'pending') THEN 'decision_received'
      WHEN a.status IN ('sent', 'superseded') OR (a.status IS NULL AND v.sent_at IS NOT NULL) THEN 'awaiting_parties'
      ELSE 'draft' END,
    d.due_at,
    nullif(max(coalesce(a.consumer_decided_at, ''), coalesce(a.company_decided_at, ''), coalesce(a.sent_at, v.sent_at, ''), coalesce(v.saved_at, '')), '')
  FROM (SELECT ${caseId} AS case_id, max(number) AS number FROM (
          SELECT number FROM agreement_versions WHERE case_id = ${caseId}
          UNION ALL SELECT number FROM agreements WHERE case_id = ${caseId})) AS latest
  JOIN cases AS c ON c.id = latest.case_id
  LEFT JOIN agreement_versions AS v ON v.case_id = latest.case_id AND v.number = latest.number
  LEFT JOIN agreements AS a ON a.case_id = latest.case_id AND a.number = latest.number
  -- Only a case closed WITH its agreement tracks fulfilment (a reopened case does not).
  LEFT JOIN agreement_fulfilment AS f ON c.stage = 'closed' AND c.outcome = 'agreement_in_mediation' AND f.case_id = latest.case_id
    AND f.version_number = (SELECT max(version_number) FROM agreement_fulfilment WHERE case_id = latest.case_id)
  LEFT JOIN deadlines AS d ON d.id = f.deadline_id
  WHERE latest.number IS NOT NULL`;

const refresh = (caseId: string): string =>
  `DELETE FROM agreement_overview WHERE case_id = ${caseId};
   INSERT INTO agreement_overview (case_id, number, status, consumer, company, state, due_at, activity_at) ${overviewOf(caseId)};`;

const onChange = (name: string, event: string, caseId: string, when = ''): string =>
  `CREATE TRIGGER agreement_overview_${name} AFTER ${event} ${when} BEGIN ${refresh(caseId)} END`;

/**
 * agreement_overview: what the Acuerdos section lists, one row per case with an agreement, so
 * counting and paging read an index instead of joining every agreement of the store on each call.
 * Triggers recompute a case's row whenever anything it is made of changes. None fires on
 * inserting cases or deadlines (every trigger there cost the case import a third of its rate):
 * the fulfilment deadline is written with its agreement_fulfilment row, whose trigger refreshes,
 * and a case arriving after its agreement is refreshed by case-import touching that agreement.
 */
const agreementOverview = [
  `CREATE TABLE agreement_overview (
    case_id     TEXT PRIMARY KEY NOT NULL,
    number      INTEGER NOT NULL,
    status      TEXT NOT NULL,
    consumer    TEXT NOT NULL,
    company     TEXT NOT NULL,
    state       TEXT NOT NULL,
    due_at      TEXT,
    activity_at TEXT
  ) WITHOUT ROWID`,
  `CREATE INDEX agreement_overview_by_state ON agreement_overview (state, due_at, activity_at)`,
  onChange('version_insert', 'INSERT ON agreement_versions', 'NEW.case_id'),
  onChange('version_update', 'UPDATE OF sent_at, delivery ON agreement_versions', 'NEW.case_id'),
  onChange('platform_insert', 'INSERT ON agreements', 'NEW.case_id'),
  onChange('platform_update', 'UPDATE ON agreements', 'NEW.case_id'),
  onChange('platform_delete', 'DELETE ON agreements', 'OLD.case_id'),
  onChange('fulfilment_insert', 'INSERT ON agreement_fulfilment', 'NEW.case_id'),
  onChange('fulfilment_update', 'UPDATE ON agreement_fulfilment', 'NEW.case_id'),
  onChange('case_update', 'UPDATE OF stage, outcome ON cases', 'NEW.id',
    `WHEN (NEW.stage IS NOT OLD.stage OR NEW.outcome IS NOT OLD.outcome) AND EXISTS (SELECT 1 FROM agreement_overview WHERE case_id = NEW.id)`),
];
