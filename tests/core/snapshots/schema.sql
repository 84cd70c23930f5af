-- user_version 6

-- index agreements_by_case
CREATE INDEX agreements_by_case ON agreements (case_id, number);

-- index audit_log_by_case
CREATE INDEX audit_log_by_case ON audit_log (case_id, id);

-- index busy_blocks_by_file
CREATE INDEX busy_blocks_by_file ON busy_blocks (file_name);

-- index busy_blocks_by_start
CREATE INDEX busy_blocks_by_start ON busy_blocks (starts_at, ends_at);

-- index cases_by_amount
CREATE INDEX cases_by_amount ON cases (amount_clp, id, stage, category, next_deadline_sort);

-- index cases_by_category_amount
CREATE INDEX cases_by_category_amount ON cases (category, amount_clp, id, stage, next_deadline_sort);

-- index cases_by_category_filed_at
CREATE INDEX cases_by_category_filed_at ON cases (category, filed_at, id, stage, next_deadline_sort);

-- index cases_by_category_folio
CREATE INDEX cases_by_category_folio ON cases (category, folio, id, stage, next_deadline_sort);

-- index cases_by_category_next_deadline
CREATE INDEX cases_by_category_next_deadline ON cases (category, next_deadline_sort, id, stage);

-- index cases_by_category_updated_at
CREATE INDEX cases_by_category_updated_at ON cases (category, updated_at, id, stage, next_deadline_sort);

-- index cases_by_filed_at
CREATE INDEX cases_by_filed_at ON cases (filed_at, id, stage, category, next_deadline_sort);

-- index cases_by_filters
CREATE INDEX cases_by_filters ON cases (stage, category, next_deadline_sort);

-- index cases_by_folio
CREATE INDEX cases_by_folio ON cases (folio, id, stage, category, next_deadline_sort);

-- index cases_by_next_deadline
CREATE INDEX cases_by_next_deadline ON cases (next_deadline_sort, id, stage, category, filed_at, updated_at, amount_clp, folio);

-- index cases_by_stage_amount
CREATE INDEX cases_by_stage_amount ON cases (stage, amount_clp, id, category, next_deadline_sort);

-- index cases_by_stage_filed_at
CREATE INDEX cases_by_stage_filed_at ON cases (stage, filed_at, id, category, next_deadline_sort);

-- index cases_by_stage_folio
CREATE INDEX cases_by_stage_folio ON cases (stage, folio, id, category, next_deadline_sort);

-- index cases_by_stage_next_deadline
CREATE INDEX cases_by_stage_next_deadline ON cases (stage, next_deadline_sort, id, category);

-- index cases_by_stage_updated_at
CREATE INDEX cases_by_stage_updated_at ON cases (stage, updated_at, id, category, next_deadline_sort);

-- index cases_by_updated_at
CREATE INDEX cases_by_updated_at ON cases (updated_at, id, stage, category, next_deadline_sort);

-- index conflicts_open_by_case
CREATE INDEX conflicts_open_by_case ON conflicts (case_id, detected_at) WHERE resolved_at IS NULL;

-- index deadlines_by_case
CREATE INDEX deadlines_by_case ON deadlines (case_id, status, due_at);

-- index deadlines_open_by_due
CREATE INDEX deadlines_open_by_due ON deadlines (due_at, kind) WHERE status = 'open';

-- index messages_by_case_channel
CREATE INDEX messages_by_case_channel ON messages (case_id, channel, sent_at, id);

-- index notes_by_case
CREATE INDEX notes_by_case ON notes (case_id, created_at);

-- index outbox_by_session
CREATE INDEX outbox_by_session ON outbox (json_extract(payload, '$.sessionId')) WHERE kind LIKE 'session_%';

-- index parties_by_case
CREATE INDEX parties_by_case ON parties (case_id, role);

-- index platform_documents_by_case
CREATE INDEX platform_documents_by_case ON platform_documents (case_id, received_at);

-- index sessions_by_case
CREATE INDEX sessions_by_case ON sessions (case_id, starts_at);

-- index sessions_by_start
CREATE INDEX sessions_by_start ON sessions (starts_at, ends_at);

-- table agreements
CREATE TABLE agreements (
    id                TEXT PRIMARY KEY NOT NULL,
    case_id           TEXT NOT NULL,
    number            INTEGER NOT NULL,
    status            TEXT NOT NULL,
    consumer_decision TEXT NOT NULL,
    company_decision  TEXT NOT NULL,
    updated_at        TEXT NOT NULL,
    version           INTEGER NOT NULL
  );

-- table audit_log
CREATE TABLE audit_log (
    id        INTEGER PRIMARY KEY AUTOINCREMENT,
    at        TEXT NOT NULL,
    actor_id  TEXT NOT NULL,
    action    TEXT NOT NULL,
    case_id   TEXT,
    entity_id TEXT,
    data      TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(data))
  );

-- table busy_blocks
CREATE TABLE busy_blocks (
    id        TEXT PRIMARY KEY NOT NULL,
    file_name TEXT NOT NULL,
    summary   TEXT,
    starts_at TEXT NOT NULL,
    ends_at   TEXT NOT NULL CHECK (ends_at > starts_at)
  );

-- table case_assignments
CREATE TABLE case_assignments (
    case_id    TEXT PRIMARY KEY NOT NULL,
    status     TEXT NOT NULL CHECK (status IN ('pending', 'accepted', 'unassigned', 'unknown')),
    changed_at TEXT NOT NULL
  ) WITHOUT ROWID;

-- table case_messages_fts
CREATE VIRTUAL TABLE case_messages_fts USING fts5(
    body, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2'
  );

-- table case_messages_fts_config
CREATE TABLE 'case_messages_fts_config'(k PRIMARY KEY, v) WITHOUT ROWID;

-- table case_messages_fts_data
CREATE TABLE 'case_messages_fts_data'(id INTEGER PRIMARY KEY, block BLOB);

-- table case_messages_fts_docsize
CREATE TABLE 'case_messages_fts_docsize'(id INTEGER PRIMARY KEY, sz BLOB, origin INTEGER);

-- table case_messages_fts_idx
CREATE TABLE 'case_messages_fts_idx'(segid, term, pgno, PRIMARY KEY(segid, term)) WITHOUT ROWID;

-- table cases
CREATE TABLE cases (
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
  );

-- table cases_fts
CREATE VIRTUAL TABLE cases_fts USING fts5(
    folio, order_number, brand_name, store_name, consumer_name, company_name, description, requested_remedy,
    content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2'
  );

-- table cases_fts_config
CREATE TABLE 'cases_fts_config'(k PRIMARY KEY, v) WITHOUT ROWID;

-- table cases_fts_data
CREATE TABLE 'cases_fts_data'(id INTEGER PRIMARY KEY, block BLOB);

-- table cases_fts_docsize
CREATE TABLE 'cases_fts_docsize'(id INTEGER PRIMARY KEY, sz BLOB, origin INTEGER);

-- table cases_fts_idx
CREATE TABLE 'cases_fts_idx'(segid, term, pgno, PRIMARY KEY(segid, term)) WITHOUT ROWID;

-- table conflicts
CREATE TABLE conflicts (
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
  );

-- table deadlines
CREATE TABLE deadlines (
    id        TEXT PRIMARY KEY NOT NULL,
    case_id   TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    kind      TEXT NOT NULL,
    starts_at TEXT NOT NULL,
    due_at    TEXT NOT NULL,
    count     TEXT NOT NULL CHECK (count IN ('calendar', 'business')),
    days      INTEGER NOT NULL,
    status    TEXT NOT NULL CHECK (status IN ('open', 'met', 'breached', 'cancelled'))
  );

-- table kysely_migration
CREATE TABLE "kysely_migration" ("name" varchar(255) not null primary key, "timestamp" varchar(255) not null);

-- table kysely_migration_lock
CREATE TABLE "kysely_migration_lock" ("id" varchar(255) not null primary key, "is_locked" integer default 0 not null);

-- table local_profile
CREATE TABLE local_profile (
    id      INTEGER PRIMARY KEY CHECK (id = 1),
    user_id TEXT NOT NULL REFERENCES mediators (id),
    locale  TEXT NOT NULL DEFAULT 'es-CL' CHECK (locale IN ('es-CL', 'en'))
  );

-- table mediators
CREATE TABLE mediators (
    id    TEXT PRIMARY KEY NOT NULL,
    name  TEXT NOT NULL,
    email TEXT NOT NULL,
    role  TEXT NOT NULL CHECK (role IN ('mediator', 'administrator'))
  );

-- table messages
CREATE TABLE messages (
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
  );

-- table notes
CREATE TABLE notes (
    id         TEXT NOT NULL UNIQUE,
    case_id    TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    author_id  TEXT NOT NULL,
    body       TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    version    INTEGER NOT NULL CHECK (version >= 1)
  );

-- table notes_fts
CREATE VIRTUAL TABLE notes_fts USING fts5(
    body, content = 'notes', content_rowid = 'rowid', tokenize = 'unicode61 remove_diacritics 2'
  );

-- table notes_fts_config
CREATE TABLE 'notes_fts_config'(k PRIMARY KEY, v) WITHOUT ROWID;

-- table notes_fts_data
CREATE TABLE 'notes_fts_data'(id INTEGER PRIMARY KEY, block BLOB);

-- table notes_fts_docsize
CREATE TABLE 'notes_fts_docsize'(id INTEGER PRIMARY KEY, sz BLOB);

-- table notes_fts_idx
CREATE TABLE 'notes_fts_idx'(segid, term, pgno, PRIMARY KEY(segid, term)) WITHOUT ROWID;

-- table outbox
CREATE TABLE "outbox" (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    client_id       TEXT NOT NULL UNIQUE,
    kind            TEXT NOT NULL CHECK (kind IN ('message', 'stage_proposal', 'assignment_decision', 'session_schedule', 'session_reschedule', 'session_cancel', 'session_outcome')),
    case_id         TEXT NOT NULL,
    payload         TEXT NOT NULL CHECK (json_valid(payload)),
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT,
    last_error      TEXT,
    created_at      TEXT NOT NULL
  );

-- table parties
CREATE TABLE parties (
    id             TEXT PRIMARY KEY NOT NULL,
    case_id        TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    role           TEXT NOT NULL CHECK (role IN ('consumer', 'company')),
    name           TEXT NOT NULL,
    rut            TEXT,
    email          TEXT,
    phone          TEXT,
    representative TEXT
  );

-- table platform_documents
CREATE TABLE platform_documents (
    id          TEXT PRIMARY KEY NOT NULL,
    case_id     TEXT NOT NULL,
    file_name   TEXT NOT NULL,
    media_type  TEXT NOT NULL,
    size_bytes  INTEGER NOT NULL,
    sha256      TEXT NOT NULL,
    submitted_by TEXT NOT NULL,
    visibility  TEXT NOT NULL,
    received_at TEXT NOT NULL
  );

-- table reminders_sent
CREATE TABLE reminders_sent (
    key     TEXT PRIMARY KEY NOT NULL,
    sent_at TEXT NOT NULL
  ) WITHOUT ROWID;

-- table schedule_settings
CREATE TABLE schedule_settings (
    id            INTEGER PRIMARY KEY CHECK (id = 1),
    working_hours TEXT NOT NULL CHECK (json_valid(working_hours)),
    reminders     TEXT NOT NULL CHECK (json_valid(reminders))
  );

-- table session_minutes
CREATE TABLE session_minutes (
    session_id TEXT PRIMARY KEY NOT NULL,
    minutes    TEXT NOT NULL,
    updated_at TEXT NOT NULL
  ) WITHOUT ROWID;

-- table sessions
CREATE TABLE "sessions" (
    id               TEXT PRIMARY KEY NOT NULL,
    case_id          TEXT NOT NULL,
    kind             TEXT NOT NULL CHECK (kind IN ('joint', 'caucus_consumer', 'caucus_company')),
    mode             TEXT NOT NULL CHECK (json_valid(mode)),
    starts_at        TEXT NOT NULL,
    ends_at          TEXT NOT NULL,
    zone             TEXT NOT NULL,
    duration_minutes INTEGER NOT NULL,
    participants     TEXT NOT NULL CHECK (json_valid(participants)),
    status           TEXT NOT NULL CHECK (status IN ('proposed', 'confirmed', 'rescheduled', 'cancelled', 'held', 'no_show')),
    sequence         INTEGER NOT NULL DEFAULT 0,
    version          INTEGER NOT NULL,
    updated_at       TEXT NOT NULL,
    refused_change   TEXT CHECK (refused_change IS NULL OR json_valid(refused_change))
  );

-- table sync_state
CREATE TABLE sync_state (
    id             INTEGER PRIMARY KEY CHECK (id = 1),
    server_url     TEXT,
    account_email  TEXT,
    user_id        TEXT,
    cursor         TEXT,
    applied_seq    INTEGER NOT NULL DEFAULT 0,
    last_synced_at TEXT
  );

-- trigger audit_log_no_delete
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
     BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;

-- trigger audit_log_no_update
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
     BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;

-- trigger notes_fts_after_delete
CREATE TRIGGER notes_fts_after_delete AFTER DELETE ON notes BEGIN
     INSERT INTO notes_fts (notes_fts, rowid, body) VALUES ('delete', old.rowid, old.body);
   END;

-- trigger notes_fts_after_insert
CREATE TRIGGER notes_fts_after_insert AFTER INSERT ON notes BEGIN
     INSERT INTO notes_fts (rowid, body) VALUES (new.rowid, new.body);
   END;

-- trigger notes_fts_after_update
CREATE TRIGGER notes_fts_after_update AFTER UPDATE OF body ON notes BEGIN
     INSERT INTO notes_fts (notes_fts, rowid, body) VALUES ('delete', old.rowid, old.body);
     INSERT INTO notes_fts (rowid, body) VALUES (new.rowid, new.body);
   END;
