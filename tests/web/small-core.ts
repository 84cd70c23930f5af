// A small in-memory stand-in for the core's handlers, for host tests that are about transport
// and security rather than storage. Real dispatch and a real EventBus; only the storage is tiny.
import type { Handlers } from '../../electron/core/api/dispatch';
import { EventBus } from '../../electron/core/events/event-bus';
import { AppError } from '../../shared/contract/errors';
import type { Locale } from '../../shared/contract/app';
import { operationNames } from '../../shared/contract/operations';

export interface SmallCore {
  readonly handlers: Handlers;
  readonly events: EventBus;
  readonly calls: string[];
}

export function smallCore(): SmallCore {
  const events = new EventBus();
  const calls: string[] = [];
  let locale: Locale = 'es-CL';
  const missing = (name: string) => (): never => {
    calls.push(name);
    throw new AppError('not_found', `${name}: nothing stored in this test core`);
  };
  // Every operation answers not_found except the few these tests exercise.
  const handlers: Handlers = {
    ...(Object.fromEntries(operationNames.map((name) => [name, missing(name)])) as unknown as Handlers),
    getSettings: () => {
      calls.push('getSettings');
      return { locale };
    },
    updateSettings: (input) => {
      calls.push('updateSettings');
      locale = input.locale;
      return { locale };
    },
    deleteNote: (input) => {
      calls.push('deleteNote');
      if (input.noteId === 'boom') throw new Error('disk on fire');
      return { noteId: input.noteId };
    },
  };
  return { handlers, events, calls };
}
