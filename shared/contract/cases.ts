import { z } from 'zod';
import { AmountClp, EntityId, Instant } from '../domain/ids';
import { CaseDetail, Category, Stage, SubState } from '../domain/case';
import { DeadlineKind, DeadlineState } from '../domain/deadline';
import { AuditEntry, Note } from '../domain/people';
import { Transition } from '../domain/transition';

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
