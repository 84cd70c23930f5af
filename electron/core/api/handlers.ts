import type { Store } from '../db/store';
import type { EventBus } from '../events/event-bus';
import { auditRepository } from '../repositories/audit-repository';
import { caseRepository } from '../repositories/case-repository';
import { caseDetailView } from './case-detail-view';
import { noteRepository } from '../repositories/note-repository';
import { profileRepository } from '../repositories/profile-repository';
import { assignmentRepository } from '../sync/assignments';
import type { SecretStore } from '../sync/secret-store';
import { enqueueStageProposal } from '../sync/stage-proposals';
import type { SyncEngine } from '../sync/sync-engine';
import { AppError } from '../../../shared/contract/errors';
import { dirname } from 'node:path';
import { DocumentService } from '../documents/document-service';
import type { Handlers } from './dispatch';
import { createAgreementHandlers } from './agreement-handlers';
import { createDocumentHandlers } from './document-handlers';
import { createScheduleHandlers } from './schedule-handlers';
import { createSyncHandlers } from './sync-handlers';

export interface HandlerContext {
  readonly store: Store;
  readonly events: EventBus;
  readonly now: () => Date;
  readonly host: 'electron' | 'web';
  readonly appVersion: string;
  /** The platform sync, when one is configured. */
  readonly sync?: { readonly engine: SyncEngine; readonly secretStore: SecretStore };
  /** Sessions, deadlines or reminder settings changed: the reminder scheduler recomputes. */
  readonly remindersChanged?: () => void;
  /** The document store; by default one with its blobs next to the database file. */
  readonly documents?: DocumentService;
}

/**
 * One handler per operation of shared/contract/operations.ts. Inputs arrive validated by
 * dispatch(); errors are thrown as AppError (or SQLite errors that toAppError maps) and come
 * back to the caller as data. Every write announces `caseChanged` after it committed.
 */
export function createHandlers(context: HandlerContext): Handlers {
  const { store, events, now } = context;
  const changed = (caseId: string) => events.emit('caseChanged', { caseId });

  return {
    ...createSyncHandlers({ store, events, now, sync: context.sync }),
    ...createScheduleHandlers({ store, events, now, engine: context.sync?.engine, remindersChanged: context.remindersChanged }),
    ...createDocumentHandlers({
      store,
      now,
      events,
      engine: context.sync?.engine,
      documents: context.documents ?? new DocumentService({ store, events, dataDir: dirname(store.sqlite.name), host: context.host, now }),
    }),
    ...createAgreementHandlers({ store, events, now, engine: context.sync?.engine, documents: context.documents }),

    async getAppInfo() {
      const [profile, caseCount] = await Promise.all([profileRepository.get(store.db), caseRepository.count(store)]);
      return { version: context.appVersion, host: context.host, locale: profile.locale, user: profile.user, caseCount };
    },

    async getSettings() {
      const profile = await profileRepository.get(store.db);
      return { locale: profile.locale };
    },

    async updateSettings(input) {
      return { locale: await profileRepository.setLocale(store, input.locale) };
    },

    listCases: (input) => caseRepository.listPage(store, input, now()),

    getCase: (input) => caseDetailView(store, input.caseId),

    async transitionCase(input) {
      const engine = context.sync?.engine;
      if (await assignmentRepository.isReadOnly(store.db, input.caseId)) {
        throw new AppError('forbidden', `Case ${input.caseId} is no longer assigned to you; it is read-only`);
      }
      // Signed in: the platform proposal is enqueued in the transition's own transaction.
      const at = now();
      const hook = engine?.signedInNow ? (trx: Parameters<typeof enqueueStageProposal>[0], before: Parameters<typeof enqueueStageProposal>[1]) => enqueueStageProposal(trx, before, input.transition, at) : undefined;
      const detail = await caseRepository.applyTransition(store, input, at, hook);
      changed(detail.id);
      engine?.nudge();
      return caseDetailView(store, detail.id);
    },

    async getCaseTimeline(input) {
      await caseRepository.requireExists(store, input.caseId); // not_found for an unknown case, not an empty list
      return auditRepository.listForCase(store, input.caseId);
    },

    listNotes: (input) => noteRepository.list(store, input.caseId),

    async addNote(input) {
      const note = await noteRepository.add(store, input, now());
      changed(note.caseId);
      return note;
    },

    async updateNote(input) {
      const note = await noteRepository.update(store, input, now());
      changed(note.caseId);
      return note;
    },

    async deleteNote(input) {
      const { caseId } = await noteRepository.delete(store, input.noteId, now());
      changed(caseId);
      return { noteId: input.noteId };
    },
  };
}
