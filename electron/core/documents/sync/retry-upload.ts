import type { DocumentView } from '../../../../shared/contract/documents';
import { AppError } from '../../../../shared/contract/errors';
import type { Store } from '../../db/store';
import type { EventBus } from '../../events/event-bus';
import type { DocumentService } from '../document-service';
import { documentRepository, toDocumentView } from '../document-repository';
import { DocumentRefused } from '../refusal';
import { queueDocumentUpload } from './upload';

export interface RetryUploadContext {
  readonly store: Store;
  readonly documents: DocumentService;
  readonly events: EventBus;
  readonly now: () => Date;
  /** Pushes soon instead of at the next poll, as after an import. */
  readonly nudge: () => void;
}

/**
 * Sends a refused upload again (e.g. once the case reached mediation). The stored file is
 * re-hashed first: one that changed or vanished is never sent. The new outbox row has a new
 * client id (the refused one is settled on the platform's side) and is queued in the
 * transaction that sets the upload back to 'pending'.
 */
export async function retryDocumentUpload(ctx: RetryUploadContext, documentId: string): Promise<DocumentView> {
  const before = await ctx.documents.get(documentId);
  if (before.upload !== 'failed') throw notFailed(documentId, before.upload);
  const held = await ctx.documents.blobs.rehash(before.sha256);
  if (held === null) throw new DocumentRefused('file_missing', `The stored file of document ${documentId} is gone: it cannot be sent`, 'documentId');
  if (held.sha256 !== before.sha256) throw new DocumentRefused('hash_mismatch', `The stored file of document ${documentId} no longer hashes to ${before.sha256}: it is not sent`, 'documentId');

  const view = await ctx.store.write(async (trx) => {
    // Read again inside the write: another retry may have queued it meanwhile.
    const row = await documentRepository.get(trx, documentId);
    if (row?.upload !== 'failed') throw notFailed(documentId, row?.upload ?? 'missing');
    documentRepository.setUpload(ctx.store.sqlite, documentId, 'pending');
    const pending: DocumentView = { ...toDocumentView(row), upload: 'pending', uploadProblem: null };
    await queueDocumentUpload(trx, pending, ctx.now());
    return pending;
  });
  ctx.events.emit('documentsChanged', { caseId: view.caseId });
  ctx.nudge();
  return view;
}

const notFailed = (documentId: string, upload: string): AppError =>
  new AppError('conflict', `The upload of document ${documentId} is ${upload}, not failed: nothing to retry`, [
    { path: 'documentId', message: 'Only a refused upload can be retried', reason: 'upload_not_failed' },
  ]);
