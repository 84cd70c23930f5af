import { z } from 'zod';
import { DeadlineKind } from '../domain/deadline';
import { EntityId, Instant } from '../domain/ids';
import { SessionKind } from '../schedule/session';
import { MessageChannel } from '../platform/messages';
import { SyncStatus } from './sync';

/** Events the core pushes to the renderer (IPC in Electron, Server-Sent Events in the web host). */
export const events = {
  caseChanged: z.object({ caseId: EntityId }),
  /** A message of the case arrived, was sent, or failed. */
  messagesChanged: z.object({ caseId: EntityId, channel: MessageChannel }),
  syncStatusChanged: SyncStatus,
  /** A session of the case was scheduled, changed, confirmed or synced (reload the agenda and the case's sessions). */
  sessionsChanged: z.object({ caseId: EntityId }),
  /** A document of the case was imported, downloaded, redacted, uploaded or failed a check. */
  documentsChanged: z.object({ caseId: EntityId }),
  /** The case's agreement got a version, was sent, accepted, rejected or fulfilled. */
  agreementsChanged: z.object({ caseId: EntityId }),
  /**
   * A reminder is due: `at` is when the session starts or the deadline falls due, `leadMinutes`
   * how long before it this reminder was configured. Ids and the folio only — never party names
   * or case text (the OS notification is built from this).
   */
  reminderDue: z.object({
    kind: z.enum(['session', 'deadline']),
    id: EntityId,
    caseId: EntityId,
    folio: z.string(),
    at: Instant,
    leadMinutes: z.number().int().min(1),
    /** A session's kind, or a deadline's kind, for the label ("Sesión conjunta", "Plazo de respuesta"). */
    subject: z.union([SessionKind, DeadlineKind]),
  }),
} as const;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<K extends EventName> = z.output<Events[K]>;
export const eventNames = Object.keys(events) as EventName[];

export const isEventName = (name: unknown): name is EventName =>
  typeof name === 'string' && Object.prototype.hasOwnProperty.call(events, name);

export const eventChannelOf = (name: EventName): string => `mesa:event:${name}`;
