import { v7 as uuidv7 } from 'uuid';
import { AppError } from '../../../shared/contract/errors';
import type { CalendarImportRefusal, CalendarImportResult, CalendarImportWarningCode, ScheduleCheck, ScheduleRefusal } from '../../../shared/contract/schedule';
import { MAX_CALENDAR_IMPORT_BYTES } from '../../../shared/contract/schedule';
import { parseBusyIcs, type BusyImportRefusal, type BusyImportWarningCode } from '../../../shared/schedule/ics';
import { resolveLocalStart, sessionEndsAt, type LocalTimeFailure } from '../../../shared/schedule/local-time';
import { MAX_DURATION_MINUTES, MIN_DURATION_MINUTES, type LocalStart, type Session } from '../../../shared/schedule/session';
import type { Store } from '../db/store';
import type { EventBus } from '../events/event-bus';
import { caseRepository } from '../repositories/case-repository';
import { profileRepository } from '../repositories/profile-repository';
import { agendaDeadlines, busyBlocksIn, sessionViews, warningContext, warningsFor } from '../schedule/agenda-view';
import { sessionIcs, agendaIcs } from '../schedule/invitations';
import { draftParticipants } from '../schedule/participants';
import { scheduleSettingsRepository } from '../schedule/schedule-settings';
import { sessionRepository, type StoredSession } from '../schedule/session-repository';
import { assignmentRepository } from '../sync/assignments';
import { outboxRepository, type NewOutboxEntry } from '../sync/outbox';
import type { SyncEngine } from '../sync/sync-engine';
import type { Handlers } from './dispatch';

export type ScheduleOperation =
  | 'listAgenda'
  | 'listCaseSessions'
  | 'checkSchedule'
  | 'scheduleSession'
  | 'rescheduleSession'
  | 'cancelSession'
  | 'recordSessionOutcome'
  | 'getSessionMinutes'
  | 'saveSessionMinutes'
  | 'exportSessionIcs'
  | 'exportAgendaIcs'
  | 'importBusyCalendar'
  | 'getScheduleSettings'
  | 'updateScheduleSettings';

export interface ScheduleHandlerContext {
  readonly store: Store;
  readonly events: EventBus;
  readonly now: () => Date;
  /** Absent without a platform: sessions are then local only (nothing is queued). */
  readonly engine?: SyncEngine;
  /** Reminder times depend on sessions, deadlines and settings. */
  readonly remindersChanged?: () => void;
}

const LOCAL_TIME_REASON: Readonly<Record<LocalTimeFailure, ScheduleRefusal>> = {
  nonexistent_time: 'nonexistent_time',
  ambiguous_time: 'nonexistent_time', // never asked for: resolveLocalStart takes the earlier instant by default
  invalid_zone: 'invalid_zone',
  invalid_format: 'invalid_format',
};

const IMPORT_REASON: Readonly<Record<BusyImportRefusal, CalendarImportRefusal>> = {
  too_large: 'too_large',
  not_icalendar: 'malformed',
  malformed: 'malformed',
  too_complex: 'too_complex',
};

const IMPORT_WARNING: Readonly<Record<BusyImportWarningCode, CalendarImportWarningCode>> = {
  invalid_event: 'skipped_event',
  unknown_timezone: 'unknown_timezone', // imported, read as UTC: not skipped
  recurrence_unsupported: 'skipped_event',
  recurrence_not_expanded: 'recurrence_truncated',
  recurrence_truncated: 'recurrence_truncated',
  outside_window: 'outside_window',
};

type Refusal = NonNullable<ScheduleCheck['refusal']>;

/** invalid_input naming the field and the reason (contract/schedule.ts REFUSAL REASONS). */
const refused = (refusal: Refusal | { reason: string; path: string; message: string }): AppError =>
  new AppError('invalid_input', refusal.message, [{ path: refusal.path, message: refusal.message, reason: refusal.reason }]);

/** The instant of a typed start and duration, or why it is impossible. */
function resolveSlot(start: LocalStart, durationMinutes: number, now: Date): { startsAt: string; endsAt: string } | Refusal {
  const resolved = resolveLocalStart(start);
  if (!resolved.ok) {
    const reason = LOCAL_TIME_REASON[resolved.reason];
    const path = reason === 'invalid_zone' ? 'start.zone' : 'start.localDateTime';
    return { reason, path, message: `${reason}: ${start.localDateTime} in ${start.zone}` };
  }
  if (durationMinutes <= 0) return { reason: 'end_before_start', path: 'durationMinutes', message: 'end_before_start: the session must end after it starts' };
  if (durationMinutes < MIN_DURATION_MINUTES || durationMinutes > MAX_DURATION_MINUTES) {
    return { reason: 'duration_out_of_range', path: 'durationMinutes', message: `duration_out_of_range: ${MIN_DURATION_MINUTES}-${MAX_DURATION_MINUTES} minutes` };
  }
  if (Date.parse(resolved.instant) < now.getTime()) return { reason: 'starts_in_past', path: 'start.localDateTime', message: 'starts_in_past: the session would start before now' };
  return { startsAt: resolved.instant, endsAt: sessionEndsAt(resolved.instant, durationMinutes) };
}

const isRefusal = (value: { startsAt: string } | Refusal): value is Refusal => 'reason' in value;

const CLOSED = new Set(['cancelled', 'held', 'no_show']);

/**
 * The scheduling operations. Every write: the session row and its outbox row in ONE
 * transaction (nothing stored when refused), then `sessionsChanged`, a sync nudge and a
 * reminder refresh. The mediator's minutes never enter the outbox or an export.
 */
export function createScheduleHandlers(context: ScheduleHandlerContext): Pick<Handlers, ScheduleOperation> {
  const { store, events, now } = context;
  const { db } = store;

  const afterWrite = (caseId: string): void => {
    events.emit('sessionsChanged', { caseId });
    context.engine?.nudge();
    context.remindersChanged?.();
  };

  const requireSession = async (sessionId: string): Promise<StoredSession> => {
    const stored = await sessionRepository.get(db, sessionId);
    if (!stored) throw new AppError('not_found', `No session ${sessionId}`);
    return stored;
  };

  /** Writes to a case that left the caseload (or was declined) are refused: read-only here. */
  const requireWritableCase = async (caseId: string): Promise<void> => {
    await caseRepository.requireExists(store, caseId);
    if (await assignmentRepository.isReadOnly(db, caseId)) throw new AppError('forbidden', `Case ${caseId} is no longer assigned to you; it is read-only`);
  };

  /** A session that may still change, at the version the mediator saw. */
  const requireChangeable = async (sessionId: string, expectedVersion: number): Promise<Session> => {
    const { session } = await requireSession(sessionId);
    await requireWritableCase(session.caseId);
    if (CLOSED.has(session.status)) throw refused({ reason: 'session_closed', path: 'sessionId', message: `session_closed: the session is ${session.status}` });
    if (session.version !== expectedVersion) throw new AppError('conflict', `Session ${sessionId} is at version ${session.version}, not ${expectedVersion}`);
    return session;
  };

  const enqueue = async (trx: Parameters<Parameters<Store['write']>[0]>[0], caseId: string, entry: NewOutboxEntry): Promise<void> => {
    if (!context.engine) return;
    await outboxRepository.enqueue(trx, { ...entry, clientId: uuidv7(), caseId, now: now() } as Parameters<typeof outboxRepository.enqueue>[1]);
  };

  const viewOf = async (sessionId: string) => {
    const stored = await requireSession(sessionId);
    const settings = await scheduleSettingsRepository.get(db);
    const endsAt = sessionEndsAt(stored.session.startsAt, stored.session.durationMinutes);
    const [view] = await sessionViews(db, [stored], await warningContext(db, stored.session.startsAt, endsAt, settings, [stored.session.caseId]));
    if (!view) throw new AppError('internal', `Session ${sessionId} vanished`);
    return view;
  };

  return {
    async listAgenda(input) {
      const settings = await scheduleSettingsRepository.get(db);
      const stored = await sessionRepository.listRange(db, input.from, input.to);
      const [sessions, deadlines, busy] = await Promise.all([
        warningContext(db, input.from, input.to, settings).then((ctx) => sessionViews(db, stored, ctx)),
        agendaDeadlines(db, input.from, input.to, now()),
        busyBlocksIn(db, input.from, input.to),
      ]);
      return { sessions, deadlines, busy };
    },

    async listCaseSessions(input) {
      await caseRepository.requireExists(store, input.caseId);
      const stored = await sessionRepository.listCase(db, input.caseId);
      if (stored.length === 0) return [];
      const settings = await scheduleSettingsRepository.get(db);
      const first = stored[0]?.session.startsAt ?? now().toISOString();
      const last = stored.at(-1)?.session;
      const to = last ? sessionEndsAt(last.startsAt, last.durationMinutes) : first;
      return sessionViews(db, stored, await warningContext(db, first, to, settings, [input.caseId]));
    },

    async checkSchedule(input) {
      await caseRepository.requireExists(store, input.caseId);
      const slot = resolveSlot(input.start, input.durationMinutes, now());
      if (isRefusal(slot)) return { startsAt: null, endsAt: null, refusal: slot, warnings: [] };
      const settings = await scheduleSettingsRepository.get(db);
      const ctx = await warningContext(db, slot.startsAt, slot.endsAt, settings, [input.caseId]);
      const warnings = warningsFor(ctx, input.caseId, { startsAt: slot.startsAt, durationMinutes: input.durationMinutes, sessionId: input.sessionId });
      return { ...slot, refusal: null, warnings };
    },

    async scheduleSession(input) {
      await requireWritableCase(input.caseId);
      const detail = await caseRepository.get(store, input.caseId);
      if (detail.stage !== 'mediation') throw new AppError('invalid_transition', `Case ${input.caseId} is not in mediation; sessions are scheduled during mediation`);
      const slot = resolveSlot(input.start, input.durationMinutes, now());
      if (isRefusal(slot)) throw refused(slot);
      const { user } = await profileRepository.get(db);
      const earlier = await sessionRepository.listCase(db, input.caseId);
      const at = now().toISOString();
      const session: Session = {
        id: uuidv7(),
        caseId: input.caseId,
        kind: input.kind,
        mode: input.mode,
        startsAt: slot.startsAt,
        zone: input.start.zone,
        durationMinutes: input.durationMinutes,
        participants: draftParticipants(detail, input.kind, user, input.start.zone, earlier.map((s) => s.session)),
        status: 'proposed',
        sequence: 0,
        version: 1,
        updatedAt: at,
      };
      await store.write(async (trx) => {
        await sessionRepository.insertLocal(trx, session);
        await enqueue(trx, session.caseId, {
          kind: 'session_schedule',
          payload: { sessionId: session.id, kind: session.kind, mode: session.mode, startsAt: session.startsAt, zone: session.zone, durationMinutes: session.durationMinutes },
        });
      });
      afterWrite(session.caseId);
      return viewOf(session.id);
    },

    async rescheduleSession(input) {
      const current = await requireChangeable(input.sessionId, input.expectedVersion);
      const slot = resolveSlot(input.start, input.durationMinutes, now());
      if (isRefusal(slot)) throw refused(slot);
      // Locally the change shows at once; the platform's answer (status, sequence, version) replaces it.
      const next: Session = {
        ...current,
        startsAt: slot.startsAt,
        zone: input.start.zone,
        durationMinutes: input.durationMinutes,
        mode: input.mode ?? current.mode,
        status: 'rescheduled',
        sequence: current.sequence + 1,
        participants: current.participants.map((p) => (p.role === 'mediator' ? p : { ...p, confirmation: 'pending' })),
        updatedAt: now().toISOString(),
      };
      await store.write(async (trx) => {
        await sessionRepository.updateLocal(trx, next);
        await enqueue(trx, current.caseId, {
          kind: 'session_reschedule',
          payload: { sessionId: current.id, startsAt: next.startsAt, zone: next.zone, durationMinutes: next.durationMinutes, ...(input.mode ? { mode: input.mode } : {}), expectedVersion: current.version },
        });
      });
      afterWrite(current.caseId);
      return viewOf(current.id);
    },

    async cancelSession(input) {
      const current = await requireChangeable(input.sessionId, input.expectedVersion);
      const next: Session = { ...current, status: 'cancelled', sequence: current.sequence + 1, updatedAt: now().toISOString() };
      await store.write(async (trx) => {
        await sessionRepository.updateLocal(trx, next);
        await enqueue(trx, current.caseId, { kind: 'session_cancel', payload: { sessionId: current.id, expectedVersion: current.version } });
      });
      afterWrite(current.caseId);
      return viewOf(current.id);
    },

    async recordSessionOutcome(input) {
      const current = await requireChangeable(input.sessionId, input.expectedVersion);
      if (Date.parse(current.startsAt) > now().getTime()) {
        throw refused({ reason: 'session_not_started', path: 'outcome', message: 'session_not_started: an outcome can be recorded once the session has started' });
      }
      const next: Session = { ...current, status: input.outcome, updatedAt: now().toISOString() };
      await store.write(async (trx) => {
        await sessionRepository.updateLocal(trx, next);
        await enqueue(trx, current.caseId, { kind: 'session_outcome', payload: { sessionId: current.id, outcome: input.outcome, expectedVersion: current.version } });
      });
      afterWrite(current.caseId);
      return viewOf(current.id);
    },

    async getSessionMinutes(input) {
      await requireSession(input.sessionId);
      const row = await db.selectFrom('session_minutes').selectAll().where('session_id', '=', input.sessionId).executeTakeFirst();
      return { sessionId: input.sessionId, minutes: row?.minutes ?? '', updatedAt: row?.updated_at ?? null };
    },

    async saveSessionMinutes(input) {
      await requireSession(input.sessionId);
      const updatedAt = now().toISOString();
      // Local only: no outbox row, no event with the text.
      await store.write(async (trx) => {
        await trx
          .insertInto('session_minutes')
          .values({ session_id: input.sessionId, minutes: input.minutes, updated_at: updatedAt })
          .onConflict((oc) => oc.column('session_id').doUpdateSet({ minutes: input.minutes, updated_at: updatedAt }))
          .execute();
      });
      return { sessionId: input.sessionId, minutes: input.minutes, updatedAt };
    },

    async exportSessionIcs(input) {
      const { session } = await requireSession(input.sessionId);
      return sessionIcs(store, session, now());
    },

    async exportAgendaIcs(input) {
      const stored = await sessionRepository.listRange(db, input.from, input.to);
      return agendaIcs(store, stored.map((s) => s.session), input, now());
    },

    async importBusyCalendar(input) {
      if (new TextEncoder().encode(input.content).byteLength > MAX_CALENDAR_IMPORT_BYTES) throw refused({ reason: 'too_large', path: 'content', message: 'too_large: over 2 MiB' });
      // A binary file read as text (NUL bytes) or decoded with the wrong charset throughout.
      const replacements = input.content.match(/\uFFFD/g)?.length ?? 0;
      if (input.content.includes('\u0000') || replacements > 16) throw refused({ reason: 'bad_encoding', path: 'content', message: 'bad_encoding: not UTF-8 text' });
      const settings = await scheduleSettingsRepository.get(db);
      const at = now().getTime();
      const window = { from: new Date(at - 31 * 86_400_000).toISOString(), to: new Date(at + 400 * 86_400_000).toISOString() };
      const parsed = parseBusyIcs(input.content, { window, zone: settings.workingHours.zone });
      if (!parsed.ok) {
        const reason = IMPORT_REASON[parsed.reason];
        throw refused({ reason, path: 'content', message: `${reason}: the calendar file was refused` });
      }
      const blocks = parsed.blocks.filter((b) => Date.parse(b.end) > Date.parse(b.start));
      // Replaces what the same file name imported before, in one transaction.
      await store.write(async (trx) => {
        await trx.deleteFrom('busy_blocks').where('file_name', '=', input.fileName).execute();
        for (let i = 0; i < blocks.length; i += 200) {
          const chunk = blocks.slice(i, i + 200).map((b) => ({ id: uuidv7(), file_name: input.fileName, summary: b.summary === '' ? null : b.summary, starts_at: new Date(b.start).toISOString(), ends_at: new Date(b.end).toISOString() }));
          if (chunk.length > 0) await trx.insertInto('busy_blocks').values(chunk).execute();
        }
      });
      const counts = new Map<CalendarImportWarningCode, number>();
      for (const w of parsed.warnings) counts.set(IMPORT_WARNING[w.code], (counts.get(IMPORT_WARNING[w.code]) ?? 0) + w.count);
      const result: CalendarImportResult = {
        imported: blocks.length,
        skipped: parsed.skipped + (parsed.blocks.length - blocks.length),
        warnings: [...counts].map(([code, count]) => ({ code, count })),
      };
      return result;
    },

    getScheduleSettings: () => scheduleSettingsRepository.get(db),

    async updateScheduleSettings(input) {
      await store.write((trx) => scheduleSettingsRepository.set(trx, input));
      context.remindersChanged?.();
      return scheduleSettingsRepository.get(db);
    },
  };
}
