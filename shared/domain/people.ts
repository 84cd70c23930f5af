import { z } from 'zod';
import { EntityId, Instant } from './ids';

export const UserRole = z.enum(['mediator', 'administrator']);
export type UserRole = z.infer<typeof UserRole>;

export const Mediator = z.object({
  id: EntityId,
  name: z.string().min(1).max(200),
  email: z.email(),
  role: UserRole,
});
export type Mediator = z.infer<typeof Mediator>;

/** A private note: written by the mediator, stored on this machine only, never synced. */
export const Note = z.object({
  id: EntityId,
  caseId: EntityId,
  authorId: EntityId,
  body: z.string().min(1).max(20_000),
  createdAt: Instant,
  updatedAt: Instant,
  version: z.number().int().min(1),
});
export type Note = z.infer<typeof Note>;

export const AuditAction = z.enum([
  'case.imported',
  'case.opened',
  'case.stage_changed',
  'note.added',
  'note.edited',
  'note.deleted',
  // Agreement drafting (issue 6). data: version, and per action template, based_on, party +
  // decision, format + sha256 (of the exported file), due_date, result.
  'agreement.started',
  'agreement.version_saved',
  'agreement.sent',
  'agreement.decision_received',
  'agreement.exported',
  'agreement.case_closed',
  'agreement.fulfilment_recorded',
]);
export type AuditAction = z.infer<typeof AuditAction>;

/**
 * One append-only audit row. Ids and codes only, never case text: the audit log may be shown
 * to the center, the notes and descriptions may not.
 */
export const AuditEntry = z.object({
  id: z.number().int(),
  at: Instant,
  actorId: EntityId,
  action: AuditAction,
  caseId: EntityId.nullable(),
  entityId: EntityId.nullable(),
  /** Codes that qualify the action, e.g. { from: 'negotiation', to: 'mediation' }. */
  data: z.record(z.string(), z.string().regex(/^[a-z0-9_.-]{1,64}$/)),
});
export type AuditEntry = z.infer<typeof AuditEntry>;
