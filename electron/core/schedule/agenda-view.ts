import type { Kysely } from 'kysely';
import type { AgendaDeadline, BusyBlock, ScheduleSettings, ScheduleWarning, SessionView } from '../../../shared/contract/schedule';
import type { DeadlineKind, DeadlineStatus } from '../../../shared/domain/deadline';
import { deadlineState } from '../../../shared/domain/deadlines';
import { detectConflicts, type CandidateSlot, type ScheduledSessionRef } from '../../../shared/schedule/conflicts';
import { sessionEndsAt } from '../../../shared/schedule/local-time';
import type { Database } from '../db/schema';
import { sessionRepository, type StoredSession } from './session-repository';

/**
 * Read models of the agenda: sessions with their case's folio and party names and the warnings
 * shared/schedule/conflicts.ts finds for them (against the mediator's other sessions, imported
 * busy time, the case's open deadlines, working hours and holidays), open deadlines and busy blocks.
 */

const DAY_MS = 86_400_000;
const iso = (ms: number): string => new Date(ms).toISOString();

interface CaseNames {
  readonly folio: string;
  readonly consumerName: string;
  readonly companyName: string;
}

async function caseNames(db: Kysely<Database>, caseIds: readonly string[]): Promise<Map<string, CaseNames>> {
  if (caseIds.length === 0) return new Map();
  const rows = await db.selectFrom('cases').select(['id', 'folio', 'consumer_name', 'brand_name']).where('id', 'in', [...new Set(caseIds)]).execute();
  return new Map(rows.map((r) => [r.id, { folio: r.folio, consumerName: r.consumer_name, companyName: r.brand_name }]));
}

async function openDeadlines(db: Kysely<Database>, caseIds: readonly string[]): Promise<Map<string, Array<{ kind: DeadlineKind; dueAt: string; status: DeadlineStatus }>>> {
  const byCase = new Map<string, Array<{ kind: DeadlineKind; dueAt: string; status: DeadlineStatus }>>();
  if (caseIds.length === 0) return byCase;
  const rows = await db.selectFrom('deadlines').select(['case_id', 'kind', 'due_at', 'status']).where('case_id', 'in', [...new Set(caseIds)]).where('status', '=', 'open').execute();
  for (const r of rows) {
    const list = byCase.get(r.case_id) ?? [];
    list.push({ kind: r.kind as DeadlineKind, dueAt: r.due_at, status: r.status as DeadlineStatus });
    byCase.set(r.case_id, list);
  }
  return byCase;
}

export async function busyBlocksIn(db: Kysely<Database>, from: string, to: string): Promise<BusyBlock[]> {
  const rows = await db.selectFrom('busy_blocks').selectAll().where('starts_at', '<', to).where('ends_at', '>', from).orderBy('starts_at').orderBy('id').execute();
  return rows.map((r) => ({ id: r.id, fileName: r.file_name, summary: r.summary, startsAt: r.starts_at, endsAt: r.ends_at }));
}

/** Everything the conflict rules need around [from, to) (a day of margin for overlaps). */
export interface WarningContext {
  readonly others: ScheduledSessionRef[];
  readonly busy: BusyBlock[];
  readonly deadlines: Map<string, Array<{ kind: DeadlineKind; dueAt: string; status: DeadlineStatus }>>;
  readonly names: Map<string, CaseNames>;
  readonly settings: ScheduleSettings;
}

export async function warningContext(db: Kysely<Database>, from: string, to: string, settings: ScheduleSettings, extraCaseIds: readonly string[] = []): Promise<WarningContext> {
  const wideFrom = iso(Date.parse(from) - DAY_MS);
  const wideTo = iso(Date.parse(to) + DAY_MS);
  const sessions = await sessionRepository.listRange(db, wideFrom, wideTo);
  const caseIds = [...sessions.map((s) => s.session.caseId), ...extraCaseIds];
  const [names, deadlines, busy] = await Promise.all([caseNames(db, caseIds), openDeadlines(db, caseIds), busyBlocksIn(db, wideFrom, wideTo)]);
  const others = sessions.map(({ session: s }) => ({ id: s.id, caseId: s.caseId, folio: names.get(s.caseId)?.folio ?? '', kind: s.kind, startsAt: s.startsAt, durationMinutes: s.durationMinutes, status: s.status }));
  return { others, busy, deadlines, names, settings };
}

export function warningsFor(context: WarningContext, caseId: string, candidate: CandidateSlot): ScheduleWarning[] {
  const folio = context.names.get(caseId)?.folio ?? '';
  return detectConflicts({
    candidate,
    otherSessions: context.others,
    busyBlocks: context.busy.map((b) => ({ start: b.startsAt, end: b.endsAt, summary: b.summary ?? '' })),
    caseDeadlines: (context.deadlines.get(caseId) ?? []).map((d) => ({ ...d, folio })),
    workingHours: context.settings.workingHours,
    zone: context.settings.workingHours.zone,
  });
}

/** Closed sessions are history: no warnings for them. */
const ACTIVE = new Set(['proposed', 'confirmed', 'rescheduled']);

export async function sessionViews(db: Kysely<Database>, stored: readonly StoredSession[], context: WarningContext): Promise<SessionView[]> {
  const pending = await sessionRepository.pendingIds(db, stored.map((s) => s.session.id));
  const names = stored.some((s) => !context.names.has(s.session.caseId)) ? await caseNames(db, stored.map((s) => s.session.caseId)) : context.names;
  return stored.map(({ session, refusedChange }) => {
    const caseInfo = names.get(session.caseId) ?? { folio: '', consumerName: '', companyName: '' };
    return {
      ...session,
      ...caseInfo,
      endsAt: sessionEndsAt(session.startsAt, session.durationMinutes),
      warnings: ACTIVE.has(session.status) ? warningsFor(context, session.caseId, { startsAt: session.startsAt, durationMinutes: session.durationMinutes, sessionId: session.id }) : [],
      pendingSync: pending.has(session.id),
      refusedChange,
    };
  });
}

/** Open deadlines of the caller's cases (not those that left the caseload) due in [from, to). */
export async function agendaDeadlines(db: Kysely<Database>, from: string, to: string, now: Date): Promise<AgendaDeadline[]> {
  const rows = await db
    .selectFrom('deadlines')
    .innerJoin('cases', 'cases.id', 'deadlines.case_id')
    .leftJoin('case_assignments', 'case_assignments.case_id', 'deadlines.case_id')
    .select(['deadlines.id', 'deadlines.case_id', 'deadlines.kind', 'deadlines.due_at', 'deadlines.status', 'cases.folio'])
    .where('deadlines.status', '=', 'open')
    .where('deadlines.due_at', '>=', from)
    .where('deadlines.due_at', '<', to)
    .where((eb) => eb.or([eb('case_assignments.status', 'is', null), eb('case_assignments.status', '!=', 'unassigned')]))
    .orderBy('deadlines.due_at')
    .orderBy('deadlines.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    caseId: r.case_id,
    folio: r.folio,
    kind: r.kind as DeadlineKind,
    dueAt: r.due_at,
    state: deadlineState(r.due_at, r.status as DeadlineStatus, now.toISOString()),
  }));
}
