import { sql, type Kysely } from 'kysely';

/**
 * 0001 — the first schema. IMMUTABLE once released: change the schema with a new numbered
 * migration, never by editing this one (installed stores already ran it).
 *
 * Written as plain SQL because half of it (FTS5, triggers, generated columns) has no
 * query-builder form, and because a migration must not depend on today's TypeScript types.
 */
const statements = [
  `CREATE TABLE mediators (
    id    TEXT PRIMARY KEY NOT NULL,
    name  TEXT NOT NULL,
    email TEXT NOT NULL,
    role  TEXT NOT NULL CHECK (role IN ('mediator', 'administrator'))
  )`,

  // One row: the user of this installation and their preferences.
  `CREATE TABLE local_profile (
    id      INTEGER PRIMARY KEY CHECK (id = 1),
    user_id TEXT NOT NULL REFERENCES mediators (id),
    locale  TEXT NOT NULL DEFAULT 'es-CL' CHECK (locale IN ('es-CL', 'en'))
  )`,

  // A rowid table (not WITHOUT ROWID) on purpose: cases_fts is keyed by cases.rowid.
  // assigned_mediator_id has no foreign key: the platform may assign a mediator this
  // installation has never seen, and the case must still be stored.
  `CREATE TABLE cases (
    id                   TEXT NOT NULL UNIQUE,
    folio                TEXT NOT NULL UNIQUE,
    stage                TEXT NOT NULL CHECK (stage IN ('new', 'negotiation', 'mediation', 'closed')),
    sub_state            TEXT,
    channel              TEXT NOT NULL,
    brand_name           TEXT NOT NULL,
    store_name           TEXT NOT NULL,
    order_number         TEXT NOT NULL,
    purchase_date        TEXT NOT NULL,
    delivery_date        TEXT,
    amount_clp           INTEGER NOT NULL CHECK (amount_clp >= 0),
    payment_method       TEXT NOT NULL,
    category             TEXT NOT NULL,
    description          TEXT NOT NULL,
    requested_remedy     TEXT NOT NULL,
    prior_complaint      INTEGER NOT NULL CHECK (prior_complaint IN (0, 1)),
    damage_reported      INTEGER NOT NULL CHECK (damage_reported IN (0, 1)),
    escalation_criteria  TEXT NOT NULL DEFAULT '[]',
    assigned_mediator_id TEXT,
    outcome              TEXT,
    closed_from_stage    TEXT,
    filed_at             TEXT NOT NULL,
    updated_at           TEXT NOT NULL,
    closed_at            TEXT,
    version              INTEGER NOT NULL CHECK (version >= 1),
    consumer_name        TEXT NOT NULL DEFAULT '',
    next_deadline_at     TEXT,
    next_deadline_kind   TEXT,
    next_deadline_sort   TEXT GENERATED ALWAYS AS (coalesce(next_deadline_at, '9999-12-31T23:59:59.999Z')) VIRTUAL
  )`,

  // The case list sorts by five fields, optionally filtered by stage, category and deadline
  // state (a range of next_deadline_sort). Each sort field X gets an index (X, id, …) alone and
  // behind stage and category, so a page is read in order from one index instead of sorting
  // 100 000 rows; every one of them also carries the other filter columns, so rows that a
  // filter rejects — and rows skipped by OFFSET — are decided inside the index, without reading
  // the wide case row. cases_by_next_deadline carries every sort key: a selective deadline
  // filter (overdue, due soon, on track) reads its short range there and sorts it in the index.
  `CREATE INDEX cases_by_filed_at ON cases (filed_at, id, stage, category, next_deadline_sort)`,
  `CREATE INDEX cases_by_updated_at ON cases (updated_at, id, stage, category, next_deadline_sort)`,
  `CREATE INDEX cases_by_amount ON cases (amount_clp, id, stage, category, next_deadline_sort)`,
  `CREATE INDEX cases_by_folio ON cases (folio, id, stage, category, next_deadline_sort)`,
  `CREATE INDEX cases_by_next_deadline ON cases (next_deadline_sort, id, stage, category, filed_at, updated_at, amount_clp, folio)`,
  `CREATE INDEX cases_by_stage_filed_at ON cases (stage, filed_at, id, category, next_deadline_sort)`,
  `CREATE INDEX cases_by_stage_updated_at ON cases (stage, updated_at, id, category, next_deadline_sort)`,
  `CREATE INDEX cases_by_stage_next_deadline ON cases (stage, next_deadline_sort, id, category)`,
  `CREATE INDEX cases_by_stage_amount ON cases (stage, amount_clp, id, category, next_deadline_sort)`,
  `CREATE INDEX cases_by_stage_folio ON cases (stage, folio, id, category, next_deadline_sort)`,
  `CREATE INDEX cases_by_category_filed_at ON cases (category, filed_at, id, stage, next_deadline_sort)`,
  `CREATE INDEX cases_by_category_updated_at ON cases (category, updated_at, id, stage, next_deadline_sort)`,
  `CREATE INDEX cases_by_category_next_deadline ON cases (category, next_deadline_sort, id, stage)`,
  `CREATE INDEX cases_by_category_amount ON cases (category, amount_clp, id, stage, next_deadline_sort)`,
  `CREATE INDEX cases_by_category_folio ON cases (category, folio, id, stage, next_deadline_sort)`,
  // Counts: every combination of stage, category and deadline range, without the case row.
  `CREATE INDEX cases_by_filters ON cases (stage, category, next_deadline_sort)`,

  `CREATE TABLE parties (
    id             TEXT PRIMARY KEY NOT NULL,
    case_id        TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    role           TEXT NOT NULL CHECK (role IN ('consumer', 'company')),
    name           TEXT NOT NULL,
    rut            TEXT,
    email          TEXT,
    phone          TEXT,
    representative TEXT
  )`,
  `CREATE INDEX parties_by_case ON parties (case_id, role)`,

  `CREATE TABLE deadlines (
    id        TEXT PRIMARY KEY NOT NULL,
    case_id   TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    kind      TEXT NOT NULL,
    starts_at TEXT NOT NULL,
    due_at    TEXT NOT NULL,
    count     TEXT NOT NULL CHECK (count IN ('calendar', 'business')),
    days      INTEGER NOT NULL,
    status    TEXT NOT NULL CHECK (status IN ('open', 'met', 'breached', 'cancelled'))
  )`,
  `CREATE INDEX deadlines_by_case ON deadlines (case_id, status, due_at)`,
  // Open deadlines by due time: the start-up sweep of elapsed rating windows, and reminders.
  `CREATE INDEX deadlines_open_by_due ON deadlines (due_at, kind) WHERE status = 'open'`,

  // PRIVATE mediator notes. Stored on this machine only and NEVER synced to the platform or
  // shown to any party: no outbox row is ever written for a note, and the sync engine must not
  // read this table.
  `CREATE TABLE notes (
    id         TEXT NOT NULL UNIQUE,
    case_id    TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    author_id  TEXT NOT NULL,
    body       TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    version    INTEGER NOT NULL CHECK (version >= 1)
  )`,
  `CREATE INDEX notes_by_case ON notes (case_id, created_at)`,

  // Append-only audit trail: ids and codes only, never case text (it may be shown to the
  // center; descriptions and notes may not). AUTOINCREMENT so an id is never reused.
  `CREATE TABLE audit_log (
    id        INTEGER PRIMARY KEY AUTOINCREMENT,
    at        TEXT NOT NULL,
    actor_id  TEXT NOT NULL,
    action    TEXT NOT NULL,
    case_id   TEXT,
    entity_id TEXT,
    data      TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(data))
  )`,
  `CREATE INDEX audit_log_by_case ON audit_log (case_id, id)`,
  `CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
     BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END`,
  `CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
     BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END`,

  // Full-text search over the case text and the party names. Contentless (the text lives in
  // cases and parties) with contentless_delete so a row can be dropped by rowid alone; kept in
  // sync by the case repository in the same transaction as the case write, because one row
  // joins two tables (cases + parties) that a single trigger cannot see together.
  // remove_diacritics 2: "devolucion" finds "devolución".
  `CREATE VIRTUAL TABLE cases_fts USING fts5(
    folio, order_number, brand_name, store_name, consumer_name, company_name, description, requested_remedy,
    content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2'
  )`,

  // Notes search: external content over notes, kept in sync by triggers (one table, so
  // triggers are simplest and cannot be forgotten by a future write path).
  `CREATE VIRTUAL TABLE notes_fts USING fts5(
    body, content = 'notes', content_rowid = 'rowid', tokenize = 'unicode61 remove_diacritics 2'
  )`,
  `CREATE TRIGGER notes_fts_after_insert AFTER INSERT ON notes BEGIN
     INSERT INTO notes_fts (rowid, body) VALUES (new.rowid, new.body);
   END`,
  `CREATE TRIGGER notes_fts_after_delete AFTER DELETE ON notes BEGIN
     INSERT INTO notes_fts (notes_fts, rowid, body) VALUES ('delete', old.rowid, old.body);
   END`,
  `CREATE TRIGGER notes_fts_after_update AFTER UPDATE OF body ON notes BEGIN
     INSERT INTO notes_fts (notes_fts, rowid, body) VALUES ('delete', old.rowid, old.body);
     INSERT INTO notes_fts (rowid, body) VALUES (new.rowid, new.body);
   END`,
];

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are written against no schema type, by convention
export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
