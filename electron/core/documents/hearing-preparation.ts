import type { HearingReadiness } from '../../../shared/contract/documents';
import type { SyncEngine } from '../sync/sync-engine';
import { documentRepository } from './document-repository';
import { getHearingReadiness } from './hearing-readiness';
import { downloadDocument, type DocumentDownloadContext } from './sync/download';

export interface HearingPreparationContext extends DocumentDownloadContext {
  readonly engine: SyncEngine | null;
  readonly now: () => Date;
}

/** Downloads at a time: enough to hide latency, few enough not to crowd a hotel's Wi-Fi. */
const CONCURRENT_DOWNLOADS = 3;

/**
 * "Preparar audiencia": one sync cycle (outbox pushed, feed pulled to its end: every message
 * of the case), then every document of the case not yet here, three at a time. A document
 * that fails (hash mismatch, network) does not stop the others; the answer says how many are
 * local and how many failed, and `ready` only when nothing is missing.
 */
export async function prepareHearing(ctx: HearingPreparationContext, caseId: string): Promise<HearingReadiness> {
  // A sync that reached the end of the feed proves the messages complete; one that failed
  // (offline) teaches nothing new, and the last complete pull stands.
  const status = ctx.engine ? await ctx.engine.syncNow() : null;
  const feedCaughtUp = status?.state === 'idle' ? true : undefined;
  // Offline just now: one try per document, no backoff (the mediator is waiting on the answer).
  const downloads = status?.state === 'offline' ? { ...ctx, retryDelaysMs: [] } : ctx;
  const missing = (await documentRepository.listForCase(ctx.store.db, caseId)).filter((row) => row.availability !== 'local').map((row) => row.id);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < missing.length) {
      const documentId = missing[next++];
      if (documentId === undefined) return;
      try {
        await downloadDocument(downloads, documentId);
      } catch {
        // Counted in the readiness (failed, or still remote); the document shows its problem.
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENT_DOWNLOADS, missing.length) }, worker));
  return getHearingReadiness(ctx.store, caseId, ctx.now(), feedCaughtUp);
}
