-- user_version 6

-- index agreement_overview_by_state
CREATE INDEX agreement_overview_by_state ON agreement_overview (state, due_at, activity_at);

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

-- index document_text_by_document
CREATE INDEX document_text_by_document ON document_text (document_id, page);

-- index documents_by_attention
CREATE INDEX documents_by_attention ON documents (attention, received_at) WHERE attention IS NOT NULL;

-- index documents_by_case
CREATE INDEX documents_by_case ON documents (case_id, received_at);

-- index documents_by_sha256
CREATE INDEX documents_by_sha256 ON documents (sha256);

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

-- table agreement_fulfilment
CREATE TABLE agreement_fulfilment (
    case_id        TEXT NOT NULL REFERENCES cases (id),
    version_number INTEGER NOT NULL,
    deadline_id    TEXT NOT NULL UNIQUE,
    closed_at      TEXT NOT NULL,
    status         TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'fulfilled', 'not_fulfilled')),
    note           TEXT,
    recorded_at    TEXT,
    PRIMARY KEY (case_id, version_number)
  ) WITHOUT ROWID;

-- table agreement_overview
CREATE TABLE agreement_overview (
    case_id     TEXT PRIMARY KEY NOT NULL,
    number      INTEGER NOT NULL,
    status      TEXT NOT NULL,
    consumer    TEXT NOT NULL,
    company     TEXT NOT NULL,
    state       TEXT NOT NULL,
    due_at      TEXT,
    activity_at TEXT
  ) WITHOUT ROWID;

-- table agreement_versions
CREATE TABLE agreement_versions (
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
  ) WITHOUT ROWID;

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
  , consumer_reason TEXT, company_reason TEXT, consumer_decided_at TEXT, company_decided_at TEXT, content_sha256 TEXT, sent_at TEXT);

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

-- table case_documents_fts
CREATE VIRTUAL TABLE case_documents_fts USING fts5(
    body, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2'
  );

-- table case_documents_fts_config
CREATE TABLE 'case_documents_fts_config'(k PRIMARY KEY, v) WITHOUT ROWID;

-- table case_documents_fts_data
CREATE TABLE 'case_documents_fts_data'(id INTEGER PRIMARY KEY, block BLOB);

-- table case_documents_fts_docsize
CREATE TABLE 'case_documents_fts_docsize'(id INTEGER PRIMARY KEY, sz BLOB, origin INTEGER);

-- table case_documents_fts_idx
CREATE TABLE 'case_documents_fts_idx'(segid, term, pgno, PRIMARY KEY(segid, term)) WITHOUT ROWID;

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

-- table custody_log
CREATE TABLE custody_log (
    document_id TEXT NOT NULL,
    seq         INTEGER NOT NULL CHECK (seq >= 1),
    event       TEXT NOT NULL,
    at          TEXT NOT NULL,
    actor       TEXT NOT NULL,
    detail      TEXT NOT NULL,
    prev_hash   TEXT NOT NULL,
    hash        TEXT NOT NULL,
    PRIMARY KEY (document_id, seq)
  ) WITHOUT ROWID;

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

-- table document_text
CREATE TABLE document_text (
    id          INTEGER PRIMARY KEY,
    document_id TEXT NOT NULL REFERENCES documents (id),
    page        INTEGER,
    body        TEXT NOT NULL
  );

-- table document_text_fts
CREATE VIRTUAL TABLE document_text_fts USING fts5(
    body, content = 'document_text', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2'
  );

-- table document_text_fts_config
CREATE TABLE 'document_text_fts_config'(k PRIMARY KEY, v) WITHOUT ROWID;

-- table document_text_fts_data
CREATE TABLE 'document_text_fts_data'(id INTEGER PRIMARY KEY, block BLOB);

-- table document_text_fts_docsize
CREATE TABLE 'document_text_fts_docsize'(id INTEGER PRIMARY KEY, sz BLOB);

-- table document_text_fts_idx
CREATE TABLE 'document_text_fts_idx'(segid, term, pgno, PRIMARY KEY(segid, term)) WITHOUT ROWID;

-- table documents
CREATE TABLE documents (
    id            TEXT PRIMARY KEY NOT NULL,
    case_id       TEXT NOT NULL,
    file_name     TEXT NOT NULL,
    category      TEXT NOT NULL,
    submitted_by  TEXT NOT NULL,
    visibility    TEXT NOT NULL CHECK (visibility IN ('joint', 'caucus_consumer', 'caucus_company', 'mediator_only')),
    received_at   TEXT NOT NULL,
    size_bytes    INTEGER NOT NULL CHECK (size_bytes >= 0),
    media_type    TEXT NOT NULL,
    kind          TEXT NOT NULL CHECK (kind IN ('pdf', 'image', 'text', 'email', 'audio', 'video', 'other')),
    sha256        TEXT NOT NULL CHECK (length(sha256) = 64),
    source        TEXT NOT NULL CHECK (source IN ('platform', 'local', 'redaction')),
    availability  TEXT NOT NULL CHECK (availability IN ('remote', 'local', 'failed')),
    integrity     TEXT NOT NULL CHECK (integrity IN ('unchecked', 'ok', 'mismatch')),
    upload        TEXT NOT NULL CHECK (upload IN ('not_shared', 'pending', 'sent', 'failed')),
    redacted_from TEXT REFERENCES documents (id),
    page_count    INTEGER,
    text_indexed  INTEGER NOT NULL DEFAULT 0 CHECK (text_indexed IN (0, 1)),
    problem       TEXT,
    checked_at    TEXT
  , upload_problem TEXT CHECK (upload_problem IN ('not_allowed', 'too_large', 'file_changed', 'rejected')), attention TEXT GENERATED ALWAYS AS (CASE
     WHEN integrity = 'mismatch' OR (availability = 'local' AND problem IN ('hash_mismatch', 'file_missing')) THEN 'integrity'
     WHEN availability = 'failed' THEN 'download_failed'
     WHEN upload = 'failed' THEN 'upload_failed'
     WHEN upload = 'pending' THEN 'upload_pending'
     WHEN availability = 'remote' THEN 'not_downloaded'
   END) VIRTUAL);

-- table hearing_sheets
CREATE TABLE hearing_sheets (
    case_id           TEXT PRIMARY KEY NOT NULL,
    consumer_position TEXT NOT NULL,
    company_position  TEXT NOT NULL,
    interests         TEXT NOT NULL,
    issues            TEXT NOT NULL,
    options           TEXT NOT NULL,
    notes             TEXT NOT NULL,
    updated_at        TEXT NOT NULL
  ) WITHOUT ROWID;

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
      kind            TEXT NOT NULL CHECK (kind IN ('message', 'stage_proposal', 'assignment_decision', 'session_schedule', 'session_reschedule', 'session_cancel', 'session_outcome', 'agreement_send', 'agreement_fulfilment', 'document_upload')),
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

-- trigger agreement_overview_case_update
CREATE TRIGGER agreement_overview_case_update AFTER UPDATE OF stage, outcome ON cases WHEN (NEW.stage IS NOT OLD.stage OR NEW.outcome IS NOT OLD.outcome) AND EXISTS (SELECT 1 FROM agreement_overview WHERE case_id = NEW.id) BEGIN DELETE FROM agreement_overview WHERE case_id = NEW.id;
   INSERT INTO agreement_overview (case_id, number, status, consumer, company, state, due_at, activity_at) 
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
  FROM (SELECT NEW.id AS case_id, max(number) AS number FROM (
          SELECT number FROM agreement_versions WHERE case_id = NEW.id
          UNION ALL SELECT number FROM agreements WHERE case_id = NEW.id)) AS latest
  JOIN cases AS c ON c.id = latest.case_id
  LEFT JOIN agreement_versions AS v ON v.case_id = latest.case_id AND v.number = latest.number
  LEFT JOIN agreements AS a ON a.case_id = latest.case_id AND a.number = latest.number
  -- Only a case closed WITH its agreement tracks fulfilment (a reopened case does not).
  LEFT JOIN agreement_fulfilment AS f ON c.stage = 'closed' AND c.outcome = 'agreement_in_mediation' AND f.case_id = latest.case_id
    AND f.version_number = (SELECT max(version_number) FROM agreement_fulfilment WHERE case_id = latest.case_id)
  LEFT JOIN deadlines AS d ON d.id = f.deadline_id
  WHERE latest.number IS NOT NULL; END;

-- trigger agreement_overview_fulfilment_insert
CREATE TRIGGER agreement_overview_fulfilment_insert AFTER INSERT ON agreement_fulfilment  BEGIN DELETE FROM agreement_overview WHERE case_id = NEW.case_id;
   INSERT INTO agreement_overview (case_id, number, status, consumer, company, state, due_at, activity_at) 
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
  FROM (SELECT NEW.case_id AS case_id, max(number) AS number FROM (
          SELECT number FROM agreement_versions WHERE case_id = NEW.case_id
          UNION ALL SELECT number FROM agreements WHERE case_id = NEW.case_id)) AS latest
  JOIN cases AS c ON c.id = latest.case_id
  LEFT JOIN agreement_versions AS v ON v.case_id = latest.case_id AND v.number = latest.number
  LEFT JOIN agreements AS a ON a.case_id = latest.case_id AND a.number = latest.number
  -- Only a case closed WITH its agreement tracks fulfilment (a reopened case does not).
  LEFT JOIN agreement_fulfilment AS f ON c.stage = 'closed' AND c.outcome = 'agreement_in_mediation' AND f.case_id = latest.case_id
    AND f.version_number = (SELECT max(version_number) FROM agreement_fulfilment WHERE case_id = latest.case_id)
  LEFT JOIN deadlines AS d ON d.id = f.deadline_id
  WHERE latest.number IS NOT NULL; END;

-- trigger agreement_overview_fulfilment_update
CREATE TRIGGER agreement_overview_fulfilment_update AFTER UPDATE ON agreement_fulfilment  BEGIN DELETE FROM agreement_overview WHERE case_id = NEW.case_id;
   INSERT INTO agreement_overview (case_id, number, status, consumer, company, state, due_at, activity_at) 
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
  FROM (SELECT NEW.case_id AS case_id, max(number) AS number FROM (
          SELECT number FROM agreement_versions WHERE case_id = NEW.case_id
          UNION ALL SELECT number FROM agreements WHERE case_id = NEW.case_id)) AS latest
  JOIN cases AS c ON c.id = latest.case_id
  LEFT JOIN agreement_versions AS v ON v.case_id = latest.case_id AND v.number = latest.number
  LEFT JOIN agreements AS a ON a.case_id = latest.case_id AND a.number = latest.number
  -- Only a case closed WITH its agreement tracks fulfilment (a reopened case does not).
  LEFT JOIN agreement_fulfilment AS f ON c.stage = 'closed' AND c.outcome = 'agreement_in_mediation' AND f.case_id = latest.case_id
    AND f.version_number = (SELECT max(version_number) FROM agreement_fulfilment WHERE case_id = latest.case_id)
  LEFT JOIN deadlines AS d ON d.id = f.deadline_id
  WHERE latest.number IS NOT NULL; END;

-- trigger agreement_overview_platform_delete
CREATE TRIGGER agreement_overview_platform_delete AFTER DELETE ON agreements  BEGIN DELETE FROM agreement_overview WHERE case_id = OLD.case_id;
   INSERT INTO agreement_overview (case_id, number, status, consumer, company, state, due_at, activity_at) 
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
  FROM (SELECT OLD.case_id AS case_id, max(number) AS number FROM (
          SELECT number FROM agreement_versions WHERE case_id = OLD.case_id
          UNION ALL SELECT number FROM agreements WHERE case_id = OLD.case_id)) AS latest
  JOIN cases AS c ON c.id = latest.case_id
  LEFT JOIN agreement_versions AS v ON v.case_id = latest.case_id AND v.number = latest.number
  LEFT JOIN agreements AS a ON a.case_id = latest.case_id AND a.number = latest.number
  -- Only a case closed WITH its agreement tracks fulfilment (a reopened case does not).
  LEFT JOIN agreement_fulfilment AS f ON c.stage = 'closed' AND c.outcome = 'agreement_in_mediation' AND f.case_id = latest.case_id
    AND f.version_number = (SELECT max(version_number) FROM agreement_fulfilment WHERE case_id = latest.case_id)
  LEFT JOIN deadlines AS d ON d.id = f.deadline_id
  WHERE latest.number IS NOT NULL; END;

-- trigger agreement_overview_platform_insert
CREATE TRIGGER agreement_overview_platform_insert AFTER INSERT ON agreements  BEGIN DELETE FROM agreement_overview WHERE case_id = NEW.case_id;
   INSERT INTO agreement_overview (case_id, number, status, consumer, company, state, due_at, activity_at) 
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
  FROM (SELECT NEW.case_id AS case_id, max(number) AS number FROM (
          SELECT number FROM agreement_versions WHERE case_id = NEW.case_id
          UNION ALL SELECT number FROM agreements WHERE case_id = NEW.case_id)) AS latest
  JOIN cases AS c ON c.id = latest.case_id
  LEFT JOIN agreement_versions AS v ON v.case_id = latest.case_id AND v.number = latest.number
  LEFT JOIN agreements AS a ON a.case_id = latest.case_id AND a.number = latest.number
  -- Only a case closed WITH its agreement tracks fulfilment (a reopened case does not).
  LEFT JOIN agreement_fulfilment AS f ON c.stage = 'closed' AND c.outcome = 'agreement_in_mediation' AND f.case_id = latest.case_id
    AND f.version_number = (SELECT max(version_number) FROM agreement_fulfilment WHERE case_id = latest.case_id)
  LEFT JOIN deadlines AS d ON d.id = f.deadline_id
  WHERE latest.number IS NOT NULL; END;

-- trigger agreement_overview_platform_update
CREATE TRIGGER agreement_overview_platform_update AFTER UPDATE ON agreements  BEGIN DELETE FROM agreement_overview WHERE case_id = NEW.case_id;
   INSERT INTO agreement_overview (case_id, number, status, consumer, company, state, due_at, activity_at) 
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
  FROM (SELECT NEW.case_id AS case_id, max(number) AS number FROM (
          SELECT number FROM agreement_versions WHERE case_id = NEW.case_id
          UNION ALL SELECT number FROM agreements WHERE case_id = NEW.case_id)) AS latest
  JOIN cases AS c ON c.id = latest.case_id
  LEFT JOIN agreement_versions AS v ON v.case_id = latest.case_id AND v.number = latest.number
  LEFT JOIN agreements AS a ON a.case_id = latest.case_id AND a.number = latest.number
  -- Only a case closed WITH its agreement tracks fulfilment (a reopened case does not).
  LEFT JOIN agreement_fulfilment AS f ON c.stage = 'closed' AND c.outcome = 'agreement_in_mediation' AND f.case_id = latest.case_id
    AND f.version_number = (SELECT max(version_number) FROM agreement_fulfilment WHERE case_id = latest.case_id)
  LEFT JOIN deadlines AS d ON d.id = f.deadline_id
  WHERE latest.number IS NOT NULL; END;

-- trigger agreement_overview_version_insert
CREATE TRIGGER agreement_overview_version_insert AFTER INSERT ON agreement_versions  BEGIN DELETE FROM agreement_overview WHERE case_id = NEW.case_id;
   INSERT INTO agreement_overview (case_id, number, status, consumer, company, state, due_at, activity_at) 
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
  FROM (SELECT NEW.case_id AS case_id, max(number) AS number FROM (
          SELECT number FROM agreement_versions WHERE case_id = NEW.case_id
          UNION ALL SELECT number FROM agreements WHERE case_id = NEW.case_id)) AS latest
  JOIN cases AS c ON c.id = latest.case_id
  LEFT JOIN agreement_versions AS v ON v.case_id = latest.case_id AND v.number = latest.number
  LEFT JOIN agreements AS a ON a.case_id = latest.case_id AND a.number = latest.number
  -- Only a case closed WITH its agreement tracks fulfilment (a reopened case does not).
  LEFT JOIN agreement_fulfilment AS f ON c.stage = 'closed' AND c.outcome = 'agreement_in_mediation' AND f.case_id = latest.case_id
    AND f.version_number = (SELECT max(version_number) FROM agreement_fulfilment WHERE case_id = latest.case_id)
  LEFT JOIN deadlines AS d ON d.id = f.deadline_id
  WHERE latest.number IS NOT NULL; END;

-- trigger agreement_overview_version_update
CREATE TRIGGER agreement_overview_version_update AFTER UPDATE OF sent_at, delivery ON agreement_versions  BEGIN DELETE FROM agreement_overview WHERE case_id = NEW.case_id;
   INSERT INTO agreement_overview (case_id, number, status, consumer, company, state, due_at, activity_at) 
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
  FROM (SELECT NEW.case_id AS case_id, max(number) AS number FROM (
          SELECT number FROM agreement_versions WHERE case_id = NEW.case_id
          UNION ALL SELECT number FROM agreements WHERE case_id = NEW.case_id)) AS latest
  JOIN cases AS c ON c.id = latest.case_id
  LEFT JOIN agreement_versions AS v ON v.case_id = latest.case_id AND v.number = latest.number
  LEFT JOIN agreements AS a ON a.case_id = latest.case_id AND a.number = latest.number
  -- Only a case closed WITH its agreement tracks fulfilment (a reopened case does not).
  LEFT JOIN agreement_fulfilment AS f ON c.stage = 'closed' AND c.outcome = 'agreement_in_mediation' AND f.case_id = latest.case_id
    AND f.version_number = (SELECT max(version_number) FROM agreement_fulfilment WHERE case_id = latest.case_id)
  LEFT JOIN deadlines AS d ON d.id = f.deadline_id
  WHERE latest.number IS NOT NULL; END;

-- trigger agreement_versions_immutable
CREATE TRIGGER agreement_versions_immutable BEFORE UPDATE OF case_id, number, template_id, content, variables, sha256, based_on, based_on_stale, saved_at, saved_by ON agreement_versions
   BEGIN SELECT RAISE(ABORT, 'agreement_version_immutable'); END;

-- trigger agreement_versions_kept
CREATE TRIGGER agreement_versions_kept BEFORE DELETE ON agreement_versions
   BEGIN SELECT RAISE(ABORT, 'agreement_version_immutable'); END;

-- trigger agreement_versions_sent_once
CREATE TRIGGER agreement_versions_sent_once BEFORE UPDATE OF sent_at, send_client_id ON agreement_versions
   WHEN OLD.sent_at IS NOT NULL AND (NEW.sent_at IS NOT OLD.sent_at OR NEW.send_client_id IS NOT OLD.send_client_id)
   BEGIN SELECT RAISE(ABORT, 'agreement_version_immutable'); END;

-- trigger audit_log_no_delete
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
     BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;

-- trigger audit_log_no_update
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
     BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;

-- trigger custody_log_no_delete
CREATE TRIGGER custody_log_no_delete BEFORE DELETE ON custody_log BEGIN SELECT RAISE(ABORT, 'custody_log is append-only'); END;

-- trigger custody_log_no_update
CREATE TRIGGER custody_log_no_update BEFORE UPDATE ON custody_log BEGIN SELECT RAISE(ABORT, 'custody_log is append-only'); END;

-- trigger document_text_fts_delete
CREATE TRIGGER document_text_fts_delete AFTER DELETE ON document_text BEGIN
     INSERT INTO document_text_fts (document_text_fts, rowid, body) VALUES ('delete', OLD.id, OLD.body);
   END;

-- trigger document_text_fts_insert
CREATE TRIGGER document_text_fts_insert AFTER INSERT ON document_text BEGIN
     INSERT INTO document_text_fts (rowid, body) VALUES (NEW.id, NEW.body);
   END;

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

-- trigger platform_documents_claim_insert
CREATE TRIGGER platform_documents_claim_insert AFTER INSERT ON platform_documents BEGIN INSERT INTO documents (id, case_id, file_name, category, submitted_by, visibility, received_at, size_bytes,
      media_type, kind, sha256, source, availability, integrity, upload)
    VALUES (NEW.id, NEW.case_id, NEW.file_name, 'otro', NEW.submitted_by, NEW.visibility, NEW.received_at, NEW.size_bytes,
      NEW.media_type, CASE
    WHEN NEW.media_type = 'application/pdf' THEN 'pdf'
    WHEN NEW.media_type IN ('image/png', 'image/jpeg', 'image/gif', 'image/webp') THEN 'image'
    WHEN NEW.media_type = 'message/rfc822' THEN 'email'
    WHEN NEW.media_type = 'text/plain' THEN 'text'
    WHEN NEW.media_type IN ('audio/mpeg', 'audio/wav', 'audio/ogg', 'audio/mp4') THEN 'audio'
    WHEN NEW.media_type IN ('video/mp4', 'video/webm', 'video/quicktime') THEN 'video'
    ELSE 'other' END, NEW.sha256, 'platform', 'remote', 'unchecked', 'sent')
    ON CONFLICT (id) DO UPDATE SET
      case_id = excluded.case_id, submitted_by = excluded.submitted_by,
      visibility = CASE WHEN documents.visibility = 'mediator_only' THEN documents.visibility ELSE excluded.visibility END,
      received_at = excluded.received_at,
      upload = CASE WHEN documents.source = 'local' THEN 'sent' ELSE documents.upload END,
      file_name = CASE WHEN documents.availability = 'local' THEN documents.file_name ELSE excluded.file_name END,
      size_bytes = CASE WHEN documents.availability = 'local' THEN documents.size_bytes ELSE excluded.size_bytes END,
      media_type = CASE WHEN documents.availability = 'local' THEN documents.media_type ELSE excluded.media_type END,
      kind = CASE WHEN documents.availability = 'local' THEN documents.kind ELSE excluded.kind END,
      sha256 = CASE WHEN documents.availability = 'local' THEN documents.sha256 ELSE excluded.sha256 END,
      problem = CASE WHEN documents.availability = 'local' AND documents.sha256 != excluded.sha256 THEN 'hash_mismatch'
                     ELSE documents.problem END; END;

-- trigger platform_documents_claim_update
CREATE TRIGGER platform_documents_claim_update AFTER UPDATE ON platform_documents BEGIN INSERT INTO documents (id, case_id, file_name, category, submitted_by, visibility, received_at, size_bytes,
      media_type, kind, sha256, source, availability, integrity, upload)
    VALUES (NEW.id, NEW.case_id, NEW.file_name, 'otro', NEW.submitted_by, NEW.visibility, NEW.received_at, NEW.size_bytes,
      NEW.media_type, CASE
    WHEN NEW.media_type = 'application/pdf' THEN 'pdf'
    WHEN NEW.media_type IN ('image/png', 'image/jpeg', 'image/gif', 'image/webp') THEN 'image'
    WHEN NEW.media_type = 'message/rfc822' THEN 'email'
    WHEN NEW.media_type = 'text/plain' THEN 'text'
    WHEN NEW.media_type IN ('audio/mpeg', 'audio/wav', 'audio/ogg', 'audio/mp4') THEN 'audio'
    WHEN NEW.media_type IN ('video/mp4', 'video/webm', 'video/quicktime') THEN 'video'
    ELSE 'other' END, NEW.sha256, 'platform', 'remote', 'unchecked', 'sent')
    ON CONFLICT (id) DO UPDATE SET
      case_id = excluded.case_id, submitted_by = excluded.submitted_by,
      visibility = CASE WHEN documents.visibility = 'mediator_only' THEN documents.visibility ELSE excluded.visibility END,
      received_at = excluded.received_at,
      upload = CASE WHEN documents.source = 'local' THEN 'sent' ELSE documents.upload END,
      file_name = CASE WHEN documents.availability = 'local' THEN documents.file_name ELSE excluded.file_name END,
      size_bytes = CASE WHEN documents.availability = 'local' THEN documents.size_bytes ELSE excluded.size_bytes END,
      media_type = CASE WHEN documents.availability = 'local' THEN documents.media_type ELSE excluded.media_type END,
      kind = CASE WHEN documents.availability = 'local' THEN documents.kind ELSE excluded.kind END,
      sha256 = CASE WHEN documents.availability = 'local' THEN documents.sha256 ELSE excluded.sha256 END,
      problem = CASE WHEN documents.availability = 'local' AND documents.sha256 != excluded.sha256 THEN 'hash_mismatch'
                     ELSE documents.problem END; END;
