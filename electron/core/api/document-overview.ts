import { sql, type Kysely } from 'kysely';
import {
  ALL_DOCUMENTS_MAX_HITS,
  DOCUMENT_ATTENTION_COUNT_CAP,
  DocumentAttentionReason,
  type DocumentAttention,
  type DocumentAttentionRow,
  type DocumentSearchHit,
} from '../../../shared/contract/documents';
import { sanitizeFileName } from '../../../shared/documents/file-name';
import type { Database } from '../db/schema';
import { SNIPPET_CLOSE, SNIPPET_OPEN } from '../documents/text-index';
import { toSafeFtsQuery } from '../repositories/fts-query';

type Reason = DocumentAttentionReason;

/*
 * documents.attention (0006, a generated column) names the one reason a document needs the
 * mediator, and documents_by_attention (attention, received_at) holds only those documents: each
 * reason is read newest first straight from the index, and counted up to a cap, whatever the
 * store's size. Documents not downloaded yet count only for open cases.
 */
const OPEN_CASES_ONLY = sql`(d.attention != 'not_downloaded' OR c.stage != 'closed')`;

function reasonRows(reason: Reason, limit: number) {
  return sql<Omit<DocumentAttentionRow, 'reason'> & { reason: Reason }>`
    SELECT d.id AS documentId, d.case_id AS caseId, c.folio AS folio, c.brand_name AS brandName, c.stage AS stage,
           d.file_name AS fileName, d.kind AS kind, d.size_bytes AS sizeBytes, d.received_at AS receivedAt,
           d.attention AS reason, d.problem AS problem, d.upload_problem AS uploadProblem
    FROM documents AS d JOIN cases AS c ON c.id = d.case_id
    WHERE d.attention = ${reason} AND ${OPEN_CASES_ONLY}
    ORDER BY d.received_at DESC, d.id DESC
    LIMIT ${limit}`;
}

const countOf = (reason: Reason) => sql<{ n: number }>`
  SELECT count(*) AS n FROM (
    SELECT 1 FROM documents AS d JOIN cases AS c ON c.id = d.case_id
    WHERE d.attention = ${reason} AND ${OPEN_CASES_ONLY}
    LIMIT ${DOCUMENT_ATTENTION_COUNT_CAP})`;

/** The "Documentos" section: documents of any case that need the mediator, most serious first. */
export async function listDocumentAttention(
  db: Kysely<Database>,
  input: { readonly reasons: readonly Reason[]; readonly limit: number },
): Promise<DocumentAttention> {
  const counts = {} as DocumentAttention['counts'];
  for (const reason of DocumentAttentionReason.options) {
    const { rows } = await countOf(reason).execute(db);
    counts[reason] = rows[0]?.n ?? 0;
  }
  const wanted = DocumentAttentionReason.options.filter((reason) => input.reasons.length === 0 || input.reasons.includes(reason));
  const rows: DocumentAttentionRow[] = [];
  for (const reason of wanted) {
    const left = input.limit - rows.length;
    if (left <= 0) break;
    if (counts[reason] === 0) continue;
    const { rows: found } = await reasonRows(reason, left).execute(db);
    for (const row of found) rows.push({ ...row, fileName: sanitizeFileName(row.fileName) ?? 'documento' });
  }
  return { rows, counts };
}

/**
 * Up to this many matches the hits are ranked by relevance (bm25); a word found in more pages
 * than that lists the newest pages first, read straight off the index: bm25 over every match
 * of a very common word costs a pass over its whole doclist, and the mediator refines the query
 * long before the thousandth hit matters.
 */
const RANKED_MATCHES = 2_000;

/** Full-text search over every document's text, each hit with its case. */
export async function searchAllDocuments(db: Kysely<Database>, query: string): Promise<DocumentSearchHit[]> {
  const match = toSafeFtsQuery(query);
  if (match === null) return [];
  const { rows: probe } = await sql<{ n: number }>`
    SELECT count(*) AS n FROM (SELECT rowid FROM document_text_fts WHERE document_text_fts MATCH ${match} LIMIT ${RANKED_MATCHES + 1})`.execute(db);
  const order = (probe[0]?.n ?? 0) > RANKED_MATCHES ? sql`document_text_fts.rowid DESC` : sql`bm25(document_text_fts), document_text_fts.rowid DESC`;
  const { rows } = await sql<DocumentSearchHit>`
    SELECT d.id AS documentId, d.file_name AS fileName, t.page AS page, d.case_id AS caseId, c.folio AS folio, c.brand_name AS brandName,
           snippet(document_text_fts, 0, ${SNIPPET_OPEN}, ${SNIPPET_CLOSE}, '…', 16) AS snippet
    FROM document_text_fts
    JOIN document_text AS t ON t.id = document_text_fts.rowid
    JOIN documents AS d ON d.id = t.document_id
    JOIN cases AS c ON c.id = d.case_id
    WHERE document_text_fts MATCH ${match}
    ORDER BY ${order}
    LIMIT ${ALL_DOCUMENTS_MAX_HITS}`.execute(db);
  return rows.map((row) => ({ ...row, fileName: sanitizeFileName(row.fileName) ?? 'documento', snippet: row.snippet.slice(0, 1_000) }));
}
