import { z } from 'zod';
import { AgreementContent, AgreementVariables, Block, VariableName } from '../agreements/content';
import { Category, Outcome, Stage, SubState } from '../domain/case';
import { EntityId, Instant, LocalDate } from '../domain/ids';
import { PartyRole } from '../domain/party';
import { AgreementStatus } from '../platform/records';
import { FileLink } from './files';
import { Empty, op } from './op';

/*
 * Agreement drafting (issue 6): templates and the clause library (resources/agreements), the
 * versions of a case's agreement, export, acceptance through the platform and fulfilment.
 *
 * VERSIONS. Every save appends an immutable version (number = latest + 1); nothing ever edits a
 * version. A save based on an older version than the latest is still stored (a draft is never
 * lost) and its summary says `basedOnStale: true`. A version that was sent is locked; its
 * acceptance does not carry over to later versions.
 *
 * REFUSALS. A refused operation is AppError: `invalid_input` (issues with `reason` =
 * AgreementRefusal, `path` naming the variable, clause or field), or `conflict` /
 * `invalid_transition` with one issue carrying the reason (path ''). The renderer translates
 * the reason (agreements.refusal.<reason>). Nothing is stored when a write is refused.
 */

/** Why an agreement operation was refused. */
export const AgreementRefusal = z.enum([
  /** The template or a clause names `{{x}}` but no variable x is in the catalogue. */
  'missing_variable',
  /** A CLP amount that is not a non-negative integer (CLP has no decimals). */
  'invalid_amount',
  /** A variable value of the wrong type (a date that is not a date, a day count that is not an integer…). */
  'invalid_variable',
  /** A clause condition the template language does not know. */
  'unknown_condition',
  /** The content is not an agreement (bad JSON, wrong shape). */
  'malformed_content',
  /** No template with that id. */
  'unknown_template',
  /** startAgreement on a case that already has versions. */
  'already_started',
  /** No version with that number (or no agreement yet). */
  'no_such_version',
  /** The agreement is final (the case was closed with it): no new version, no new sending. */
  'locked',
  /** Only the latest version may be sent. */
  'not_latest',
  /** Sending a version whose text still has unfilled `{{variables}}`. */
  'unfilled_variables',
  /** closeCaseWithAgreement before both parties accepted the latest sent version. */
  'not_accepted',
  /** closeCaseWithAgreement: the accepted version names no fulfilment date (variable fecha_cumplimiento). */
  'no_fulfilment_date',
  /** The case's stage does not allow this (e.g. not in mediation, or already closed). */
  'wrong_stage',
  /** The case is no longer assigned to the mediator (read-only). */
  'read_only',
  /** recordFulfilment before the case was closed with the agreement. */
  'not_closed',
  /** recordFulfilment before the fulfilment date. */
  'fulfilment_not_due',
  /** recordFulfilment a second time. */
  'fulfilment_recorded',
]);
export type AgreementRefusal = z.infer<typeof AgreementRefusal>;

/** The variable whose date is the agreed fulfilment deadline. */
export const FULFILMENT_DATE_VARIABLE = 'fecha_cumplimiento';

/* ---------- templates, clause library, variable catalogue ---------- */

export const VariableKind = z.enum(['text', 'rut', 'amount_clp', 'business_days', 'date', 'boolean']);
export type VariableKind = z.infer<typeof VariableKind>;

export const VariableDefinition = z.object({
  name: VariableName,
  /** Spanish label shown in the editor ("Monto del reembolso"). */
  label: z.string().min(1).max(200),
  kind: VariableKind,
  /** Filled from the case when the template is instantiated, or typed by the mediator. */
  source: z.enum(['case', 'mediator', 'computed']),
});
export type VariableDefinition = z.infer<typeof VariableDefinition>;

export const LibraryClause = z.object({
  key: z.string().min(1).max(80),
  title: z.string().min(1).max(300),
  blocks: z.array(Block).max(200),
  /** The condition under which the clause applies, as written in the library (null: always). */
  condition: z.string().max(500).nullable(),
  /** Variables its text uses. */
  variables: z.array(VariableName).max(200),
});
export type LibraryClause = z.infer<typeof LibraryClause>;

export const TemplateSummary = z.object({
  id: z.string().min(1).max(80),
  title: z.string().min(1).max(300),
  description: z.string().max(2_000),
  /** Case categories for which the editor suggests it first. */
  categories: z.array(Category),
  clauseKeys: z.array(z.string().max(80)).max(200),
});
export type TemplateSummary = z.infer<typeof TemplateSummary>;

export const AgreementCatalogue = z.object({
  templates: z.array(TemplateSummary),
  clauses: z.array(LibraryClause),
  variables: z.array(VariableDefinition),
});
export type AgreementCatalogue = z.infer<typeof AgreementCatalogue>;

/* ---------- versions and their state ---------- */

export const PartyDecisionValue = z.enum(['pending', 'accepted', 'rejected']);
export type PartyDecisionValue = z.infer<typeof PartyDecisionValue>;

export const PartyDecision = z.object({
  decision: PartyDecisionValue,
  /** The party's reason for a rejection, as the platform relayed it. */
  reason: z.string().max(2_000).nullable(),
  decidedAt: Instant.nullable(),
});
export type PartyDecision = z.infer<typeof PartyDecision>;

/** Where the sending of a version stands (the outbox → platform leg). */
export const AgreementDelivery = z.enum(['not_sent', 'pending', 'delivered', 'failed']);
export type AgreementDelivery = z.infer<typeof AgreementDelivery>;

export const AgreementVersionSummary = z.object({
  number: z.number().int().min(1),
  /** null for a version only the platform knows (no text on this machine). */
  savedAt: Instant.nullable(),
  basedOn: z.number().int().min(1).nullable(),
  /** Saved from an older version than the latest at the time: kept, never lost, but say so. */
  basedOnStale: z.boolean(),
  /** SHA-256 of the canonical content + variables; null when only the platform knows the version. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/).nullable(),
  status: AgreementStatus,
  locked: z.boolean(),
  delivery: AgreementDelivery,
  sentAt: Instant.nullable(),
  consumer: PartyDecision,
  company: PartyDecision,
  /** Only the platform knows it (a version made before this machine, or seeded). */
  remoteOnly: z.boolean(),
});
export type AgreementVersionSummary = z.infer<typeof AgreementVersionSummary>;

export const AgreementVersion = AgreementVersionSummary.extend({
  content: AgreementContent,
  variables: AgreementVariables,
  /** Variables the text uses that have no value yet (the editor highlights them). */
  unfilledVariables: z.array(VariableName),
});
export type AgreementVersion = z.infer<typeof AgreementVersion>;

/** A decision the platform reported for a version other than the current one (recorded, not applied). */
export const OutdatedDecision = z.object({
  party: PartyRole,
  decision: z.enum(['accepted', 'rejected']),
  versionNumber: z.number().int().min(1),
  currentNumber: z.number().int().min(1),
  decidedAt: Instant.nullable(),
});
export type OutdatedDecision = z.infer<typeof OutdatedDecision>;

export const FulfilmentStatus = z.enum(['pending', 'fulfilled', 'not_fulfilled']);
export type FulfilmentStatus = z.infer<typeof FulfilmentStatus>;

export const AgreementFulfilment = z.object({
  /** The tracked deadline (kind agreement_fulfilment) in the case's deadlines. */
  deadlineId: EntityId,
  versionNumber: z.number().int().min(1),
  dueDate: LocalDate,
  /** End of dueDate in America/Santiago. */
  dueAt: Instant,
  status: FulfilmentStatus,
  note: z.string().max(5_000).nullable(),
  recordedAt: Instant.nullable(),
});
export type AgreementFulfilment = z.infer<typeof AgreementFulfilment>;

export const AgreementState = z.object({
  caseId: EntityId,
  /** Null before startAgreement. */
  templateId: z.string().max(80).nullable(),
  /** Newest first. */
  versions: z.array(AgreementVersionSummary),
  /** The newest version with its text; null before startAgreement. */
  latest: AgreementVersion.nullable(),
  /** The newest version that was sent (what the parties are deciding on), if any. */
  currentSentNumber: z.number().int().min(1).nullable(),
  outdatedDecisions: z.array(OutdatedDecision),
  /** What the buttons may do now, with the reason when they may not. */
  canSend: z.boolean(),
  canClose: z.boolean(),
  closeBlockedBy: AgreementRefusal.nullable(),
  /** The case was closed with this agreement: no new versions. */
  final: z.boolean(),
  fulfilment: AgreementFulfilment.nullable(),
});
export type AgreementState = z.infer<typeof AgreementState>;

/* ---------- inputs ---------- */

export const AgreementCaseRef = z.object({ caseId: EntityId });
export const StartAgreementInput = z.object({ caseId: EntityId, templateId: z.string().min(1).max(80) });
export const SaveAgreementVersionInput = z.object({
  caseId: EntityId,
  /** The version the editor started from (the newest one it had loaded). */
  basedOn: z.number().int().min(1),
  /** Validated in the core, so a malformed draft comes back as `malformed_content` issues. */
  content: z.unknown(),
  variables: z.unknown(),
});
export const AgreementVersionRef = z.object({ caseId: EntityId, number: z.number().int().min(1) });
export const ExportAgreementInput = AgreementVersionRef.extend({ format: z.enum(['docx', 'pdf']) });
export const RecordFulfilmentInput = z.object({ caseId: EntityId, fulfilled: z.boolean(), note: z.string().max(5_000) });

/* ---------- overview across cases (the "Acuerdos" section) ---------- */

/** A fulfilment due within this many days (and not yet overdue) needs attention. */
export const FULFILMENT_DUE_SOON_DAYS = 7;

/**
 * Where a case's agreement stands, one state per case, in the order the overview sorts them
 * (what needs the mediator first): both parties accepted and the case awaits closing; a party
 * decided while the other has not; the agreed fulfilment date passed or is near; a party
 * rejected; sending failed; then the quiet states.
 */
export const AgreementOverviewState = z.enum([
  'ready_to_close',
  'decision_received',
  'fulfilment_overdue',
  'fulfilment_due_soon',
  'rejected',
  'send_failed',
  'awaiting_parties',
  'draft',
  'fulfilment_pending',
  'not_fulfilled',
  'fulfilled',
  /** The case was closed otherwise (no agreement tracked). */
  'closed',
]);
export type AgreementOverviewState = z.infer<typeof AgreementOverviewState>;

export const AgreementOverviewRow = z.object({
  caseId: EntityId,
  folio: z.string(),
  brandName: z.string(),
  stage: Stage,
  subState: SubState.nullable(),
  outcome: Outcome.nullable(),
  /** The newest version (local or the platform's). */
  number: z.number().int().min(1),
  status: AgreementStatus,
  consumer: PartyDecisionValue,
  company: PartyDecisionValue,
  state: AgreementOverviewState,
  /** Only for a case closed with its agreement. */
  fulfilment: z.object({ dueDate: LocalDate, dueAt: Instant, status: z.enum(['pending', 'fulfilled', 'not_fulfilled']) }).nullable(),
  /** The newest party decision, sending or save of the newest version. */
  lastActivityAt: Instant.nullable(),
});
export type AgreementOverviewRow = z.infer<typeof AgreementOverviewRow>;

export const ListAgreementOverviewInput = z.object({
  /** Only these states; every state when empty. */
  states: z.array(AgreementOverviewState).max(AgreementOverviewState.options.length).default([]),
  limit: z.number().int().min(1).max(500).default(200),
});
export const AgreementOverview = z.object({
  /** Sorted by state (the enum's order), then the nearest fulfilment date, then the newest activity. */
  rows: z.array(AgreementOverviewRow),
  /** Cases per state over the whole store (not only the rows returned). */
  counts: z.record(AgreementOverviewState, z.number().int().min(0)),
  /** Rows matching the filter; more than rows.length when the limit cut them. */
  matching: z.number().int().min(0),
});
export type AgreementOverview = z.infer<typeof AgreementOverview>;

export const agreementOperations = {
  /** Every case of this machine with an agreement, what needs attention first. */
  listAgreementOverview: op(ListAgreementOverviewInput, AgreementOverview),
  /** Templates, the clause library and the variable catalogue (resources/agreements). */
  listAgreementTemplates: op(Empty, AgreementCatalogue),
  getAgreement: op(AgreementCaseRef, AgreementState),
  /** Version 1 from the template, variables filled from the case; case moves to agreement_drafting. */
  startAgreement: op(StartAgreementInput, AgreementState),
  saveAgreementVersion: op(SaveAgreementVersionInput, AgreementState),
  getAgreementVersion: op(AgreementVersionRef, AgreementVersion),
  /** Writes the file and records its SHA-256 in the audit log. */
  exportAgreement: op(ExportAgreementInput, FileLink),
  /** Locks the version and queues it for the platform, which asks both parties. */
  sendAgreement: op(AgreementVersionRef, AgreementState),
  /** Both accepted the latest sent version: close with 'agreement_in_mediation' and track fulfilment. */
  closeCaseWithAgreement: op(AgreementCaseRef, AgreementState),
  recordFulfilment: op(RecordFulfilmentInput, AgreementState),
} as const;
