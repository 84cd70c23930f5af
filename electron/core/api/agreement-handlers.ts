import type { agreementOperations } from '../../../shared/contract/agreements';
import { AppError } from '../../../shared/contract/errors';
import { exportAgreement, type AgreementExportContext } from '../agreements/agreement-export';
import { agreementService } from '../agreements/agreement-service';
import type { AgreementDrafting } from '../agreements/drafting';
import { libraryDrafting } from '../agreements/library-drafting';
import type { Store } from '../db/store';
import type { DocumentService } from '../documents/document-service';
import type { EventBus } from '../events/event-bus';
import type { SyncEngine } from '../sync/sync-engine';
import { listAgreementOverview } from './agreement-overview';
import type { Handlers } from './dispatch';

type AgreementOperation = keyof typeof agreementOperations;

export interface AgreementHandlerContext {
  readonly store: Store;
  readonly events: EventBus;
  readonly now: () => Date;
  readonly engine?: SyncEngine;
  /** The templates and rendering rules; the shipped library by default. */
  readonly drafting?: AgreementDrafting;
  /** Where exported actas go: the documents layer's export store, whose links the hosts serve. */
  readonly documents?: Pick<DocumentService, 'storeExport'>;
}

export function createAgreementHandlers(context: AgreementHandlerContext): Pick<Handlers, AgreementOperation> {
  const { events, engine } = context;
  const service = agreementService({
    store: context.store,
    drafting: context.drafting ?? libraryDrafting(),
    now: context.now,
    signedIn: () => engine?.signedInNow ?? false,
  });
  /** After a write: the agreement and the case views reload, and the outbox goes. */
  const changed = <T>(caseId: string, value: T): T => {
    events.emit('agreementsChanged', { caseId });
    events.emit('caseChanged', { caseId });
    engine?.nudge();
    return value;
  };

  return {
    listAgreementOverview: (input) => listAgreementOverview(context.store.db, input, context.now()),
    listAgreementTemplates: () => service.catalogue(),
    getAgreement: (input) => service.state(input.caseId),
    startAgreement: async (input) => changed(input.caseId, await service.start(input.caseId, input.templateId)),
    saveAgreementVersion: async (input) => changed(input.caseId, await service.save(input.caseId, input.basedOn, input.content, input.variables)),
    getAgreementVersion: (input) => service.version(input.caseId, input.number),
    exportAgreement: async (input) => {
      const { documents } = context;
      // Without the host's document store a link could not be served: say so rather than hand out a dead one.
      if (!documents) throw new AppError('internal', 'Agreement export needs the document store');
      const storeExport: AgreementExportContext['storeExport'] = (bytes, name, type) => documents.storeExport(bytes, name, type);
      const link = await exportAgreement({ store: context.store, storeExport, now: context.now }, input.caseId, input.number, input.format);
      events.emit('caseChanged', { caseId: input.caseId }); // the history shows the export
      return link;
    },
    sendAgreement: async (input) => changed(input.caseId, await service.send(input.caseId, input.number)),
    closeCaseWithAgreement: async (input) => changed(input.caseId, await service.close(input.caseId)),
    recordFulfilment: async (input) => changed(input.caseId, await service.recordFulfilment(input.caseId, input.fulfilled, input.note)),
  };
}
