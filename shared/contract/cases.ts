import { z } from 'zod';
import { AmountClp, EntityId, Instant } from '../domain/ids';
import { CaseDetail, Category, Stage, SubState } from '../domain/case';
import { DeadlineKind, DeadlineState } from '../domain/deadline';
import { AuditEntry, Note } from '../domain/people';
import { Transition } from '../domain/transition';
import { AssignmentDecisionRequest } from '../platform/api';
import { AssignmentStatus } from '../platform/feed';

export const CaseSortField = z.enum(['filedAt', 'updatedAt', 'nextDeadline', 'amount', 'folio']);
export type CaseSortField = z.infer<typeof CaseSortField>;

export const CaseListQuery = z.object({
  stages: z.array(Stage).max(4).default([]),
  categories: z.array(Category).max(8).default([]),
  deadlineStates: z.array(DeadlineState).max(4).default([]),
  /** Free text, matched with FTS5 over case text and private notes. */
  search: z.string().trim().max(200).default(''),
  sort: z.object({ field: CaseSortField, direction: z.enum(['asc', 'desc']) }).default({ field: 'filedAt', direction: 'desc' }),
  offset: z.number().int().min(0).max(10_000_000).default(0),
  limit: z.number().int().min(1).max(500).default(100),
});
export type CaseListQuery = z.input<typeof CaseListQuery>;

/** One row of the case list: just what the list shows, so a page stays small. */
export const CaseListRow = z.object({
  id: EntityId,
  folio: z.string(),
  stage: Stage,
  subState: SubState.nullable(),
  category: Category,
  brandName: z.string(),
  consumerName: z.string(),
  amountClp: AmountClp,
  filedAt: Instant,
  updatedAt: Instant,
  nextDeadlineKind: DeadlineKind.nullable(),
  nextDeadlineAt: Instant.nullable(),
});
export type CaseListRow = z.infer<typeof CaseListRow>;

export const CaseListPage = z.object({
  total: z.number().int().min(0),
  offset: z.number().int().min(0),
  rows: z.array(CaseListRow),
});
export type CaseListPage = z.infer<typeof CaseListPage>;

export const CaseRef = z.object({ caseId: EntityId });

export const TransitionCaseInput = z.object({
  caseId: EntityId,
  transition: Transition,
  /** The version the user saw; a stale one is a conflict, never a silent overwrite. */
  expectedVersion: z.number().int().min(1),
});

export const NoteBody = z.string().trim().min(1).max(20_000);

export const AddNoteInput = z.object({ caseId: EntityId, body: NoteBody });
export const UpdateNoteInput = z.object({ noteId: EntityId, body: NoteBody, expectedVersion: z.number().int().min(1) });
export const DeleteNoteInput = z.object({ noteId: EntityId });

export const NoteList = z.array(Note);
export const Timeline = z.array(AuditEntry);
export { CaseDetail };

/**
 * The signed-in mediator's designation to a case, as the platform last confirmed it:
 * 'pending' waits for them to accept or decline, 'accepted' is theirs, 'unassigned' left their
 * caseload (reassigned or declined: read-only here), null when the platform named no
 * designation (a case followed without one, or not synced). Lives in the contract rather than
 * in CaseDetail because shared/domain must not depend on shared/platform.
 */
export const CaseAssignmentStatus = z.enum([...AssignmentStatus.options, 'unassigned']);
export type CaseAssignmentStatus = z.infer<typeof CaseAssignmentStatus>;

export const CaseAssignment = z.object({
  status: CaseAssignmentStatus.nullable(),
  /** A decision sent from this computer that the platform has not confirmed yet. */
  pendingDecision: AssignmentDecisionRequest.shape.decision.nullable(),
});
export type CaseAssignment = z.infer<typeof CaseAssignment>;

/** What getCase (and every case write) answers: the case and the mediator's assignment. */
export const CaseDetailView = CaseDetail.extend({ assignment: CaseAssignment });
export type CaseDetailView = z.infer<typeof CaseDetailView>;

export const DecideAssignmentInput = CaseRef.extend(AssignmentDecisionRequest.omit({ clientId: true }).shape);
