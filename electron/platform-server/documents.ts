// Document bytes on the reference platform: download (with the documents' fault switches),
// upload (raw body, idempotent by clientId, verified against its declared SHA-256) and what a
// party may see. Seeded evidence is stored as a recipe and made again on download (evidence.ts);
// uploads and shared images are kept as bytes in document_blobs, once per SHA-256.
//
// Who gets what: the case's mediator and administrators download every document of a case,
// caucus ones included (the mediator sees every side, as with messages); a party sees the
// joint documents and its own caucus's only (partyView), never the other side's.
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as delay } from 'node:timers/promises';
import type { z } from 'zod';
import type { PartyRole } from '../../shared/domain/party';
import type { Mediator } from '../../shared/domain/people';
import { PLATFORM_DOCUMENT_MAX_BYTES, type UploadDocumentQuery, type UploadDocumentResponse } from '../../shared/platform/documents-api';
import type { PlatformDocument } from '../../shared/platform/records';
import { transactional, type PlatformDb } from './database';
import type { EvidenceKit, EvidenceRecipe, SeededEvidence } from './evidence';
import type { FaultSwitches } from './faults';
import { PlatformHttpError } from './http';
import type { Idempotency } from './idempotency';
import type { PlatformStore } from './store';
import type { WriteResult } from './writes';

/** A download's answer: the bytes and the metadata they must match. */
export interface DocumentBytes {
  readonly document: PlatformDocument;
  readonly bytes: Buffer;
}

const visibleToParty = (role: PartyRole): ReadonlyArray<PlatformDocument['visibility']> => ['joint', role === 'consumer' ? 'caucus_consumer' : 'caucus_company'];

/** Seeding: stores how to make a document's bytes (a recipe, or the bytes of a shared image). */
export function documentContentSeeder(db: PlatformDb): (documentId: string, evidence: SeededEvidence) => void {
  const insertContent = db.prepare('INSERT INTO document_contents (document_id, recipe, blob_sha256) VALUES (?, ?, ?)');
  const insertBlob = db.prepare('INSERT OR IGNORE INTO document_blobs (sha256, bytes) VALUES (?, ?)');
  const storedBlobs = new Set<string>();
  return (documentId, evidence) => {
    if (evidence.recipe) return void insertContent.run(documentId, JSON.stringify(evidence.recipe), null);
    if (!storedBlobs.has(evidence.sha256)) insertBlob.run(evidence.sha256, evidence.bytes);
    storedBlobs.add(evidence.sha256);
    insertContent.run(documentId, null, evidence.sha256);
  };
}

export type DocumentService = ReturnType<typeof documentService>;

export function documentService(db: PlatformDb, store: PlatformStore, idempotency: Idempotency, evidence: EvidenceKit) {
  const statements = {
    record: db.prepare<[string], { case_id: string; record: string }>('SELECT case_id, record FROM documents WHERE id = ?'),
    content: db.prepare<[string], { recipe: string | null; bytes: Buffer | null }>(
      'SELECT c.recipe, b.bytes FROM document_contents c LEFT JOIN document_blobs b ON b.sha256 = c.blob_sha256 WHERE c.document_id = ?',
    ),
    ofCase: db.prepare<[string], { record: string }>('SELECT record FROM documents WHERE case_id = ? ORDER BY rowid'),
    insertRecord: db.prepare('INSERT INTO documents (id, case_id, record) VALUES (?, ?, ?)'),
    insertContent: db.prepare('INSERT INTO document_contents (document_id, recipe, blob_sha256) VALUES (?, NULL, ?)'),
    insertBlob: db.prepare('INSERT OR IGNORE INTO document_blobs (sha256, bytes) VALUES (?, ?)'),
  };

  const requireCase = (caseId: string) => {
    const row = store.getCase(caseId);
    if (!row) throw new PlatformHttpError(404, 'not_found', `No case ${caseId}`);
    return row;
  };

  const commitUpload = transactional(
    db,
    (user: Mediator, caseId: string, query: z.infer<typeof UploadDocumentQuery>, bytes: Buffer, now: Date): WriteResult<z.infer<typeof UploadDocumentResponse>> => {
      const replay = idempotency.replay(user.id, query.clientId, 'uploadDocument', caseId, query);
      if (replay) return { status: 200, body: replay.body as z.infer<typeof UploadDocumentResponse>, fresh: false };
      const row = requireCase(caseId);
      if (row.mediatorId !== user.id) throw new PlatformHttpError(403, 'forbidden', 'The case is not assigned to you');
      if (row.bundle.case.stage !== 'mediation') throw new PlatformHttpError(403, 'forbidden', 'Documents can only be shared while the case is in mediation');
      if (bytes.length === 0) throw new PlatformHttpError(422, 'invalid_request', 'The document is empty (0 bytes)');
      const actual = createHash('sha256').update(bytes).digest('hex');
      if (actual !== query.sha256) throw new PlatformHttpError(422, 'invalid_request', `The bytes received hash to ${actual}, not to the declared sha256 ${query.sha256}`);
      if (statements.record.get(query.documentId)) throw new PlatformHttpError(409, 'conflict', `Document id ${query.documentId} is already taken`);
      const document: PlatformDocument = {
        id: query.documentId,
        caseId,
        fileName: query.fileName,
        mediaType: query.mediaType,
        sizeBytes: bytes.length,
        sha256: actual,
        submittedBy: 'mediator',
        visibility: query.visibility,
        receivedAt: new Date(Math.floor(now.getTime() / 1000) * 1000).toISOString(),
      };
      statements.insertBlob.run(actual, bytes);
      statements.insertRecord.run(document.id, caseId, JSON.stringify(document));
      statements.insertContent.run(document.id, actual);
      store.appendChange(caseId, row.mediatorId, { type: 'document.upsert', document });
      const body = { document };
      idempotency.record(user.id, query.clientId, 'uploadDocument', caseId, query, body);
      return { status: 201, body, fresh: true };
    },
  );

  return {
    /** The bytes of a document of the case, for its mediator or an administrator. */
    download(user: Mediator, caseId: string, documentId: string): DocumentBytes {
      const row = requireCase(caseId);
      if (user.role !== 'administrator' && row.mediatorId !== user.id) throw new PlatformHttpError(403, 'forbidden', 'The case is not assigned to you');
      const found = statements.record.get(documentId);
      if (!found || found.case_id !== caseId) throw new PlatformHttpError(404, 'not_found', `No document ${documentId} in case ${caseId}`);
      const document = JSON.parse(found.record) as PlatformDocument;
      const content = statements.content.get(documentId);
      const bytes = content?.bytes ?? (content?.recipe ? evidence.render(JSON.parse(content.recipe) as EvidenceRecipe) : null);
      // The platform never serves bytes that contradict its own metadata (only the fault switch does).
      if (!bytes || createHash('sha256').update(bytes).digest('hex') !== document.sha256) {
        throw new PlatformHttpError(500, 'internal', `The stored content of document ${documentId} is missing or damaged`);
      }
      return { document, bytes };
    },

    /** Reads the raw body (413 over the limit, 415 not octet-stream) and stores it once per clientId. */
    async upload(user: Mediator, caseId: string, query: z.infer<typeof UploadDocumentQuery>, req: IncomingMessage, now: Date): Promise<WriteResult<z.infer<typeof UploadDocumentResponse>>> {
      const bytes = await readRawBody(req);
      return commitUpload(user, caseId, query, bytes, now);
    },

    /** The documents a party can see: joint ones and its own caucus's. */
    partyView(caseId: string, role: PartyRole): PlatformDocument[] {
      requireCase(caseId);
      const allowed = visibleToParty(role);
      return statements.ofCase
        .all(caseId)
        .map((r) => JSON.parse(r.record) as PlatformDocument)
        .filter((d) => allowed.includes(d.visibility));
    },
  };
}

async function readRawBody(req: IncomingMessage): Promise<Buffer> {
  const mediaType = req.headers['content-type']?.split(';', 1)[0]?.trim().toLowerCase();
  if (mediaType !== 'application/octet-stream') {
    req.resume();
    throw new PlatformHttpError(415, 'invalid_request', 'Content-Type must be application/octet-stream');
  }
  const tooLarge = (): PlatformHttpError => new PlatformHttpError(413, 'invalid_request', `Document over ${PLATFORM_DOCUMENT_MAX_BYTES} bytes (200 MiB)`);
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > PLATFORM_DOCUMENT_MAX_BYTES) {
    req.resume();
    throw tooLarge();
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > PLATFORM_DOCUMENT_MAX_BYTES) {
      req.resume();
      throw tooLarge();
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/**
 * Sends a document with its hash headers, through the documents' fault switches: corrupted
 * bytes (same length, another hash), a truncated body (full Content-Length, half sent, socket
 * closed) and a bandwidth limit.
 */
export async function sendDocumentBytes(res: ServerResponse, answer: DocumentBytes, faults: FaultSwitches): Promise<void> {
  const { document } = answer;
  let bytes = answer.bytes;
  if (faults.fires('corruptDocuments', 'downloadDocument', document.id)) {
    bytes = Buffer.from(bytes);
    const middle = Math.floor(bytes.length / 2);
    bytes[middle] = (bytes[middle] ?? 0) ^ 0xff;
  }
  const truncate = faults.fires('truncateDocuments', 'downloadDocument', document.id);
  res.writeHead(200, {
    'Content-Type': document.mediaType,
    'Content-Length': bytes.length,
    'X-Content-SHA256': document.sha256,
    ETag: `"${document.sha256}"`,
    'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(document.fileName)}`,
    'Cache-Control': 'private, no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  const body = truncate ? bytes.subarray(0, Math.floor(bytes.length / 2)) : bytes;
  const rate = faults.documentBytesPerSecond;
  // Written and flushed before a truncating close, so the client sees the headers, then a cut.
  if (rate === null) await new Promise<void>((resolve) => res.write(body, () => resolve()));
  else {
    const chunk = Math.max(1, Math.floor(rate / 10));
    for (let at = 0; at < body.length && !res.destroyed; at += chunk) {
      res.write(body.subarray(at, at + chunk));
      await delay(100);
    }
  }
  if (truncate) return void res.destroy();
  res.end();
}
