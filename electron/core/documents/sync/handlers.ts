import type { Handlers } from '../../api/dispatch';
import type { Store } from '../../db/store';
import type { EventBus } from '../../events/event-bus';
import type { SyncEngine } from '../../sync/sync-engine';
import type { DocumentService } from '../document-service';
import { prepareHearing } from '../hearing-preparation';
import { getHearingReadiness } from '../hearing-readiness';
import { downloadDocument } from './download';
import { retryDocumentUpload } from './retry-upload';

export interface DocumentSyncHandlerContext {
  readonly store: Store;
  readonly events: EventBus;
  readonly now: () => Date;
  readonly documents: DocumentService;
  /** The platform sync, when one is configured. */
  readonly engine?: SyncEngine;
  readonly actor: () => Promise<string>;
}

type SyncOperation = 'downloadDocument' | 'retryDocumentUpload' | 'prepareHearing' | 'getHearingReadiness';

/** The documents operations that talk to the platform (or say what is on this machine). */
export function createDocumentSyncHandlers(context: DocumentSyncHandlerContext): Pick<Handlers, SyncOperation> {
  const { store, events, now, documents, engine, actor } = context;
  const ctx = { store, events, documents, client: engine?.client ?? null, actor, engine: engine ?? null, now };
  return {
    downloadDocument: (input) => downloadDocument(ctx, input.documentId),
    retryDocumentUpload: (input) => retryDocumentUpload({ ...ctx, nudge: () => engine?.nudge() }, input.documentId),
    prepareHearing: (input) => prepareHearing(ctx, input.caseId),
    getHearingReadiness: (input) => getHearingReadiness(store, input.caseId, now()),
  };
}
