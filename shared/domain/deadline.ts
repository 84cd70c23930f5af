import { z } from 'zod';
import { EntityId, Instant } from './ids';

export const DeadlineKind = z.enum(['brand_response', 'mediation_acceptance', 'mediation_window', 'rating_amendment', 'agreement_fulfilment']);
export type DeadlineKind = z.infer<typeof DeadlineKind>;

/**
 * Kinds whose length the centre's policy sets (deadline-policy.ts). The agreement's
 * fulfilment deadline is not one of them: its date is what the accepted agreement says.
 */
export type PolicyDeadlineKind = Exclude<DeadlineKind, 'agreement_fulfilment'>;

export const DayCount = z.enum(['calendar', 'business']);
export type DayCount = z.infer<typeof DayCount>;

export const DeadlineStatus = z.enum(['open', 'met', 'breached', 'cancelled']);
export type DeadlineStatus = z.infer<typeof DeadlineStatus>;

export const Deadline = z.object({
  id: EntityId,
  caseId: EntityId,
  kind: DeadlineKind,
  startsAt: Instant,
  dueAt: Instant,
  count: DayCount,
  days: z.number().int().min(0).max(365),
  status: DeadlineStatus,
});
export type Deadline = z.infer<typeof Deadline>;

/** How an open deadline looks from "now"; what the case list filters on. */
export const DeadlineState = z.enum(['overdue', 'due_soon', 'on_track', 'none']);
export type DeadlineState = z.infer<typeof DeadlineState>;
