import { createReadStream } from 'node:fs';
import { dirname, join } from 'node:path';
import type { DocumentRefusal } from '../../../../shared/contract/documents';
import { sanitizeFileName } from '../../../../shared/documents/file-name';
import { ClientId } from '../../../../shared/platform/messages';
import { DocumentVisibility } from '../../../../shared/platform/records';
import type { Store } from '../../db/store';
import type { EventBus } from '../../events/event-bus';
import type { PlatformClient } from '../../sync/platform-client';
import { PlatformError } from '../../sync/platform-error';
import { BlobStore } from '../blob-store';
import { appendCustody } from '../custody';
import { documentRepository, type DocumentRow } from '../document-repository';

/**
 * Uploads of the mediator's documents (imports and redacted copies whose visibility is not
 * 'mediator_only').
 *
 * THE QUEUE IS THE DOCUMENT ROW ITSELF: DocumentService.importStaged / storeRedaction write the
 * row with `upload = 'pending'` in the import's own transaction, which is all an upload needs
 * to survive a crash — so there is no separate outbox row, and nothing for the import to call.
 * (An outbox row of kind 'document_upload' would need that kind in the outbox CHECK, which
 * migration 0005 does not allow; the row's own state says the same thing without duplicating it.)
 * The idempotency key is the document id, a UUIDv7 made at import: the platform keeps the first
 * result per clientId, so an upload pushed again after a lost answer or a crash is stored once,
 * under the same id, which is also the platform's document id (the feed's document.upsert then
 * lands on the same row).
 *
 * The sync engine calls pushDocumentUploads in each cycle, after the outbox. Success: upload
 * 'sent', the platform's metadata recorded, custody 'uploaded'. A refusal (4xx, e.g. 403 when
 * the case is no longer in mediation): upload 'failed' (413 also sets problem 'too_large'); a
 * blob that no longer hashes to its name is never sent (failed, 'hash_mismatch').
 * A transient failure or 401 is thrown for the engine's backoff; the row stays pending.
 */
export interface UploadContext {
  readonly store: Store;
  readonly client: PlatformClient;
  readonly events: EventBus;
  readonly now: () => Date;
}

/** Where DocumentService keeps blobs: <folder of the SQLite file>/documents. */
const blobStoreOf = (store: Store): BlobStore => new BlobStore(join(dirname(store.sqlite.name), 'documents'));

export async function countPendingUploads(store: Store): Promise<number> {
  const row = await pendingQuery(store).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

const pendingQuery = (store: Store) => store.db.selectFrom('documents').where('upload', '=', 'pending').where('visibility', '!=', 'mediator_only');

/** Pushes every pending upload, oldest first; returns how many were settled. */
export async function pushDocumentUploads(ctx: UploadContext, shouldStop: () => boolean): Promise<number> {
  const pending = await pendingQuery(ctx.store).selectAll().orderBy('received_at').orderBy('id').execute();
  if (pending.length === 0) return 0;
  const blobs = blobStoreOf(ctx.store);
  let settled = 0;
  for (const row of pending) {
    if (shouldStop()) break;
    try {
      await pushOne(ctx, blobs, row);
    } catch (error) {
      if (!(error instanceof PlatformError) || error.transient || error.kind === 'unauthorized') throw error;
      await settle(ctx, row, 'failed', refusalOf(error));
    }
    settled += 1;
  }
  return settled;
}

async function pushOne(ctx: UploadContext, blobs: BlobStore, row: DocumentRow): Promise<void> {
  const fileName = sanitizeFileName(row.file_name) ?? 'documento';
  const visibility = DocumentVisibility.safeParse(row.visibility).data ?? null;
  if (!ClientId.safeParse(row.id).success || visibility === null) return settle(ctx, row, 'failed', null);
  // Never hand the parties a file that changed on this disk since it was imported.
  if ((await blobs.rehash(row.sha256))?.sha256 !== row.sha256) return settle(ctx, row, 'failed', 'hash_mismatch');
  const { document } = await ctx.client.uploadDocument({
    caseId: row.case_id,
    query: { clientId: row.id, documentId: row.id, fileName, mediaType: row.media_type, sha256: row.sha256, visibility },
    content: createReadStream(blobs.pathOf(row.sha256)),
  });
  await ctx.store.write(async () => {
    const sqlite = ctx.store.sqlite;
    documentRepository.upsertFromPlatform(sqlite, document);
    documentRepository.setUpload(sqlite, row.id, 'sent');
    appendCustody(sqlite, row.id, { event: 'uploaded', at: ctx.now().toISOString(), actor: 'platform', detail: `sha256=${document.sha256} receivedAt=${document.receivedAt}` });
  });
  ctx.events.emit('documentsChanged', { caseId: row.case_id });
}

async function settle(ctx: UploadContext, row: DocumentRow, upload: 'failed', problem: DocumentRefusal | null): Promise<void> {
  await ctx.store.write(async () => {
    documentRepository.setUpload(ctx.store.sqlite, row.id, upload);
    if (problem) documentRepository.markFailed(ctx.store.sqlite, row.id, problem);
  });
  ctx.events.emit('documentsChanged', { caseId: row.case_id });
}

/** The platform's refusal as a document problem, when one fits (else the upload just failed). */
const refusalOf = (error: PlatformError): DocumentRefusal | null => (error.status === 413 ? 'too_large' : null);
