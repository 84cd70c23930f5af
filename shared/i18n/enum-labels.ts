import type { z } from 'zod';
import { Locale } from '../contract/app';
import { ErrorCode } from '../contract/errors';
import { Category, Channel, EscalationCriterion, Outcome, PaymentMethod, Stage, SubState } from '../domain/case';
import { DayCount, DeadlineKind, DeadlineState, DeadlineStatus } from '../domain/deadline';
import { PartyRole } from '../domain/party';
import { AuditAction, UserRole } from '../domain/people';
import { ReopenReason, type TransitionType } from '../domain/transition';
import { DeliveryState, ResolveConflictInput, SyncErrorCode, SyncState } from '../contract/sync';
import { AssignmentDecisionRequest } from '../platform/api';
import { MessageAuthorRole, MessageChannel } from '../platform/messages';
import { Confirmation, ParticipantRole, SessionKind, SessionStatus, type SessionMode } from '../schedule/session';
import { CalendarImportRefusal, CalendarImportWarningCode, ScheduleRefusal, ScheduleWarning, SessionChangeKind } from '../contract/schedule';
import {
  CustodyBreak,
  CustodyEvent,
  DOCUMENT_ACCESS_VALUES,
  DocumentAttentionReason,
  DocumentAvailability,
  DocumentCategory,
  DocumentIntegrity,
  DocumentKind,
  DocumentRefusal,
  DocumentSource,
  DocumentUploadProblem,
  DocumentUploadState,
  type DocumentAccess,
} from '../contract/documents';
import { AgreementDelivery, AgreementOverviewState, AgreementRefusal, FulfilmentStatus, PartyDecisionValue } from '../contract/agreements';
import { AgreementStatus } from '../platform/records';
import { en } from './catalogues/en';
import { esCL, type MessageKey } from './catalogues/es-CL';

/**
 * Every domain enum value must have a label in every catalogue. The types below make a missing
 * label a compile error; `enumLabelKeys()` lists the same keys at run time for the test.
 */
export type EnumLabelKey =
  | `stage.${Stage}`
  | `subState.${SubState}`
  | `outcome.${Outcome}`
  | `channel.${Channel}`
  | `category.${Category}`
  | `paymentMethod.${PaymentMethod}`
  | `escalation.${EscalationCriterion}`
  | `escalation.${EscalationCriterion}.why`
  | `deadlineKind.${DeadlineKind}`
  | `deadlineState.${DeadlineState}`
  | `deadlineStatus.${DeadlineStatus}`
  | `dayCount.${DayCount}`
  | `transition.${TransitionType}`
  | `reopenReason.${ReopenReason}`
  | `partyRole.${PartyRole}`
  | `userRole.${UserRole}`
  | `audit.${AuditAction}`
  | `error.${ErrorCode}`
  | `locale.${Locale}`
  | `messageChannel.${MessageChannel}`
  | `messageChannel.${MessageChannel}.readers`
  | `authorRole.${MessageAuthorRole}`
  | `delivery.${DeliveryState}`
  | `syncState.${SyncState}`
  | `syncError.${SyncErrorCode}`
  | `syncErrorShort.${SyncErrorCode}`
  | `conflictResolution.${ConflictResolution}`
  | `assignmentDecision.${AssignmentDecision}`
  | `sessionKind.${SessionKind}`
  | `sessionStatus.${SessionStatus}`
  | `sessionMode.${SessionModeType}`
  | `participantRole.${ParticipantRole}`
  | `confirmation.${Confirmation}`
  | `scheduleRefusal.${ScheduleRefusal}`
  | `calendarImportRefusal.${CalendarImportRefusal}`
  | `calendarImportWarning.${CalendarImportWarningCode}`
  | `scheduleWarning.${ScheduleWarning['kind']}`
  | `sessionChange.${SessionChangeKind}`
  | `documentCategory.${DocumentCategory}`
  | `documentKind.${DocumentKind}`
  | `documentAvailability.${DocumentAvailability}`
  | `documentIntegrity.${DocumentIntegrity}`
  | `documentUpload.${DocumentUploadState}`
  | `documentUploadProblem.${DocumentUploadProblem}`
  | `documentVisibility.${DocumentAccess}`
  | `documentSource.${DocumentSource}`
  | `documentRefusal.${DocumentRefusal}`
  | `documentAttention.${DocumentAttentionReason}`
  | `custodyEvent.${CustodyEvent}`
  | `custodyBreak.${CustodyBreak}`
  | `agreementStatus.${z.infer<typeof AgreementStatus>}`
  | `partyDecision.${PartyDecisionValue}`
  | `agreementDelivery.${AgreementDelivery}`
  | `fulfilmentStatus.${FulfilmentStatus}`
  | `agreementRefusal.${AgreementRefusal}`
  | `agreementOverviewState.${AgreementOverviewState}`;

type ConflictResolution = (typeof ResolveConflictInput.shape.resolution.options)[number];
type AssignmentDecision = (typeof AssignmentDecisionRequest.shape.decision.options)[number];
type SessionModeType = SessionMode['type'];
const sessionModeTypes: Readonly<Record<SessionModeType, true>> = { video: true, place: true };

// Compile-time proof that both catalogues cover every enum label.
const _esCovers: Readonly<Record<EnumLabelKey, string>> = esCL;
const _enCovers: Readonly<Record<EnumLabelKey, string>> = en;
void _esCovers;
void _enCovers;

/** Kept in sync with Transition's discriminants (a new one fails the Record type below). */
const transitionTypes: Readonly<Record<TransitionType, true>> = {
  start_negotiation: true,
  brand_responded: true,
  escalate_to_mediation: true,
  parties_accepted: true,
  start_agreement_drafting: true,
  resume_mediation: true,
  close: true,
  reopen: true,
};

const prefixed = (prefix: string, values: readonly string[], suffix = ''): string[] => values.map((v) => `${prefix}.${v}${suffix}`);

/** Every enum label key, derived from the zod enums themselves (so new values are caught). */
export function enumLabelKeys(): readonly string[] {
  return [
    ...prefixed('stage', Stage.options),
    ...prefixed('subState', SubState.options),
    ...prefixed('outcome', Outcome.options),
    ...prefixed('channel', Channel.options),
    ...prefixed('category', Category.options),
    ...prefixed('paymentMethod', PaymentMethod.options),
    ...prefixed('escalation', EscalationCriterion.options),
    ...prefixed('escalation', EscalationCriterion.options, '.why'),
    ...prefixed('deadlineKind', DeadlineKind.options),
    ...prefixed('deadlineState', DeadlineState.options),
    ...prefixed('deadlineStatus', DeadlineStatus.options),
    ...prefixed('dayCount', DayCount.options),
    ...prefixed('transition', Object.keys(transitionTypes)),
    ...prefixed('reopenReason', ReopenReason.options),
    ...prefixed('partyRole', PartyRole.options),
    ...prefixed('userRole', UserRole.options),
    ...prefixed('audit', AuditAction.options),
    ...prefixed('error', ErrorCode.options),
    ...prefixed('locale', Locale.options),
    ...prefixed('messageChannel', MessageChannel.options),
    ...prefixed('messageChannel', MessageChannel.options, '.readers'),
    ...prefixed('authorRole', MessageAuthorRole.options),
    ...prefixed('delivery', DeliveryState.options),
    ...prefixed('syncState', SyncState.options),
    ...prefixed('syncError', SyncErrorCode.options),
    ...prefixed('syncErrorShort', SyncErrorCode.options),
    ...prefixed('conflictResolution', ResolveConflictInput.shape.resolution.options),
    ...prefixed('assignmentDecision', AssignmentDecisionRequest.shape.decision.options),
    ...prefixed('sessionKind', SessionKind.options),
    ...prefixed('sessionStatus', SessionStatus.options),
    ...prefixed('sessionMode', Object.keys(sessionModeTypes)),
    ...prefixed('participantRole', ParticipantRole.options),
    ...prefixed('confirmation', Confirmation.options),
    ...prefixed('scheduleRefusal', ScheduleRefusal.options),
    ...prefixed('calendarImportRefusal', CalendarImportRefusal.options),
    ...prefixed('calendarImportWarning', CalendarImportWarningCode.options),
    ...prefixed('scheduleWarning', ScheduleWarning.options.map((option) => option.shape.kind.value)),
    ...prefixed('sessionChange', SessionChangeKind.options),
    ...prefixed('documentCategory', DocumentCategory.options),
    ...prefixed('documentKind', DocumentKind.options),
    ...prefixed('documentAvailability', DocumentAvailability.options),
    ...prefixed('documentIntegrity', DocumentIntegrity.options),
    ...prefixed('documentUpload', DocumentUploadState.options),
    ...prefixed('documentUploadProblem', DocumentUploadProblem.options),
    ...prefixed('documentVisibility', DOCUMENT_ACCESS_VALUES),
    ...prefixed('documentSource', DocumentSource.options),
    ...prefixed('documentRefusal', DocumentRefusal.options),
    ...prefixed('documentAttention', DocumentAttentionReason.options),
    ...prefixed('custodyEvent', CustodyEvent.options),
    ...prefixed('custodyBreak', CustodyBreak.options),
    ...prefixed('agreementStatus', AgreementStatus.options),
    ...prefixed('partyDecision', PartyDecisionValue.options),
    ...prefixed('agreementDelivery', AgreementDelivery.options),
    ...prefixed('fulfilmentStatus', FulfilmentStatus.options),
    ...prefixed('agreementRefusal', AgreementRefusal.options),
    ...prefixed('agreementOverviewState', AgreementOverviewState.options),
  ];
}

export const isLabelKey = (key: string): key is MessageKey => Object.prototype.hasOwnProperty.call(esCL, key);
