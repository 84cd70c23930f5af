import type { CaseBundle } from '../../../shared/domain/case';
import type { MessageChannel } from '../../../shared/platform/messages';
import type { Store } from '../db/store';
import { importCaseBundlesIn } from '../repositories/case-import';
import { assignmentRepository } from './assignments';
import { conflictRepository } from './conflicts';
import { PLATFORM_ACTOR } from './feed-applier';
import { messageRepository } from './messages';
import { outboxRepository, type OutboxEntry } from './outbox';
import type { PlatformClient } from './platform-client';
import { PlatformError } from './platform-error';
import { sessionRepository } from '../schedule/session-repository';
import { agreementSync } from '../agreements/agreement-sync';
import { pushDocumentUpload, recordUploadRefused } from '../documents/sync/upload';

export interface PushContext {
  readonly store: Store;
  readonly client: PlatformClient;
  readonly now: () => Date;
  readonly caseChanged: (caseId: string) => void;
  readonly messagesChanged: (caseId: string, channel: MessageChannel) => void;
  readonly sessionsChanged?: (caseId: string) => void;
  readonly agreementsChanged?: (caseId: string) => void;
  readonly documentsChanged?: (caseId: string) => void;
  /** When a transient failure will be retried (recorded on the outbox row). */
  readonly retryAtFor: (error: PlatformError) => Date;
}

/**
 * Pushes the outbox in order, each write with its client id as idempotency key. Success: the
 * local effect and the deletion of the row commit together. A refusal (4xx, 409) ends that
 * write for good — the message is marked failed, a stage proposal becomes a conflict — and
 * the next row goes. A transient failure (network, 5xx, 429, bad answer) is recorded on the
 * row and thrown, so the engine backs off; so is 401, which keeps the whole outbox.
 * Returns how many rows were settled.
 */
export async function pushOutbox(ctx: PushContext, shouldStop: () => boolean): Promise<number> {
  let afterId = 0;
  let settled = 0;
  for (;;) {
    if (shouldStop()) return settled;
    const entry = await outboxRepository.next(ctx.store.db, afterId);
    if (!entry) return settled;
    afterId = entry.id;
    try {
      await pushEntry(ctx, entry);
    } catch (error) {
      if (!(error instanceof PlatformError)) throw error;
      if (error.transient || error.kind === 'unauthorized') {
        await outboxRepository.recordAttempt(ctx.store.db, entry.id, `${error.kind}${error.status ? ` ${error.status}` : ''}`, error.transient ? ctx.retryAtFor(error) : null);
        throw error;
      }
      await settleRefused(ctx, entry, error);
    }
    settled += 1;
  }
}

async function pushEntry(ctx: PushContext, entry: OutboxEntry): Promise<void> {
  const { store, client } = ctx;
  switch (entry.kind) {
    case 'session_schedule':
    case 'session_reschedule':
    case 'session_cancel':
    case 'session_outcome': {
      const { session } = await pushSessionChange(client, entry);
      const expected = 'expectedVersion' in entry.payload ? entry.payload.expectedVersion : null;
      await store.write(async (trx) => {
        await sessionRepository.upsertFromPlatform(trx, session);
        if (expected !== null && session.version !== expected) await outboxRepository.rebaseSessionChanges(trx, session.id, expected, session.version);
        await outboxRepository.remove(trx, entry.id);
      });
      ctx.sessionsChanged?.(entry.caseId);
      return;
    }
    case 'message': {
      const { message } = await client.postMessage({
        caseId: entry.caseId,
        body: { clientId: entry.clientId, channel: entry.payload.channel, body: entry.payload.body },
      });
      await store.write(async (trx) => {
        await messageRepository.markSent(trx, entry.payload.messageId, message);
        await outboxRepository.remove(trx, entry.id);
      });
      ctx.messagesChanged(entry.caseId, entry.payload.channel);
      return;
    }
    case 'stage_proposal': {
      const { bundle } = await client.proposeStageChange({
        caseId: entry.caseId,
        body: { clientId: entry.clientId, transition: entry.payload.transition, expectedVersion: entry.payload.expectedVersion },
      });
      await store.write(async (trx) => {
        await applyPlatformBundle(ctx, trx, bundle);
        await outboxRepository.remove(trx, entry.id);
      });
      ctx.caseChanged(entry.caseId);
      return;
    }
    case 'agreement_send': {
      const { agreement } = await client.sendAgreement({ caseId: entry.caseId, body: { clientId: entry.clientId, ...entry.payload } });
      await store.write(async (trx) => {
        await agreementSync.delivered(trx, agreement);
        await outboxRepository.remove(trx, entry.id);
      });
      ctx.agreementsChanged?.(entry.caseId);
      return;
    }
    case 'agreement_fulfilment': {
      await client.recordAgreementFulfilment({ caseId: entry.caseId, body: { clientId: entry.clientId, ...entry.payload } });
      await store.write((trx) => outboxRepository.remove(trx, entry.id));
      return;
    }
    case 'document_upload': {
      await pushDocumentUpload(ctx, entry);
      ctx.documentsChanged?.(entry.caseId);
      return;
    }
    case 'assignment_decision': {
      const answer = await client.decideAssignment({ caseId: entry.caseId, body: { clientId: entry.clientId, ...entry.payload } });
      await store.write(async (trx) => {
        await assignmentRepository.set(trx, answer.caseId, answer.assignment ?? 'unassigned', ctx.now());
        await outboxRepository.remove(trx, entry.id);
      });
      ctx.caseChanged(entry.caseId);
      return;
    }
  }
}

/** The platform refused the write for good (4xx or 409): settle it locally and drop the row. */
async function settleRefused(ctx: PushContext, entry: OutboxEntry, error: PlatformError): Promise<void> {
  const { store } = ctx;
  await store.write(async (trx) => {
    switch (entry.kind) {
      case 'message':
        // 'rejected': a 4xx other than 409 — the case's state on the platform does not allow it
        // (no longer in mediation, reassigned). Messages carry no version, so a 409 is rare.
        await messageRepository.setDelivery(trx, entry.payload.messageId, 'failed', refusalCode(error));
        break;
      case 'stage_proposal': {
        const current = error.current;
        const theirs = current ? current.case : { stage: entry.payload.before.stage, subState: entry.payload.before.subState, version: entry.payload.expectedVersion };
        await conflictRepository.record(trx, { caseId: entry.caseId, mine: entry.payload.transition, theirs, now: ctx.now() });
        if (current) await applyPlatformBundle(ctx, trx, current);
        break;
      }
      case 'assignment_decision':
        await assignmentRepository.set(trx, entry.caseId, 'unknown', ctx.now());
        break;
      case 'agreement_send':
        // The version stays, locked and unsent on the platform; the mediator sees 'failed'.
        await agreementSync.failed(trx, entry.caseId, entry.payload.number);
        break;
      case 'agreement_fulfilment':
        // The platform does not take it (the case was reopened there, or another installation
        // recorded otherwise): the mediator's record stays here, as recorded.
        break;
      case 'document_upload':
        recordUploadRefused(store, entry, error);
        break;
      case 'session_schedule':
      case 'session_reschedule':
      case 'session_cancel':
      case 'session_outcome':
        // Like a refused stage proposal: the platform's session (when it sent it) replaces
        // ours, and the session shows which change of the mediator was not applied.
        if (error.currentSession) await sessionRepository.upsertFromPlatform(trx, error.currentSession);
        await sessionRepository.setRefused(trx, entry.payload.sessionId, SESSION_CHANGE[entry.kind], refusalCode(error), ctx.now());
        break;
    }
    await outboxRepository.remove(trx, entry.id);
  });
  if (entry.kind === 'message') ctx.messagesChanged(entry.caseId, entry.payload.channel);
  else if (entry.kind === 'agreement_send') ctx.agreementsChanged?.(entry.caseId);
  else if (entry.kind === 'document_upload') ctx.documentsChanged?.(entry.caseId);
  else if (entry.kind in SESSION_CHANGE) ctx.sessionsChanged?.(entry.caseId);
  else ctx.caseChanged(entry.caseId);
}

const SESSION_CHANGE = { session_schedule: 'schedule', session_reschedule: 'reschedule', session_cancel: 'cancel', session_outcome: 'outcome' } as const;

type SessionEntry = Extract<OutboxEntry, { kind: keyof typeof SESSION_CHANGE }>;

function pushSessionChange(client: PlatformClient, entry: SessionEntry) {
  const caseId = entry.caseId;
  const clientId = entry.clientId;
  switch (entry.kind) {
    case 'session_schedule':
      return client.scheduleSession({ caseId, body: { clientId, ...entry.payload } });
    case 'session_reschedule':
      return client.rescheduleSession({ caseId, body: { clientId, ...entry.payload } });
    case 'session_cancel':
      return client.cancelSession({ caseId, body: { clientId, ...entry.payload } });
    case 'session_outcome':
      return client.recordSessionOutcome({ caseId, body: { clientId, ...entry.payload } });
  }
}

/** Why a refused write failed, for the UI: a version conflict, or any other refusal. */
export const refusalCode = (error: PlatformError): 'conflict' | 'rejected' => (error.kind === 'conflict' ? 'conflict' : 'rejected');

/** The platform's version of a case replaces ours (conflicts.ts: platform-authoritative fields). */
async function applyPlatformBundle(ctx: PushContext, trx: Parameters<Parameters<Store['write']>[0]>[0], bundle: CaseBundle): Promise<void> {
  await importCaseBundlesIn(trx, ctx.store.sqlite, [bundle], ctx.now(), { actorId: PLATFORM_ACTOR, audit: 'new_only' });
}
