// TEMPORARY (replaced by the sync engine work in progress): the sync operations are declared
// in the contract so the UI can be built against them; until the engine lands each one answers
// with a clear error instead of pretending to work.
import { AppError } from '../../../shared/contract/errors';
import type { Handlers } from './dispatch';

type SyncOperation =
  | 'getSyncStatus'
  | 'signIn'
  | 'signOut'
  | 'syncNow'
  | 'listMessages'
  | 'sendMessage'
  | 'retryMessage'
  | 'listConflicts'
  | 'resolveConflict'
  | 'decideAssignment';

const unavailable = (): never => {
  throw new AppError('internal', 'Sync with the platform is not available in this build yet');
};

export function createSyncHandlers(): Pick<Handlers, SyncOperation> {
  return {
    getSyncStatus: unavailable,
    signIn: unavailable,
    signOut: unavailable,
    syncNow: unavailable,
    listMessages: unavailable,
    sendMessage: unavailable,
    retryMessage: unavailable,
    listConflicts: unavailable,
    resolveConflict: unavailable,
    decideAssignment: unavailable,
  };
}
