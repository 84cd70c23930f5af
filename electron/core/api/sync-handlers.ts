import { v7 as uuidv7 } from 'uuid';
import { AppError } from '../../../shared/contract/errors';
import type { SyncStatus } from '../../../shared/contract/sync';
import type { Store } from '../db/store';
import type { EventBus } from '../events/event-bus';
import { caseRepository } from '../repositories/case-repository';
import { caseDetailView } from './case-detail-view';
import { profileRepository } from '../repositories/profile-repository';
import { signIn, signOut } from '../sync/account';
import { assignmentRepository } from '../sync/assignments';
import { conflictRepository } from '../sync/conflicts';
import { messageRepository } from '../sync/messages';
import { outboxRepository } from '../sync/outbox';
import type { SecretStore } from '../sync/secret-store';
import type { SyncEngine } from '../sync/sync-engine';
import { enqueueStageProposal } from '../sync/stage-proposals';
import type { Handlers } from './dispatch';
import { createCaseMessageSearch } from '../sync/case-message-search';

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

export interface SyncHandlerContext {
  readonly store: Store;
  readonly events: EventBus;
  readonly now: () => Date;
  /** Absent when no platform is configured (the offline demo and benchmark stores). */
  readonly sync?: { readonly engine: SyncEngine; readonly secretStore: SecretStore };
}

/** What getSyncStatus answers when no platform is configured at all. */
const NO_PLATFORM: SyncStatus = {
  state: 'signed_out',
  serverUrl: null,
  accountEmail: null,
  lastSyncedAt: null,
  progress: null,
  error: null,
  pendingWrites: 0,
  openConflicts: 0,
};

/**
 * The sync and chat operations. Writes go to SQLite first (with their outbox row, in one
 * transaction) and then nudge the engine: no handler waits on the network except signIn and
 * syncNow, whose job it is.
 */
export function createSyncHandlers(context: SyncHandlerContext): Pick<Handlers, SyncOperation> {
  const { store, events, now, sync } = context;
  let messageSearch: ReturnType<typeof createCaseMessageSearch> | null = null;
  /** Prepared on first use: a core that never sends a message never prepares it. */
  const refreshMessageSearch = () => (messageSearch ??= createCaseMessageSearch(store.sqlite));

  const requireSync = () => {
    if (!sync) throw new AppError('forbidden', 'No platform is configured on this installation');
    return sync;
  };

  /** Writes to a case the platform took away (or the mediator declined) are refused: it is read-only here. */
  const requireWritableCase = async (caseId: string) => {
    await caseRepository.requireExists(store, caseId);
    if (await assignmentRepository.isReadOnly(store.db, caseId)) {
      throw new AppError('forbidden', `Case ${caseId} is no longer assigned to you; it is read-only`);
    }
  };

  return {
    getSyncStatus: () => (sync ? sync.engine.status() : NO_PLATFORM),

    signIn: (input) => {
      const { engine, secretStore } = requireSync();
      return signIn(engine, store, secretStore, input);
    },

    signOut: () => {
      const { engine, secretStore } = requireSync();
      return signOut(engine, secretStore);
    },

    syncNow: () => requireSync().engine.syncNow(),

    async listMessages(input) {
      await caseRepository.requireExists(store, input.caseId);
      return messageRepository.list(store.db, input.caseId, input.channel);
    },

    async sendMessage(input) {
      const { engine } = requireSync();
      await requireWritableCase(input.caseId);
      const { user } = await profileRepository.get(store.db);
      const message = {
        id: uuidv7(),
        clientId: uuidv7(),
        caseId: input.caseId,
        channel: input.channel,
        authorRole: 'mediator' as const,
        authorId: user.id,
        authorName: user.name,
        body: input.body,
        sentAt: now().toISOString(),
      };
      await store.write(async (trx) => {
        await messageRepository.insertPending(trx, message);
        refreshMessageSearch()([input.caseId]);
        await outboxRepository.enqueue(trx, {
          kind: 'message',
          clientId: message.clientId,
          caseId: input.caseId,
          payload: { messageId: message.id, channel: input.channel, body: input.body },
          now: now(),
        });
      });
      events.emit('messagesChanged', { caseId: input.caseId, channel: input.channel });
      engine.nudge();
      const { authorId: _authorId, ...shown } = message;
      return { ...shown, delivery: 'pending', failure: null };
    },

    async retryMessage(input) {
      const { engine } = requireSync();
      const message = await messageRepository.get(store.db, input.messageId);
      if (!message) throw new AppError('not_found', `No message ${input.messageId}`);
      if (message.delivery === 'sent') return message;
      const clientId = message.clientId;
      if (clientId === null) throw new AppError('internal', `Message ${input.messageId} has no client id`);
      if (message.channel === 'negotiation') throw new AppError('forbidden', 'The negotiation history is read-only');
      const channel = message.channel;
      await requireWritableCase(message.caseId);
      await store.write(async (trx) => {
        await messageRepository.setDelivery(trx, message.id, 'pending', null);
        // Same client id: if an earlier attempt did reach the platform, it answers with that one.
        if (!(await outboxRepository.hasClientId(trx, clientId))) {
          await outboxRepository.enqueue(trx, { kind: 'message', clientId, caseId: message.caseId, payload: { messageId: message.id, channel, body: message.body }, now: now() });
        }
      });
      events.emit('messagesChanged', { caseId: message.caseId, channel: message.channel });
      engine.nudge();
      return { ...message, delivery: 'pending', failure: null };
    },

    async listConflicts(input) {
      await caseRepository.requireExists(store, input.caseId);
      return conflictRepository.listOpen(store.db, input.caseId);
    },

    async resolveConflict(input) {
      const { engine } = requireSync();
      const conflict = await conflictRepository.getOpen(store.db, input.conflictId);
      if (!conflict) throw new AppError('not_found', `No open conflict ${input.conflictId}`);
      if (input.resolution === 'accept_platform') {
        await store.write((trx) => conflictRepository.resolve(trx, conflict.id, 'accept_platform', now()));
      } else {
        await requireWritableCase(conflict.caseId);
        // Against the platform's current version (already applied locally); the stage machine
        // must still allow the move, or this is invalid_transition and the conflict stays open.
        const current = await caseRepository.get(store, conflict.caseId);
        await caseRepository.applyTransition(store, { caseId: conflict.caseId, transition: conflict.mine, expectedVersion: current.version }, now(), async (trx, before) => {
          await enqueueStageProposal(trx, before, conflict.mine, now());
          await conflictRepository.resolve(trx, conflict.id, 'propose_again', now());
        });
        engine.nudge();
      }
      events.emit('caseChanged', { caseId: conflict.caseId });
      // The open-conflict count changed: every status display must hear it, not only the caller.
      const status = await engine.status();
      events.emit('syncStatusChanged', status);
      return status;
    },

    async decideAssignment(input) {
      const { engine } = requireSync();
      await requireWritableCase(input.caseId);
      const current = await assignmentRepository.view(store.db, input.caseId);
      // A second click of the same decision changes nothing; anything else needs a pending designation.
      if (current.pendingDecision === input.decision) return caseDetailView(store, input.caseId);
      if (current.status !== 'pending' || current.pendingDecision !== null) {
        throw new AppError('conflict', `Case ${input.caseId} has no assignment waiting for a decision (${current.status ?? 'none'}, pending ${current.pendingDecision ?? 'none'})`);
      }
      // Only the outbox row: the status stays 'pending' until the platform answers, and the
      // case view shows the decision as sent-not-confirmed meanwhile (assignmentRepository.view).
      await store.write(async (trx) => {
        await outboxRepository.enqueue(trx, {
          kind: 'assignment_decision',
          clientId: uuidv7(),
          caseId: input.caseId,
          payload: input.reason === undefined || input.reason === '' ? { decision: input.decision } : { decision: input.decision, reason: input.reason },
          now: now(),
        });
      });
      events.emit('caseChanged', { caseId: input.caseId });
      engine.nudge();
      return caseDetailView(store, input.caseId);
    },
  };
}
