import type { documentOperations } from '../../../shared/contract/documents';
import type { Store } from '../db/store';
import type { DocumentService } from '../documents/document-service';
import { createDocumentSyncHandlers } from '../documents/sync/handlers';
import type { EventBus } from '../events/event-bus';
import type { SyncEngine } from '../sync/sync-engine';
import { exportEvidenceBundle } from '../documents/evidence-export';
import { exportPreparationSheet, preparationSheets } from '../documents/preparation-sheet';
import { redactDocument } from '../documents/redaction';
import { searchCaseDocuments } from '../documents/text-index';
import { caseRepository } from '../repositories/case-repository';
import { profileRepository } from '../repositories/profile-repository';
import type { Handlers } from './dispatch';
import { listDocumentAttention, searchAllDocuments } from './document-overview';

type DocumentOperation = keyof typeof documentOperations;

export interface DocumentHandlerContext {
  readonly store: Store;
  readonly now: () => Date;
  readonly documents: DocumentService;
  readonly events: EventBus;
  /** The platform sync, when one is configured (downloads, hearing preparation, uploads). */
  readonly engine?: SyncEngine;
}

export function createDocumentHandlers(context: DocumentHandlerContext): Pick<Handlers, DocumentOperation> {
  const { store, now, documents, events, engine } = context;
  /** Custody entries name the local user: "Name (id)". */
  const actor = async (): Promise<string> => {
    const { user } = await profileRepository.get(store.db);
    return `${user.name} (${user.id})`;
  };

  return {
    async listDocuments(input) {
      await caseRepository.requireExists(store, input.caseId);
      return documents.list(input.caseId);
    },
    importDocument: async (input) => documents.importStaged(input, await actor()),
    openDocument: async (input) => documents.open(input.documentId, await actor()),
    exportDocument: async (input) => documents.export(input.documentId, await actor()),
    getEmailView: async (input) => documents.emailView(input.documentId, await actor()),
    getCustodyLog: (input) => documents.custodyLog(input.documentId),
    verifyCustody: async (input) => documents.verifyCustody(input.documentId, await actor()),
    listDocumentAttention: (input) => listDocumentAttention(store.db, input),
    searchAllDocuments: (input) => searchAllDocuments(store.db, input.query),
    async searchDocuments(input) {
      await caseRepository.requireExists(store, input.caseId);
      return searchCaseDocuments(store.db, input.caseId, input.query);
    },
    async getHearingSheet(input) {
      await caseRepository.requireExists(store, input.caseId);
      return preparationSheets.get(store.db, input.caseId);
    },
    async saveHearingSheet(input) {
      await caseRepository.requireExists(store, input.caseId);
      return preparationSheets.save(store.db, input, now().toISOString());
    },
    ...createDocumentSyncHandlers({ store, events, now, documents, engine, actor }),
    redactDocument: async (input) => redactDocument(documents, input, await actor()),
    exportHearingSheetPdf: async (input) => {
      const { user } = await profileRepository.get(store.db);
      return exportPreparationSheet(documents, input.caseId, user.name, now());
    },
    exportEvidenceBundle: async (input) => {
      await caseRepository.requireExists(store, input.caseId);
      return exportEvidenceBundle(documents, input, await actor(), now());
    },
  };
}
