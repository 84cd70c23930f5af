import { setTimeout as delay } from 'node:timers/promises';
import { DOCUMENT_LIMITS, type DocumentView } from '../../../../shared/contract/documents';
import { AppError } from '../../../../shared/contract/errors';
import type { Store } from '../../db/store';
import type { EventBus } from '../../events/event-bus';
import type { PlatformClient } from '../../sync/platform-client';
import { PlatformError } from '../../sync/platform-error';
import type { DocumentService } from '../document-service';
import { documentRepository, toDocumentView } from '../document-repository';
import { DocumentRefused } from '../refusal';

export interface DocumentDownloadContext {
  readonly store: Store;
  readonly documents: DocumentService;
  readonly events: EventBus;
  /** The sync engine's client (its token, its time limits); null without a platform. */
  readonly client: PlatformClient | null;
  /** Custody actor ("Name (id)"). */
  readonly actor: () => Promise<string>;
  /** Waits between tries of a transient failure (tests pass a short one). */
  readonly retryDelaysMs?: readonly number[];
}

/** Network failures, 5xx, 429 and a cut body are tried again this many times, then reported. */
const RETRY_DELAYS_MS = [250, 1_000, 3_000] as const;

/**
 * Brings one platform document's bytes to this machine. The body streams into the blob store
 * while it is hashed; bytes that do not hash to the platform's SHA-256 (the feed's claim) are
 * never stored: the document is marked failed with problem 'hash_mismatch' and the call fails
 * with that reason, other documents untouched. The same content already held (another case
 * showed the same file) is attached without a download. Transient failures (offline, timeout,
 * 5xx, 429, a truncated body) are retried with backoff, then reported as not_available_offline
 * without marking the document: it is still on the platform.
 */
export async function downloadDocument(ctx: DocumentDownloadContext, documentId: string): Promise<DocumentView> {
  const row = await ctx.documents.get(documentId);
  if (row.availability === 'local') return toDocumentView(row);
  const actor = await ctx.actor();
  const held = await ctx.documents.blobs.rehash(row.sha256);
  if (held?.sha256 === row.sha256) return ctx.documents.attachDownloaded(documentId, held, actor);
  if (row.source !== 'platform') throw new AppError('not_found', `The file of document ${documentId} is missing and only the platform's documents can be downloaded`);
  const client = ctx.client;
  if (!client) throw new DocumentRefused('not_available_offline', 'No platform is configured: the document cannot be downloaded');

  const delays = ctx.retryDelaysMs ?? RETRY_DELAYS_MS;
  for (let attempt = 0; ; attempt += 1) {
    try {
      const answer = await client.downloadDocument({ caseId: row.case_id, query: { documentId } });
      if (answer['x-content-sha256'] !== row.sha256) {
        await answer.body.cancel();
        throw new DocumentRefused('hash_mismatch', `The platform now serves ${answer['x-content-sha256']} for ${documentId}, its feed said ${row.sha256}`);
      }
      if (answer['content-length'] > DOCUMENT_LIMITS.maxBytes) {
        await answer.body.cancel();
        throw new DocumentRefused('too_large', `${answer['content-length']} bytes is over the ${DOCUMENT_LIMITS.maxBytes}-byte limit`);
      }
      const blob = await ctx.documents.blobs.putStream(answer.body as unknown as AsyncIterable<Uint8Array>, { expectedSha256: row.sha256, maxBytes: DOCUMENT_LIMITS.maxBytes });
      return await ctx.documents.attachDownloaded(documentId, blob, actor);
    } catch (error) {
      if (error instanceof DocumentRefused) {
        await markFailed(ctx, row.case_id, documentId, error.reason);
        throw error;
      }
      if (!(error instanceof PlatformError)) throw error;
      const wait = delays[attempt];
      if (!error.transient || wait === undefined) throw unavailable(documentId, error);
      await delay(error.retryAt === null ? wait : Math.max(wait, error.retryAt - Date.now()));
    }
  }
}

async function markFailed(ctx: DocumentDownloadContext, caseId: string, documentId: string, reason: string): Promise<void> {
  await ctx.store.write(async () => {
    documentRepository.markFailed(ctx.store.sqlite, documentId, reason);
  });
  ctx.events.emit('documentsChanged', { caseId });
}

/** Why a download did not happen, as the UI shows it (documentRefusal.not_available_offline). */
function unavailable(documentId: string, error: PlatformError): AppError {
  if (error.kind === 'rejected' && error.status === 404) return new AppError('not_found', `The platform has no document ${documentId}`);
  if (error.kind === 'rejected' && error.status === 403) return new AppError('forbidden', `The platform refused document ${documentId}: ${error.message}`);
  return new DocumentRefused('not_available_offline', `Document ${documentId} could not be downloaded: ${error.message}`);
}
