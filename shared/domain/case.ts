import { z } from 'zod';
import { AmountClp, EntityId, Instant, LocalDate } from './ids';
import { Party } from './party';
import { Deadline } from './deadline';

export const Stage = z.enum(['new', 'negotiation', 'mediation', 'closed']);
export type Stage = z.infer<typeof Stage>;

/**
 * Sub-states refine a stage. Which ones belong to which stage is decided by the stage machine
 * (shared/domain/stage-machine.ts); the schema only lists them.
 */
export const SubState = z.enum([
  'awaiting_brand_response',
  'in_negotiation',
  'pending_acceptance',
  'in_progress',
  'agreement_drafting',
]);
export type SubState = z.infer<typeof SubState>;

export const Outcome = z.enum([
  'resolved_in_negotiation',
  'agreement_in_mediation',
  'no_agreement',
  'party_withdrew',
  'mediation_declined',
  'expired',
]);
export type Outcome = z.infer<typeof Outcome>;

export const Channel = z.enum(['web_form', 'marketplace', 'review_platform', 'email', 'phone']);
export type Channel = z.infer<typeof Channel>;

export const Category = z.enum([
  'delivery_not_received',
  'exchange_return',
  'product_defect',
  'unrecognized_charge',
  'incomplete_payment',
  'unilateral_cancellation',
  'late_delivery',
  'warranty',
]);
export type Category = z.infer<typeof Category>;

export const PaymentMethod = z.enum([
  'credit_card',
  'debit_card',
  'bank_transfer',
  'cash',
  'digital_wallet',
  'store_credit',
]);
export type PaymentMethod = z.infer<typeof PaymentMethod>;

/** The features that make a failed negotiation eligible for mediation (see eligibility.ts). */
export const EscalationCriterion = z.enum(['verifiable_damage', 'amount_threshold', 'prior_complaint']);
export type EscalationCriterion = z.infer<typeof EscalationCriterion>;

export const CaseRecord = z.object({
  id: EntityId,
  /** The reference number the platform gives the request, e.g. "RL-2026-004512". */
  folio: z.string().regex(/^[A-Z]{2}-\d{4}-\d{6}$/),
  stage: Stage,
  subState: SubState.nullable(),
  channel: Channel,
  brandName: z.string().min(1).max(200),
  storeName: z.string().min(1).max(200),
  orderNumber: z.string().min(1).max(80),
  purchaseDate: LocalDate,
  deliveryDate: LocalDate.nullable(),
  amountClp: AmountClp,
  paymentMethod: PaymentMethod,
  category: Category,
  description: z.string().min(1).max(20_000),
  requestedRemedy: z.string().min(1).max(5_000),
  priorComplaint: z.boolean(),
  damageReported: z.boolean(),
  escalationCriteria: z.array(EscalationCriterion),
  assignedMediatorId: EntityId.nullable(),
  outcome: Outcome.nullable(),
  /** The stage a closed case was closed from, so that a reopen knows where to return. */
  closedFromStage: Stage.nullable(),
  filedAt: Instant,
  updatedAt: Instant,
  closedAt: Instant.nullable(),
  /** Optimistic-concurrency counter; every change increments it. */
  version: z.number().int().min(1),
});
export type CaseRecord = z.infer<typeof CaseRecord>;

/** A case with everything the case view shows at once. */
export const CaseDetail = CaseRecord.extend({
  parties: z.array(Party),
  deadlines: z.array(Deadline),
  assignedMediatorName: z.string().nullable(),
});
export type CaseDetail = z.infer<typeof CaseDetail>;

/** A case with its parties and deadlines as one unit: what an import or the demo generator produces. */
export const CaseBundle = z.object({
  case: CaseRecord,
  parties: z.array(Party),
  deadlines: z.array(Deadline),
});
export type CaseBundle = z.infer<typeof CaseBundle>;
