import { AppError } from '../../../shared/contract/errors';
import type { documentOperations } from '../../../shared/contract/documents';
import type { Handlers } from './dispatch';

type DocumentOperation = keyof typeof documentOperations;

// SCAFFOLD: replaced by the documents store (issue 4) before that issue is resolved.
const pending = (): never => {
  throw new AppError('internal', 'Documents are being built');
};

export function createDocumentHandlers(): Pick<Handlers, DocumentOperation> {
  return {
    listDocuments: pending,
    importDocument: pending,
    openDocument: pending,
    exportDocument: pending,
    getEmailView: pending,
    downloadDocument: pending,
    getCustodyLog: pending,
    verifyCustody: pending,
    redactDocument: pending,
    searchDocuments: pending,
    prepareHearing: pending,
    getHearingReadiness: pending,
    getHearingSheet: pending,
    saveHearingSheet: pending,
    exportHearingSheetPdf: pending,
    exportEvidenceBundle: pending,
  };
}
