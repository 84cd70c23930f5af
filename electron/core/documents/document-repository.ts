import type { Kysely, Selectable } from 'kysely';
import type { DocumentView } from '../../../shared/contract/documents';
import { sanitizeFileName } from '../../../shared/documents/file-name';
import type { PlatformDocument } from '../../../shared/platform/records';
import type { Database, DocumentsTable } from '../db/schema';
import type { SqliteHandle } from '../db/store';

export type DocumentRow = Selectable<DocumentsTable>;

/** Shown and saved under this when a stored name sanitises to nothing. */
const FALLBACK_NAME = 'documento';

/** A row as the contract shows it. Names are sanitised here, on the way out, for every source. */
export function toDocumentView(row: DocumentRow): DocumentView {
  return {
    id: row.id,
    caseId: row.case_id,
    fileName: sanitizeFileName(row.file_name) ?? FALLBACK_NAME,
    category: row.category as DocumentView['category'],
    submittedBy: row.submitted_by as DocumentView['submittedBy'],
    visibility: row.visibility as DocumentView['visibility'],
    receivedAt: row.received_at,
    sizeBytes: row.size_bytes,
    mediaType: row.media_type,
    kind: row.kind as DocumentView['kind'],
    sha256: row.sha256,
    source: row.source as DocumentView['source'],
    availability: row.availability as DocumentView['availability'],
    integrity: row.integrity as DocumentView['integrity'],
    upload: row.upload as DocumentView['upload'],
    uploadProblem: row.upload_problem as DocumentView['uploadProblem'],
    redactedFrom: row.redacted_from,
    pageCount: row.page_count,
    textIndexed: row.text_indexed === 1,
    problem: row.problem as DocumentView['problem'],
  };
}

/**
 * The platform's claim about a document, as the feed's `document.upsert` carries it. Same
 * statement as the feed applier's: the triggers of migration 0005 carry the claim into
 * `documents` (creating a remote document, or updating one without touching downloaded facts).
 */
export const UPSERT_PLATFORM_DOCUMENT_SQL = `INSERT INTO platform_documents (id, case_id, file_name, media_type, size_bytes, sha256, submitted_by, visibility, received_at)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
  ON CONFLICT (id) DO UPDATE SET case_id = excluded.case_id, file_name = excluded.file_name, media_type = excluded.media_type,
    size_bytes = excluded.size_bytes, sha256 = excluded.sha256, submitted_by = excluded.submitted_by,
    visibility = excluded.visibility, received_at = excluded.received_at`;

export type NewDocument = Omit<DocumentRow, 'text_indexed' | 'checked_at' | 'upload_problem' | 'attention'>;

export const documentRepository = {
  async get(db: Kysely<Database>, documentId: string): Promise<DocumentRow | undefined> {
    return db.selectFrom('documents').selectAll().where('id', '=', documentId).executeTakeFirst();
  },

  async listForCase(db: Kysely<Database>, caseId: string): Promise<DocumentRow[]> {
    return db.selectFrom('documents').selectAll().where('case_id', '=', caseId).orderBy('received_at', 'desc').orderBy('id').execute();
  },

  /** A document of the case holding exactly this content, if any (a second import is a no-op). */
  async findInCaseBySha(db: Kysely<Database>, caseId: string, sha256: string): Promise<DocumentRow | undefined> {
    return db.selectFrom('documents').selectAll().where('case_id', '=', caseId).where('sha256', '=', sha256).where('source', '!=', 'redaction').executeTakeFirst();
  },

  /** Write-transaction only (store.sqlite). */
  insert(sqlite: SqliteHandle, row: NewDocument): void {
    sqlite
      .prepare(
        `INSERT INTO documents (id, case_id, file_name, category, submitted_by, visibility, received_at, size_bytes, media_type, kind,
           sha256, source, availability, integrity, upload, redacted_from, page_count, problem)
         VALUES (@id, @case_id, @file_name, @category, @submitted_by, @visibility, @received_at, @size_bytes, @media_type, @kind,
           @sha256, @source, @availability, @integrity, @upload, @redacted_from, @page_count, @problem)`,
      )
      .run(row);
  },

  /** Write-transaction only. */
  upsertFromPlatform(sqlite: SqliteHandle, meta: PlatformDocument): void {
    sqlite.prepare(UPSERT_PLATFORM_DOCUMENT_SQL).run(meta.id, meta.caseId, meta.fileName, meta.mediaType, meta.sizeBytes, meta.sha256, meta.submittedBy, meta.visibility, meta.receivedAt);
  },

  /** Write-transaction only. The bytes of a platform document arrived and matched its claim. */
  markLocal(sqlite: SqliteHandle, documentId: string, facts: { sizeBytes: number; mediaType: string; kind: string; pageCount: number | null; problem: string | null; checkedAt: string }): void {
    sqlite
      .prepare(
        `UPDATE documents SET availability = 'local', integrity = 'ok', size_bytes = ?, media_type = ?, kind = ?, page_count = ?, problem = ?, checked_at = ? WHERE id = ?`,
      )
      .run(facts.sizeBytes, facts.mediaType, facts.kind, facts.pageCount, facts.problem, facts.checkedAt, documentId);
  },

  /** Write-transaction only. A download or check failed; the reason is shown on the document. */
  markFailed(sqlite: SqliteHandle, documentId: string, problem: string): void {
    sqlite.prepare(`UPDATE documents SET availability = CASE WHEN availability = 'local' THEN 'local' ELSE 'failed' END, problem = ? WHERE id = ?`).run(problem, documentId);
  },

  /** Write-transaction only. */
  setIntegrity(sqlite: SqliteHandle, documentId: string, integrity: 'ok' | 'mismatch', checkedAt: string): void {
    sqlite
      .prepare(`UPDATE documents SET integrity = ?, checked_at = ?, problem = CASE WHEN ? = 'mismatch' THEN 'hash_mismatch' WHEN problem = 'hash_mismatch' THEN NULL ELSE problem END WHERE id = ?`)
      .run(integrity, checkedAt, integrity, documentId);
  },

  /** Write-transaction only. Upload progress, for the outbox pusher and a retry; a problem only with 'failed'. */
  setUpload(sqlite: SqliteHandle, documentId: string, upload: 'pending' | 'sent' | 'failed', problem: DocumentView['uploadProblem'] = null): void {
    sqlite.prepare('UPDATE documents SET upload = ?, upload_problem = ? WHERE id = ?').run(upload, upload === 'failed' ? problem : null, documentId);
  },
};
