import { z } from 'zod';
import { EntityId, Instant } from '../domain/ids';

/**
 * The conversations of a case. `negotiation` is the parties' assisted-negotiation history
 * (read-only for the mediator); `joint` is the mediation chat both parties read; each caucus
 * is private between the mediator and one party and never reaches the other party.
 */
export const MessageChannel = z.enum(['negotiation', 'joint', 'caucus_consumer', 'caucus_company']);
export type MessageChannel = z.infer<typeof MessageChannel>;

/** Channels a mediator may write to. */
export const WritableChannel = z.enum(['joint', 'caucus_consumer', 'caucus_company']);
export type WritableChannel = z.infer<typeof WritableChannel>;

export const MessageAuthorRole = z.enum(['consumer', 'company', 'mediator', 'platform']);
export type MessageAuthorRole = z.infer<typeof MessageAuthorRole>;

/** A UUIDv7 made by the client: the idempotency key of every write. */
export const ClientId = z.uuid({ version: 'v7' });
export type ClientId = z.infer<typeof ClientId>;

export const MessageBody = z.string().trim().min(1).max(10_000);

export const PlatformMessage = z.object({
  id: EntityId,
  /** Set when a mediator's client wrote it; lets the client recognise its own pending message. */
  clientId: ClientId.nullable(),
  caseId: EntityId,
  channel: MessageChannel,
  authorRole: MessageAuthorRole,
  authorId: EntityId.nullable(),
  authorName: z.string().min(1).max(200),
  body: MessageBody,
  sentAt: Instant,
});
export type PlatformMessage = z.infer<typeof PlatformMessage>;
