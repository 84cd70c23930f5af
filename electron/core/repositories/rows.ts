import type { Selectable } from 'kysely';
import type { CaseRecord, Category, Channel, EscalationCriterion, Outcome, PaymentMethod, Stage, SubState } from '../../../shared/domain/case';
import type { CaseListRow } from '../../../shared/contract/cases';
import type { Deadline, DeadlineKind, DeadlineStatus, DayCount } from '../../../shared/domain/deadline';
import type { Party, PartyRole, Representative } from '../../../shared/domain/party';
import type { AuditAction, AuditEntry, Mediator, Note, UserRole } from '../../../shared/domain/people';
import type { AuditLogTable, CasesTable, DeadlinesTable, MediatorsTable, NotesTable, PartiesTable } from '../db/schema';

/*
 * Row ⇄ domain mapping. The store only ever holds values the repositories wrote from validated
 * domain objects (CHECK constraints guard the enums that matter), so reading casts the codes.
 */

export const caseFromRow = (row: Selectable<CasesTable>): CaseRecord => ({
  id: row.id,
  folio: row.folio,
  stage: row.stage as Stage,
  subState: row.sub_state as SubState | null,
  channel: row.channel as Channel,
  brandName: row.brand_name,
  storeName: row.store_name,
  orderNumber: row.order_number,
  purchaseDate: row.purchase_date,
  deliveryDate: row.delivery_date,
  amountClp: row.amount_clp,
  paymentMethod: row.payment_method as PaymentMethod,
  category: row.category as Category,
  description: row.description,
  requestedRemedy: row.requested_remedy,
  priorComplaint: row.prior_complaint === 1,
  damageReported: row.damage_reported === 1,
  escalationCriteria: JSON.parse(row.escalation_criteria) as EscalationCriterion[],
  assignedMediatorId: row.assigned_mediator_id,
  outcome: row.outcome as Outcome | null,
  closedFromStage: row.closed_from_stage as Stage | null,
  filedAt: row.filed_at,
  updatedAt: row.updated_at,
  closedAt: row.closed_at,
  version: row.version,
});

/** The columns a CaseRecord writes (the denormalised list columns are set by the caller). */
export const caseColumns = (record: CaseRecord) => ({
  id: record.id,
  folio: record.folio,
  stage: record.stage,
  sub_state: record.subState,
  channel: record.channel,
  brand_name: record.brandName,
  store_name: record.storeName,
  order_number: record.orderNumber,
  purchase_date: record.purchaseDate,
  delivery_date: record.deliveryDate,
  amount_clp: record.amountClp,
  payment_method: record.paymentMethod,
  category: record.category,
  description: record.description,
  requested_remedy: record.requestedRemedy,
  prior_complaint: record.priorComplaint ? (1 as const) : (0 as const),
  damage_reported: record.damageReported ? (1 as const) : (0 as const),
  escalation_criteria: JSON.stringify(record.escalationCriteria),
  assigned_mediator_id: record.assignedMediatorId,
  outcome: record.outcome,
  closed_from_stage: record.closedFromStage,
  filed_at: record.filedAt,
  updated_at: record.updatedAt,
  closed_at: record.closedAt,
  version: record.version,
});

export type CaseListColumns = Pick<
  Selectable<CasesTable>,
  | 'id'
  | 'folio'
  | 'stage'
  | 'sub_state'
  | 'category'
  | 'brand_name'
  | 'consumer_name'
  | 'amount_clp'
  | 'filed_at'
  | 'updated_at'
  | 'next_deadline_kind'
  | 'next_deadline_at'
>;

export const caseListRowFromRow = (row: CaseListColumns): CaseListRow => ({
  id: row.id,
  folio: row.folio,
  stage: row.stage as Stage,
  subState: row.sub_state as SubState | null,
  category: row.category as Category,
  brandName: row.brand_name,
  consumerName: row.consumer_name,
  amountClp: row.amount_clp,
  filedAt: row.filed_at,
  updatedAt: row.updated_at,
  nextDeadlineKind: row.next_deadline_kind as DeadlineKind | null,
  nextDeadlineAt: row.next_deadline_at,
});

export const partyFromRow = (row: Selectable<PartiesTable>): Party => ({
  id: row.id,
  caseId: row.case_id,
  role: row.role as PartyRole,
  name: row.name,
  rut: row.rut,
  email: row.email,
  phone: row.phone,
  representative: row.representative === null ? null : (JSON.parse(row.representative) as Representative),
});

export const deadlineFromRow = (row: Selectable<DeadlinesTable>): Deadline => ({
  id: row.id,
  caseId: row.case_id,
  kind: row.kind as DeadlineKind,
  startsAt: row.starts_at,
  dueAt: row.due_at,
  count: row.count as DayCount,
  days: row.days,
  status: row.status as DeadlineStatus,
});

export const deadlineColumns = (deadline: Deadline): Selectable<DeadlinesTable> => ({
  id: deadline.id,
  case_id: deadline.caseId,
  kind: deadline.kind,
  starts_at: deadline.startsAt,
  due_at: deadline.dueAt,
  count: deadline.count,
  days: deadline.days,
  status: deadline.status,
});

export const noteFromRow = (row: Selectable<NotesTable>): Note => ({
  id: row.id,
  caseId: row.case_id,
  authorId: row.author_id,
  body: row.body,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
  version: row.version,
});

export const mediatorFromRow = (row: Selectable<MediatorsTable>): Mediator => ({
  id: row.id,
  name: row.name,
  email: row.email,
  role: row.role as UserRole,
});

export const auditFromRow = (row: Selectable<AuditLogTable>): AuditEntry => ({
  id: row.id,
  at: row.at,
  actorId: row.actor_id,
  action: row.action as AuditAction,
  caseId: row.case_id,
  entityId: row.entity_id,
  data: JSON.parse(row.data) as Record<string, string>,
});
