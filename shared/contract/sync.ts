import { z } from 'zod';
import { EntityId, Instant } from '../domain/ids';
import { Transition } from '../domain/transition';
import { ClientId, MessageAuthorRole, MessageBody, MessageChannel, WritableChannel } from '../platform/messages';

/** Why the last sync attempt failed, in terms the UI can translate and act on. */
export const SyncErrorCode = z.enum([
  'offline',
  'timeout',
  'unauthorized',
  'rate_limited',
  'server_error',
  'invalid_response',
  'conflict',
  /** The platform refused a write for a reason other than a version conflict (a 4xx: not allowed in the case's state, not yours any more). */
  'rejected',
]);
export type SyncErrorCode = z.infer<typeof SyncErrorCode>;

export const SyncState = z.enum(['signed_out', 'idle', 'syncing', 'offline', 'error']);
export type SyncState = z.infer<typeof SyncState>;

export const SyncStatus = z.object({
  state: SyncState,
  serverUrl: z.string().nullable(),
  /** Who is signed in to the platform (null when signed out). */
  accountEmail: z.string().nullable(),
  lastSyncedAt: Instant.nullable(),
  /** Counts applied so far in the running sync (null when none runs). */
  progress: z.object({ changes: z.number().int(), cases: z.number().int(), messages: z.number().int(), hasMore: z.boolean() }).nullable(),
  error: z.object({ code: SyncErrorCode, message: z.string(), retryAt: Instant.nullable() }).nullable(),
  /** Local writes not yet accepted by the platform. */
  pendingWrites: z.number().int().min(0),
  /** Conflicts waiting for the mediator's decision. */
  openConflicts: z.number().int().min(0),
});
export type SyncStatus = z.infer<typeof SyncStatus>;

export const DeliveryState = z.enum(['pending', 'sent', 'failed']);
export type DeliveryState = z.infer<typeof DeliveryState>;

/** A chat message as the case view shows it: the platform's, or the mediator's own (maybe not yet sent). */
export const ChatMessage = z.object({
  id: EntityId,
  clientId: ClientId.nullable(),
  caseId: EntityId,
  channel: MessageChannel,
  authorRole: MessageAuthorRole,
  authorName: z.string(),
  body: z.string(),
  /** When it was written (local time for a pending message, platform time once sent). */
  sentAt: Instant,
  delivery: DeliveryState,
  /** Why the last send failed (translated by the UI), when delivery is 'failed'. */
  failure: SyncErrorCode.nullable(),
});
export type ChatMessage = z.infer<typeof ChatMessage>;

/** A local change the platform refused because the record had changed there: the mediator decides. */
export const SyncConflict = z.object({
  id: EntityId,
  caseId: EntityId,
  kind: z.literal('stage_proposal'),
  /** What the mediator proposed. */
  mine: Transition,
  /** The platform's stage when it refused. */
  theirs: z.object({ stage: z.string(), subState: z.string().nullable(), version: z.number().int() }),
  detectedAt: Instant,
});
export type SyncConflict = z.infer<typeof SyncConflict>;

export const SignInInput = z.object({ email: z.email(), password: z.string().min(1).max(200) });
export const ListMessagesInput = z.object({ caseId: EntityId, channel: MessageChannel });
export const SendMessageInput = z.object({ caseId: EntityId, channel: WritableChannel, body: MessageBody });
export const RetryMessageInput = z.object({ messageId: EntityId });
export const ResolveConflictInput = z.object({ conflictId: EntityId, resolution: z.enum(['accept_platform', 'propose_again']) });
