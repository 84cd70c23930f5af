import type { Store } from '../db/store';
import type { EventBus } from '../events/event-bus';
import { auditRepository } from '../repositories/audit-repository';
import { caseRepository } from '../repositories/case-repository';
import { noteRepository } from '../repositories/note-repository';
import { profileRepository } from '../repositories/profile-repository';
import type { Handlers } from './dispatch';
import { createSyncHandlers } from './sync-handlers';

export interface HandlerContext {
  readonly store: Store;
  readonly events: EventBus;
  readonly now: () => Date;
  readonly host: 'electron' | 'web';
  readonly appVersion: string;
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
    ...createSyncHandlers(),

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

    getCase: (input) => caseRepository.get(store, input.caseId),

    async transitionCase(input) {
      const detail = await caseRepository.applyTransition(store, input, now());
      changed(detail.id);
      return detail;
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
