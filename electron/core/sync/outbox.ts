import { sql, type Kysely, type Selectable } from 'kysely';
import type { WritableChannel } from '../../../shared/platform/messages';
import type { DocumentVisibility } from '../../../shared/platform/records';
import type { Stage, SubState } from '../../../shared/domain/case';
import type { Transition } from '../../../shared/domain/transition';
import type { Database, OutboxTable } from '../db/schema';
import type { SessionKind, SessionMode } from '../../../shared/schedule/session';

/**
 * The outbox: local writes the platform has not accepted yet. A row is written in the SAME
 * transaction as the local change it carries and deleted in the same transaction as the local
 * effect of the platform's answer, so a crash at any point leaves either the row (pushed again,
 * with the same client_id, which the platform deduplicates) or its effect — never neither.
 */
export interface MessagePayload {
  readonly messageId: string;
  readonly channel: WritableChannel;
  readonly body: string;
}
export interface StageProposalPayload {
  readonly transition: Transition;
  readonly expectedVersion: number;
  /** The stage before the local transition: what a refused proposal falls back to. */
  readonly before: { readonly stage: Stage; readonly subState: SubState | null };
}
export interface AssignmentDecisionPayload {
  readonly decision: 'accept' | 'decline';
  readonly reason?: string;
}

/** Session changes (never the mediator's minutes: they stay in session_minutes). */
export interface SessionSchedulePayload {
  readonly sessionId: string;
  readonly kind: SessionKind;
  readonly mode: SessionMode;
  readonly startsAt: string;
  readonly zone: string;
  readonly durationMinutes: number;
}
export interface SessionReschedulePayload {
  readonly sessionId: string;
  readonly startsAt: string;
  readonly zone: string;
  readonly durationMinutes: number;
  readonly mode?: SessionMode;
  /** Rebased by the pusher when an earlier queued change of the same session is accepted. */
  readonly expectedVersion: number;
}
export interface SessionCancelPayload {
  readonly sessionId: string;
  readonly expectedVersion: number;
}
export interface SessionOutcomePayload {
  readonly sessionId: string;
  readonly outcome: 'held' | 'no_show';
  readonly expectedVersion: number;
}

/** An agreement version sent to the parties: what the platform needs, the text already rendered. */
export interface AgreementSendPayload {
  readonly number: number;
  readonly contentSha256: string;
  readonly title: string;
  readonly text: string;
}

/** The mediator recorded whether the agreement was fulfilled: the platform is told (the note stays here). */
export interface AgreementFulfilmentPayload {
  readonly number: number;
  readonly dueDate: string;
  readonly fulfilled: boolean;
  readonly recordedAt: string;
}

/**
 * A document the mediator shared (an import or a redacted copy), described as it was when
 * queued; the bytes are read from the blob store, re-hashed against `sha256`, when pushed.
 */
export interface DocumentUploadPayload {
  readonly documentId: string;
  readonly fileName: string;
  readonly mediaType: string;
  readonly sha256: string;
  readonly visibility: DocumentVisibility;
}

type Row<K extends string, P> = { readonly id: number; readonly clientId: string; readonly caseId: string; readonly attempts: number; readonly kind: K; readonly payload: P };

export type OutboxEntry =
  | Row<'session_schedule', SessionSchedulePayload>
  | Row<'session_reschedule', SessionReschedulePayload>
  | Row<'session_cancel', SessionCancelPayload>
  | Row<'session_outcome', SessionOutcomePayload>
  | Row<'agreement_send', AgreementSendPayload>
  | Row<'agreement_fulfilment', AgreementFulfilmentPayload>
  | Row<'document_upload', DocumentUploadPayload>
  | { readonly id: number; readonly clientId: string; readonly caseId: string; readonly attempts: number; readonly kind: 'message'; readonly payload: MessagePayload }
  | { readonly id: number; readonly clientId: string; readonly caseId: string; readonly attempts: number; readonly kind: 'stage_proposal'; readonly payload: StageProposalPayload }
  | { readonly id: number; readonly clientId: string; readonly caseId: string; readonly attempts: number; readonly kind: 'assignment_decision'; readonly payload: AssignmentDecisionPayload };

export type NewOutboxEntry =
  | { readonly kind: 'session_schedule'; readonly payload: SessionSchedulePayload }
  | { readonly kind: 'session_reschedule'; readonly payload: SessionReschedulePayload }
  | { readonly kind: 'session_cancel'; readonly payload: SessionCancelPayload }
  | { readonly kind: 'session_outcome'; readonly payload: SessionOutcomePayload }
  | { readonly kind: 'agreement_send'; readonly payload: AgreementSendPayload }
  | { readonly kind: 'agreement_fulfilment'; readonly payload: AgreementFulfilmentPayload }
  | { readonly kind: 'document_upload'; readonly payload: DocumentUploadPayload }
  | { readonly kind: 'message'; readonly payload: MessagePayload }
  | { readonly kind: 'stage_proposal'; readonly payload: StageProposalPayload }
  | { readonly kind: 'assignment_decision'; readonly payload: AssignmentDecisionPayload };

const entryFromRow = (row: Selectable<OutboxTable>): OutboxEntry =>
  ({ id: row.id, clientId: row.client_id, caseId: row.case_id, attempts: row.attempts, kind: row.kind, payload: JSON.parse(row.payload) as unknown }) as OutboxEntry;

export const outboxRepository = {
  /** Call with the transaction of the local change. */
  async enqueue(trx: Kysely<Database>, entry: NewOutboxEntry & { clientId: string; caseId: string; now: Date }): Promise<void> {
    await trx
      .insertInto('outbox')
      .values({ client_id: entry.clientId, kind: entry.kind, case_id: entry.caseId, payload: JSON.stringify(entry.payload), created_at: entry.now.toISOString() })
      .execute();
  },

  /** The oldest row after `afterId`, in push order. */
  async next(db: Kysely<Database>, afterId: number): Promise<OutboxEntry | null> {
    const row = await db.selectFrom('outbox').selectAll().where('id', '>', afterId).orderBy('id').limit(1).executeTakeFirst();
    return row ? entryFromRow(row) : null;
  },

  async count(db: Kysely<Database>): Promise<number> {
    const row = await db.selectFrom('outbox').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return Number(row.n);
  },

  async remove(trx: Kysely<Database>, id: number): Promise<void> {
    await trx.deleteFrom('outbox').where('id', '=', id).execute();
  },

  /**
   * The platform accepted a change of a session at `newVersion`: later queued changes of it
   * that were made from `oldVersion` (offline, one after the other) now expect `newVersion`.
   */
  async rebaseSessionChanges(trx: Kysely<Database>, sessionId: string, oldVersion: number, newVersion: number): Promise<void> {
    await sql`UPDATE outbox SET payload = json_set(payload, '$.expectedVersion', ${newVersion})
      WHERE kind LIKE 'session_%' AND json_extract(payload, '$.sessionId') = ${sessionId} AND json_extract(payload, '$.expectedVersion') = ${oldVersion}`.execute(trx);
  },

  async hasClientId(db: Kysely<Database>, clientId: string): Promise<boolean> {
    return (await db.selectFrom('outbox').select('id').where('client_id', '=', clientId).executeTakeFirst()) !== undefined;
  },

  /** A transient failure: the row stays, with when it will be tried again and why (a code, no text of the case). */
  async recordAttempt(db: Kysely<Database>, id: number, error: string, nextAttemptAt: Date | null): Promise<void> {
    await db
      .updateTable('outbox')
      .set((eb) => ({ attempts: eb('attempts', '+', 1), last_error: error.slice(0, 500), next_attempt_at: nextAttemptAt?.toISOString() ?? null }))
      .where('id', '=', id)
      .execute();
  },
};
