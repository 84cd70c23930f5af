import { open as openFile, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import {
  DOCUMENT_LIMITS,
  type CustodyEntry,
  type CustodyEvent,
  type CustodyVerification,
  type DocumentView,
  type EmailView,
} from '../../../shared/contract/documents';
import { AppError } from '../../../shared/contract/errors';
import type { FileLink, StagedFile } from '../../../shared/contract/files';
import { sanitizeFileName } from '../../../shared/documents/file-name';
import type { z } from 'zod';
import type { ImportDocumentInput } from '../../../shared/contract/documents';
import type { Store } from '../db/store';
import type { EventBus } from '../events/event-bus';
import { caseRepository } from '../repositories/case-repository';
import { BlobStore, type ByteSource, type StoredBlob } from './blob-store';
import { inspectContent } from './content-inspection';
import { appendCustody, checkChain, hasCustody, toCustodyEntry } from './custody';
import { documentRepository, toDocumentView, type DocumentRow, type NewDocument } from './document-repository';
import { parseEmail } from './email';
import { FileLinks, type LinkHost } from './file-links';
import { DocumentRefused } from './refusal';
import { respondToFileRequest, type FileRequest, type FileResponse } from './serve';
import { SNIFF_BYTES, isTypeMismatch, sniff } from './sniff';
import { StagingArea } from './staging';
import { queueDocumentUpload } from './sync/upload';
import { replaceDocumentText } from './text-index';

export interface DocumentServiceOptions {
  readonly store: Store;
  readonly events: EventBus;
  /** The folder of the SQLite file: blobs go to <dataDir>/documents, uploads to <dataDir>/staging. */
  readonly dataDir: string;
  readonly host: LinkHost;
  readonly now: () => Date;
  /** A shared document's upload was queued in the outbox (the sync engine's nudge). */
  readonly uploadQueued?: () => void;
}

/** What the hosts (web server, Electron main) call for bytes: never through the JSON operations. */
export interface CoreFiles {
  stage(source: ByteSource, fileName: string, declaredSize?: number): Promise<StagedFile>;
  respond(token: string, request: FileRequest): Promise<FileResponse>;
}

/**
 * The document store: blobs by hash, metadata and text in SQLite, a custody chain per
 * document. Every refusal is a DocumentRefused (invalid_input + reason) raised before anything
 * is written, so a refused file leaves the store as it was.
 */
export class DocumentService implements CoreFiles {
  readonly blobs: BlobStore;
  readonly staging: StagingArea;
  readonly links: FileLinks;
  readonly store: Store;
  private readonly events: EventBus;
  private readonly now: () => Date;
  private readonly uploadQueued: () => void;

  constructor(options: DocumentServiceOptions) {
    this.store = options.store;
    this.events = options.events;
    this.now = options.now;
    this.uploadQueued = options.uploadQueued ?? (() => undefined);
    this.blobs = new BlobStore(join(options.dataDir, 'documents'));
    this.staging = new StagingArea(join(options.dataDir, 'staging'), () => this.now().getTime());
    this.links = new FileLinks(options.host, () => this.now().getTime());
  }

  /** Removes what a crash left half-written. Call once at start. */
  async start(): Promise<void> {
    await this.blobs.removeLeftovers();
  }

  stage(source: ByteSource, fileName: string, declaredSize?: number): Promise<StagedFile> {
    return this.staging.stage(source, fileName, declaredSize);
  }

  respond(token: string, request: FileRequest): Promise<FileResponse> {
    return respondToFileRequest(this.links, this.blobs, token, request);
  }

  async list(caseId: string): Promise<DocumentView[]> {
    return (await documentRepository.listForCase(this.store.db, caseId)).map(toDocumentView);
  }

  async get(documentId: string): Promise<DocumentRow> {
    const row = await documentRepository.get(this.store.db, documentId);
    if (!row) throw new AppError('not_found', `No document ${documentId}`);
    return row;
  }

  /**
   * A staged file becomes a document of the case. Policy for the mediator's own files: a name
   * that sanitises to nothing, an extension that lies (sniff.ts) and a damaged PDF are refused
   * (nobody could open it, and it would be handed to the parties); an encrypted PDF is stored
   * and flagged (bank statements often come locked: still evidence), without text. The same
   * content imported again into the case returns the existing document.
   */
  async importStaged(input: z.infer<typeof ImportDocumentInput>, actor: string): Promise<DocumentView> {
    const { staged, caseId } = input;
    const path = this.staging.find(staged);
    try {
      await caseRepository.requireExists(this.store, caseId);
      const fileName = sanitizeFileName(staged.fileName);
      if (fileName === null) throw new DocumentRefused('bad_name', `No usable file name in ${JSON.stringify(staged.fileName.slice(0, 80))}`);
      if (staged.sizeBytes === 0) throw new DocumentRefused('empty_file', 'The file is empty');
      if (staged.sizeBytes > DOCUMENT_LIMITS.maxBytes) throw new DocumentRefused('too_large', `${staged.sizeBytes} bytes`);
      const type = sniff(await readHead(path));
      if (isTypeMismatch(fileName, type)) throw new DocumentRefused('type_mismatch', `${fileName} holds ${type.mediaType}`);
      const inspection = await inspectContent(path, type);
      if (inspection.problem === 'pdf_damaged') throw new DocumentRefused('pdf_damaged', `${fileName} cannot be parsed as a PDF`);

      // Adopted even when the document exists: an intact blob is kept, a damaged one repaired.
      const blob = await this.blobs.adopt(path, { sha256: staged.sha256, size: staged.sizeBytes });
      const existing = await documentRepository.findInCaseBySha(this.store.db, caseId, staged.sha256);
      if (existing) return toDocumentView(existing);
      const at = this.now().toISOString();
      const row: NewDocument = {
        id: uuidv7(),
        case_id: caseId,
        file_name: fileName,
        category: input.category,
        submitted_by: 'mediator',
        visibility: input.visibility,
        received_at: at,
        size_bytes: blob.size,
        media_type: type.mediaType,
        kind: type.kind,
        sha256: blob.sha256,
        source: 'local',
        availability: 'local',
        integrity: 'ok',
        upload: input.visibility === 'mediator_only' ? 'not_shared' : 'pending',
        redacted_from: null,
        page_count: inspection.pageCount,
        problem: inspection.problem,
      };
      const view = await this.store.write(async (trx) => {
        documentRepository.insert(this.store.sqlite, row);
        replaceDocumentText(this.store.sqlite, row.id, caseId, inspection.pages, type.kind === 'pdf');
        appendCustody(this.store.sqlite, row.id, { event: 'imported', at, actor, detail: `sha256=${blob.sha256} size=${blob.size} name=${fileName}` });
        const stored = this.viewNow(row.id);
        await queueDocumentUpload(trx, stored, this.now());
        return stored;
      });
      this.events.emit('documentsChanged', { caseId });
      if (view.upload === 'pending') this.uploadQueued();
      return view;
    } finally {
      await this.staging.release(staged.stagedId);
    }
  }

  /**
   * The bytes of a platform document arrived (the sync layer put them with
   * blobs.putStream(…, { expectedSha256: claim })): sniffs, reads text, marks it local and records
   * 'received' (first time) and 'downloaded'. A damaged PDF from a party is kept and flagged:
   * it is what they submitted.
   */
  async attachDownloaded(documentId: string, blob: StoredBlob, actor: string): Promise<DocumentView> {
    const row = await this.get(documentId);
    if (blob.sha256 !== row.sha256) throw new DocumentRefused('hash_mismatch', `Downloaded ${blob.sha256}, platform claims ${row.sha256}`);
    const path = this.blobs.pathOf(blob.sha256);
    const type = sniff(await readHead(path));
    const inspection = await inspectContent(path, type);
    const at = this.now().toISOString();
    const view = await this.store.write(async () => {
      const sqlite = this.store.sqlite;
      if (!hasCustody(sqlite, documentId)) {
        appendCustody(sqlite, documentId, { event: 'received', at, actor: 'platform', detail: `sha256=${row.sha256} submittedBy=${row.submitted_by} receivedAt=${row.received_at}` });
      }
      documentRepository.markLocal(sqlite, documentId, { sizeBytes: blob.size, mediaType: type.mediaType, kind: type.kind, pageCount: inspection.pageCount, problem: inspection.problem, checkedAt: at });
      replaceDocumentText(sqlite, documentId, row.case_id, inspection.pages, type.kind === 'pdf');
      appendCustody(sqlite, documentId, { event: 'downloaded', at, actor, detail: `sha256=${blob.sha256} size=${blob.size}` });
      return this.viewNow(documentId);
    });
    this.events.emit('documentsChanged', { caseId: row.case_id });
    return view;
  }

  /** Opening re-hashes the stored file every time and records 'opened'; a changed file is never served. */
  async open(documentId: string, actor: string): Promise<{ document: DocumentView; link: FileLink }> {
    const row = await this.verifiedLocal(documentId, actor);
    const document = await this.record(row, 'opened', actor, `sha256=${row.sha256}`);
    const disposition = document.kind === 'other' ? 'attachment' : 'inline';
    return { document, link: this.links.grant({ sha256: row.sha256, fileName: document.fileName, mediaType: document.mediaType, sizeBytes: document.sizeBytes, disposition }) };
  }

  /** A copy to save (attachment), after the same check; records 'exported'. */
  async export(documentId: string, actor: string): Promise<FileLink> {
    const row = await this.verifiedLocal(documentId, actor);
    const document = await this.record(row, 'exported', actor, `sha256=${row.sha256} as=${sanitizeFileName(row.file_name) ?? 'documento'}`);
    return this.links.grant({ sha256: row.sha256, fileName: document.fileName, mediaType: document.mediaType, sizeBytes: document.sizeBytes, disposition: 'attachment' });
  }

  async emailView(documentId: string, actor: string): Promise<EmailView> {
    const row = await this.get(documentId);
    if (row.kind !== 'email') throw new DocumentRefused('wrong_kind', `Document ${documentId} is ${row.kind}, not an e-mail`, 'documentId');
    await this.verifiedLocal(documentId, actor);
    return parseEmail(await readFile(this.blobs.pathOf(row.sha256)));
  }

  async custodyLog(documentId: string): Promise<CustodyEntry[]> {
    await this.get(documentId);
    const rows = await this.store.db.selectFrom('custody_log').selectAll().where('document_id', '=', documentId).orderBy('seq').execute();
    return rows.map(toCustodyEntry);
  }

  /** Checks the chain and the file, then records the check itself ('verified'). */
  async verifyCustody(documentId: string, actor: string): Promise<CustodyVerification> {
    const row = await this.get(documentId);
    const entries = await this.custodyLog(documentId);
    const chain = checkChain(documentId, entries);
    const held = row.availability === 'local' ? await this.blobs.rehash(row.sha256) : null;
    const fileIntact = held !== null && held.sha256 === row.sha256;
    const at = this.now().toISOString();
    const outcome = chain.ok ? 'chain=ok' : `chain=broken seq=${chain.firstBrokenSeq} reason=${chain.reason}`;
    await this.store.write(async () => {
      if (row.availability === 'local') documentRepository.setIntegrity(this.store.sqlite, documentId, fileIntact ? 'ok' : 'mismatch', at);
      appendCustody(this.store.sqlite, documentId, { event: 'verified', at, actor, detail: `${outcome} file=${fileIntact ? 'intact' : row.availability === 'local' ? 'altered' : 'not_local'}` });
    });
    this.events.emit('documentsChanged', { caseId: row.case_id });
    return { ...chain, fileIntact };
  }

  /**
   * Stores bytes the core made (a redacted copy, named and typed by redaction.ts) as a new
   * document derived from `original`, recording 'redacted' on both. The copy takes the
   * original's visibility (and is uploaded when that is shared); the original stays as it was,
   * so the mediator keeps the full version.
   */
  async storeRedaction(original: DocumentRow, copy: { bytes: Uint8Array; mediaType: string; fileName: string }, actor: string): Promise<DocumentView> {
    const { bytes, mediaType, fileName } = copy;
    const blob = await this.blobs.putStream([bytes]);
    const type = sniff(bytes.subarray(0, SNIFF_BYTES));
    const temp = this.blobs.pathOf(blob.sha256);
    const inspection = await inspectContent(temp, type);
    const at = this.now().toISOString();
    const id = uuidv7();
    const view = await this.store.write(async (trx) => {
      const sqlite = this.store.sqlite;
      documentRepository.insert(sqlite, {
        id,
        case_id: original.case_id,
        file_name: fileName,
        category: original.category,
        submitted_by: 'mediator',
        visibility: original.visibility,
        received_at: at,
        size_bytes: blob.size,
        media_type: mediaType,
        kind: type.kind,
        sha256: blob.sha256,
        source: 'redaction',
        availability: 'local',
        integrity: 'ok',
        upload: original.visibility === 'mediator_only' ? 'not_shared' : 'pending',
        redacted_from: original.id,
        page_count: inspection.pageCount,
        problem: inspection.problem,
      });
      replaceDocumentText(sqlite, id, original.case_id, inspection.pages, type.kind === 'pdf');
      appendCustody(sqlite, original.id, { event: 'redacted', at, actor, detail: `copy=${id} copySha256=${blob.sha256}` });
      appendCustody(sqlite, id, { event: 'redacted', at, actor, detail: `from=${original.id} fromSha256=${original.sha256} sha256=${blob.sha256}` });
      const stored = this.viewNow(id);
      await queueDocumentUpload(trx, stored, this.now());
      return stored;
    });
    this.events.emit('documentsChanged', { caseId: original.case_id });
    if (view.upload === 'pending') this.uploadQueued();
    return view;
  }

  /** Stores a file the core produced for saving (hearing sheet, evidence bundle) and links it. */
  async storeExport(bytes: Uint8Array, fileName: string, mediaType: string): Promise<FileLink> {
    const blob = await this.blobs.putStream([bytes]);
    return this.links.grant({ sha256: blob.sha256, fileName: sanitizeFileName(fileName) ?? 'exportacion', mediaType, sizeBytes: blob.size, disposition: 'attachment' });
  }

  /** Reads a local document's bytes after checking them against the recorded hash. */
  async readVerified(documentId: string, actor: string): Promise<{ row: DocumentRow; bytes: Buffer }> {
    const row = await this.verifiedLocal(documentId, actor);
    const bytes = await readFile(this.blobs.pathOf(row.sha256));
    return { row, bytes };
  }

  /**
   * The document, after re-hashing its stored file. A file that changed or vanished is marked
   * (integrity 'mismatch', problem) and the call fails with hash_mismatch / file_missing.
   */
  private async verifiedLocal(documentId: string, actor: string): Promise<DocumentRow> {
    const row = await this.get(documentId);
    if (row.availability !== 'local') throw new DocumentRefused('not_available_offline', `Document ${documentId} is not downloaded`, 'documentId');
    const held = await this.blobs.rehash(row.sha256);
    const at = this.now().toISOString();
    if (held === null || held.sha256 !== row.sha256) {
      await this.store.write(async () => {
        documentRepository.setIntegrity(this.store.sqlite, documentId, 'mismatch', at);
        if (held === null) documentRepository.markFailed(this.store.sqlite, documentId, 'file_missing');
        appendCustody(this.store.sqlite, documentId, { event: 'verified', at, actor, detail: held === null ? 'file=missing' : `file=altered sha256=${held.sha256}` });
      });
      this.events.emit('documentsChanged', { caseId: row.case_id });
      if (held === null) throw new DocumentRefused('file_missing', `The stored file of ${documentId} is gone`, 'documentId');
      throw new DocumentRefused('hash_mismatch', `Stored file of ${documentId} hashes to ${held.sha256}, recorded ${row.sha256}`, 'documentId');
    }
    return row;
  }

  private async record(row: DocumentRow, event: CustodyEvent, actor: string, detail: string): Promise<DocumentView> {
    const at = this.now().toISOString();
    return this.store.write(async () => {
      documentRepository.setIntegrity(this.store.sqlite, row.id, 'ok', at);
      appendCustody(this.store.sqlite, row.id, { event, at, actor, detail });
      return this.viewNow(row.id);
    });
  }

  /** Inside a write: the row as just written. */
  private viewNow(documentId: string): DocumentView {
    const row = this.store.sqlite.prepare('SELECT * FROM documents WHERE id = ?').get(documentId) as DocumentRow | undefined;
    if (!row) throw new AppError('internal', `Document ${documentId} vanished inside its own transaction`);
    return toDocumentView(row);
  }
}

async function readHead(path: string): Promise<Uint8Array> {
  const handle = await openFile(path, 'r');
  try {
    const buffer = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, SNIFF_BYTES, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

