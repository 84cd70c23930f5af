import type { Kysely, Selectable } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { SyncConflict } from '../../../shared/contract/sync';
import type { CaseRecord } from '../../../shared/domain/case';
import type { Transition } from '../../../shared/domain/transition';
import type { ConflictsTable, Database } from '../db/schema';

/*
 * CONFLICT RULES, per field, when the platform and this installation disagree about a case.
 *
 * Platform-authoritative (the platform's value always wins and is applied at once, also when
 * it answers 409 to our proposal): stage, sub-state, outcome, closed-from stage, closedAt,
 * version, updatedAt, parties (names, RUT, contact, representatives), deadlines (all of them,
 * with their status), assigned mediator, escalation criteria and every field of the request
 * (brand, store, order, amounts, dates, category, description, remedy). The platform is the
 * record of the center; the app never edits those fields except through a stage proposal.
 *
 * Local-only (never sent, never touched by sync): the mediator's private notes (table notes,
 * which the sync engine never reads or writes) and the audit trail (append-only; platform
 * changes add rows, never alter them).
 *
 * Decided by the mediator: a stage proposal the platform refused because the case changed
 * there (409, stale expectedVersion) or refused outright (4xx). The platform's state is
 * applied (rule above), a conflict row keeps "mine" (the transition) beside "theirs" (the
 * platform's stage, sub-state, version), and listConflicts shows it. 'accept_platform' closes
 * it; 'propose_again' re-runs the transition against the platform's current version (it must
 * still be allowed by the stage machine) and enqueues a new proposal with a NEW client id.
 *
 * Messages cannot conflict: they are append-only and deduplicated by client id. Agreements
 * from the feed replace older versions (higher or equal version wins).
 *
 * SESSIONS (table sessions, one row per session whoever made it). Platform-authoritative: status
 * (every party confirmation, 'confirmed' once all invited parties confirmed, and 'held' /
 * 'no_show' / 'cancelled' as the platform recorded them), participants (names, zones,
 * confirmations), sequence, version and updatedAt — and, once the platform has a version, start,
 * zone, duration and mode too: a feed 'session.upsert' or a write's answer replaces the row when
 * its version is ≥ ours. The mediator's schedule / reschedule / cancel / outcome is applied
 * locally at once and queued (outbox kinds session_*, idempotent by client id, expectedVersion
 * = the version the mediator saw; a later queued change of the same session is rebased when an
 * earlier one is accepted). A 409 (the session changed there, e.g. a party confirmed) or a 4xx
 * refusal: the platform's session (currentSession) is applied and the row keeps
 * refused_change {change, code: conflict | rejected, at}, shown on the session until the
 * mediator's next change of it; the mediator decides whether to redo it.
 * Local-only: session_minutes (the mediator's private minutes), busy_blocks (imported
 * calendars), schedule_settings and reminders_sent — never read by the sync engine.
 */

export const conflictFromRow = (row: Selectable<ConflictsTable>): SyncConflict => ({
  id: row.id,
  caseId: row.case_id,
  kind: row.kind,
  mine: JSON.parse(row.mine) as Transition,
  theirs: { stage: row.theirs_stage, subState: row.theirs_sub_state, version: row.theirs_version },
  detectedAt: row.detected_at,
});

export const conflictRepository = {
  /** Call in the transaction that applies the platform's side. */
  async record(trx: Kysely<Database>, input: { caseId: string; mine: Transition; theirs: Pick<CaseRecord, 'stage' | 'subState' | 'version'>; now: Date }): Promise<string> {
    const id = uuidv7();
    await trx
      .insertInto('conflicts')
      .values({
        id,
        case_id: input.caseId,
        kind: 'stage_proposal',
        mine: JSON.stringify(input.mine),
        theirs_stage: input.theirs.stage,
        theirs_sub_state: input.theirs.subState,
        theirs_version: input.theirs.version,
        detected_at: input.now.toISOString(),
        resolved_at: null,
        resolution: null,
      })
      .execute();
    return id;
  },

  async listOpen(db: Kysely<Database>, caseId: string): Promise<SyncConflict[]> {
    const rows = await db.selectFrom('conflicts').selectAll().where('case_id', '=', caseId).where('resolved_at', 'is', null).orderBy('detected_at').orderBy('id').execute();
    return rows.map(conflictFromRow);
  },

  async getOpen(db: Kysely<Database>, id: string): Promise<SyncConflict | null> {
    const row = await db.selectFrom('conflicts').selectAll().where('id', '=', id).where('resolved_at', 'is', null).executeTakeFirst();
    return row ? conflictFromRow(row) : null;
  },

  async countOpen(db: Kysely<Database>): Promise<number> {
    const row = await db.selectFrom('conflicts').select((eb) => eb.fn.countAll<number>().as('n')).where('resolved_at', 'is', null).executeTakeFirstOrThrow();
    return Number(row.n);
  },

  async resolve(trx: Kysely<Database>, id: string, resolution: 'accept_platform' | 'propose_again', now: Date): Promise<void> {
    await trx.updateTable('conflicts').set({ resolved_at: now.toISOString(), resolution }).where('id', '=', id).where('resolved_at', 'is', null).execute();
  },
};
