import { sql, type Kysely } from 'kysely';

/**
 * 0005 — documents and evidence (issue 4). IMMUTABLE once released.
 *
 * `documents` holds every document the mediator can see: the platform's (metadata from the
 * feed, bytes once downloaded), the mediator's own imports and redacted copies. The bytes live
 * in the content-addressed blob store next to this file (electron/core/documents/blob-store.ts),
 * named by `sha256`.
 *
 * `platform_documents` (0002) stays what it was: the platform's claim as the feed carries it,
 * written by the feed applier. It JOINS `documents` through the triggers below instead of being
 * superseded, so the feed keeps working unchanged and the platform's claimed hash stays on record
 * next to the hash of the bytes we actually hold (a mismatch is evidence, not something to
 * overwrite). A claim never replaces a downloaded file's facts: when the platform later claims
 * other content for a document held locally, the document is flagged 'hash_mismatch' instead.
 * File names are stored as received and sanitised when read (document-view.ts).
 */
const KIND_FROM_MEDIA_TYPE = `CASE
    WHEN NEW.media_type = 'application/pdf' THEN 'pdf'
    WHEN NEW.media_type IN ('image/png', 'image/jpeg', 'image/gif', 'image/webp') THEN 'image'
    WHEN NEW.media_type = 'message/rfc822' THEN 'email'
    WHEN NEW.media_type = 'text/plain' THEN 'text'
    WHEN NEW.media_type IN ('audio/mpeg', 'audio/wav', 'audio/ogg', 'audio/mp4') THEN 'audio'
    WHEN NEW.media_type IN ('video/mp4', 'video/webm', 'video/quicktime') THEN 'video'
    ELSE 'other' END`;

const UPSERT_FROM_CLAIM = `INSERT INTO documents (id, case_id, file_name, category, submitted_by, visibility, received_at, size_bytes,
      media_type, kind, sha256, source, availability, integrity, upload)
    VALUES (NEW.id, NEW.case_id, NEW.file_name, 'otro', NEW.submitted_by, NEW.visibility, NEW.received_at, NEW.size_bytes,
      NEW.media_type, ${KIND_FROM_MEDIA_TYPE}, NEW.sha256, 'platform', 'remote', 'unchecked', 'sent')
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
                     ELSE documents.problem END`;

const statements = [
  `CREATE TABLE documents (
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
  )`,
  `CREATE INDEX documents_by_case ON documents (case_id, received_at)`,
  `CREATE INDEX documents_by_sha256 ON documents (sha256)`,
  `INSERT INTO documents (id, case_id, file_name, category, submitted_by, visibility, received_at, size_bytes, media_type, kind,
      sha256, source, availability, integrity, upload)
    SELECT id, case_id, file_name, 'otro', submitted_by, visibility, received_at, size_bytes, media_type,
      ${KIND_FROM_MEDIA_TYPE.replaceAll('NEW.', '')}, sha256, 'platform', 'remote', 'unchecked', 'sent'
    FROM platform_documents`,
  `CREATE TRIGGER platform_documents_claim_insert AFTER INSERT ON platform_documents BEGIN ${UPSERT_FROM_CLAIM}; END`,
  `CREATE TRIGGER platform_documents_claim_update AFTER UPDATE ON platform_documents BEGIN ${UPSERT_FROM_CLAIM}; END`,

  // Extracted text, one row per PDF page (page 1…n) or one row (page NULL) for other kinds.
  `CREATE TABLE document_text (
    id          INTEGER PRIMARY KEY,
    document_id TEXT NOT NULL REFERENCES documents (id),
    page        INTEGER,
    body        TEXT NOT NULL
  )`,
  `CREATE INDEX document_text_by_document ON document_text (document_id, page)`,
  `CREATE VIRTUAL TABLE document_text_fts USING fts5(
    body, content = 'document_text', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2'
  )`,
  `CREATE TRIGGER document_text_fts_insert AFTER INSERT ON document_text BEGIN
     INSERT INTO document_text_fts (rowid, body) VALUES (NEW.id, NEW.body);
   END`,
  `CREATE TRIGGER document_text_fts_delete AFTER DELETE ON document_text BEGIN
     INSERT INTO document_text_fts (document_text_fts, rowid, body) VALUES ('delete', OLD.id, OLD.body);
   END`,
  // The case list asks "which cases mention this": one document per case (rowid = cases.rowid)
  // with its documents' names and text, as case_messages_fts does for messages (0004).
  `CREATE VIRTUAL TABLE case_documents_fts USING fts5(
    body, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2'
  )`,

  // Append-only, hash-chained: hash = SHA-256(prev_hash + canonical JSON of the entry).
  `CREATE TABLE custody_log (
    document_id TEXT NOT NULL,
    seq         INTEGER NOT NULL CHECK (seq >= 1),
    event       TEXT NOT NULL,
    at          TEXT NOT NULL,
    actor       TEXT NOT NULL,
    detail      TEXT NOT NULL,
    prev_hash   TEXT NOT NULL,
    hash        TEXT NOT NULL,
    PRIMARY KEY (document_id, seq)
  ) WITHOUT ROWID`,
  `CREATE TRIGGER custody_log_no_update BEFORE UPDATE ON custody_log BEGIN SELECT RAISE(ABORT, 'custody_log is append-only'); END`,
  `CREATE TRIGGER custody_log_no_delete BEFORE DELETE ON custody_log BEGIN SELECT RAISE(ABORT, 'custody_log is append-only'); END`,

  // The mediator's private preparation sheet: never synced.
  `CREATE TABLE hearing_sheets (
    case_id           TEXT PRIMARY KEY NOT NULL,
    consumer_position TEXT NOT NULL,
    company_position  TEXT NOT NULL,
    interests         TEXT NOT NULL,
    issues            TEXT NOT NULL,
    options           TEXT NOT NULL,
    notes             TEXT NOT NULL,
    updated_at        TEXT NOT NULL
  ) WITHOUT ROWID`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
