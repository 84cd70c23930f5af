import { createReadStream } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { DocumentUploadProblem, DocumentView } from '../../../../shared/contract/documents';
import type { Database } from '../../db/schema';
import type { Store } from '../../db/store';
import { outboxRepository, type OutboxEntry } from '../../sync/outbox';
import type { PlatformClient } from '../../sync/platform-client';
import type { PlatformError } from '../../sync/platform-error';
import { BlobStore } from '../blob-store';
import { appendCustody } from '../custody';
import { documentRepository } from '../document-repository';

/**
 * Uploads of the mediator's documents (imports and redacted copies whose visibility is not
 * 'mediator_only') travel as outbox rows of kind 'document_upload', queued in the transaction
 * that stores the document and settled in the transaction that records the platform's answer.
 * `documents.upload` is only the state shown: 'pending' while the row waits, then 'sent' or
 * 'failed' (with `upload_problem`) in the same transaction as the row's removal.
 *
 * The row's client id (UUIDv7, made once at queueing) is the platform's idempotency key: an
 * upload pushed again after a lost answer or a crash is stored once. The document id travels
 * too and becomes the platform's id, so the feed's document.upsert lands on the same row.
 */
export type DocumentUploadEntry = Extract<OutboxEntry, { kind: 'document_upload' }>;

export interface UploadContext {
  readonly store: Store;
  readonly client: PlatformClient;
  readonly now: () => Date;
}

/** Inside the write that stores `document`: queues its upload when it is shared. */
export async function queueDocumentUpload(trx: Kysely<Database>, document: DocumentView, now: Date): Promise<void> {
  if (document.upload !== 'pending' || document.visibility === 'mediator_only') return;
  const { id: documentId, fileName, mediaType, sha256, visibility } = document;
  await outboxRepository.enqueue(trx, { kind: 'document_upload', clientId: uuidv7(), caseId: document.caseId, payload: { documentId, fileName, mediaType, sha256, visibility }, now });
}

/** Where DocumentService keeps blobs: <folder of the SQLite file>/documents. */
const blobStoreOf = (store: Store): BlobStore => new BlobStore(join(dirname(store.sqlite.name), 'documents'));

/**
 * Pushes one queued upload, streaming the blob after re-hashing it: a file that changed or
 * vanished on this disk since the import is never sent (failed, 'file_changed', the document
 * flagged as on opening). Platform errors are thrown for the outbox pusher to classify.
 */
export async function pushDocumentUpload(ctx: UploadContext, entry: DocumentUploadEntry): Promise<void> {
  const { store, client } = ctx;
  const { documentId, sha256 } = entry.payload;
  const blobs = blobStoreOf(store);
  const held = await blobs.rehash(sha256);
  const at = ctx.now().toISOString();
  if (held?.sha256 !== sha256) {
    await store.write(async (trx) => {
      documentRepository.setIntegrity(store.sqlite, documentId, 'mismatch', at);
      if (held === null) documentRepository.markFailed(store.sqlite, documentId, 'file_missing');
      documentRepository.setUpload(store.sqlite, documentId, 'failed', 'file_changed');
      await outboxRepository.remove(trx, entry.id);
    });
    return;
  }
  const { document } = await client.uploadDocument({
    caseId: entry.caseId,
    query: { clientId: entry.clientId, ...entry.payload },
    content: createReadStream(blobs.pathOf(sha256)),
  });
  await store.write(async (trx) => {
    documentRepository.upsertFromPlatform(store.sqlite, document);
    documentRepository.setUpload(store.sqlite, documentId, 'sent');
    appendCustody(store.sqlite, documentId, { event: 'uploaded', at, actor: 'platform', detail: `sha256=${document.sha256} receivedAt=${document.receivedAt}` });
    await outboxRepository.remove(trx, entry.id);
  });
}

/** Inside the write that drops the refused row: the document stays, its upload 'failed' with the reason. */
export function recordUploadRefused(store: Store, entry: DocumentUploadEntry, error: PlatformError): void {
  documentRepository.setUpload(store.sqlite, entry.payload.documentId, 'failed', uploadProblemOf(error));
}

const uploadProblemOf = (error: PlatformError): DocumentUploadProblem => (error.status === 403 ? 'not_allowed' : error.status === 413 ? 'too_large' : 'rejected');
