import { z } from 'zod';
import { EntityId } from '../domain/ids';
import { MessageChannel } from '../platform/messages';
import { SyncStatus } from './sync';

/** Events the core pushes to the renderer (IPC in Electron, Server-Sent Events in the web host). */
export const events = {
  caseChanged: z.object({ caseId: EntityId }),
  /** A message of the case arrived, was sent, or failed. */
  messagesChanged: z.object({ caseId: EntityId, channel: MessageChannel }),
  syncStatusChanged: SyncStatus,
} as const;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<K extends EventName> = z.output<Events[K]>;
export const eventNames = Object.keys(events) as EventName[];

export const isEventName = (name: unknown): name is EventName =>
  typeof name === 'string' && Object.prototype.hasOwnProperty.call(events, name);

export const eventChannelOf = (name: EventName): string => `mesa:event:${name}`;
