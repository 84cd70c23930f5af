import { Temporal } from 'temporal-polyfill';
import type { DeadlineKind, DeadlineStatus } from '../domain/deadline';
import { HolidayCoverageError, holidayOn } from '../domain/holidays';
import { instantMs } from '../domain/zoned-day';
import { sessionEndsAt, wallTime } from './local-time';
import type { SessionKind, SessionStatus, WorkingHours } from './session';

/**
 * Warnings while scheduling. They never block: the mediator may hold a session on a holiday
 * or late at night on purpose; the UI shows each warning with the conflicting item named.
 *
 * - overlap: half-open intervals [start, end). Back-to-back (one ends when the next starts)
 *   is NOT an overlap. Cancelled sessions and the session being edited (sessionId) are ignored.
 * - after_deadline: the session ENDS after an open deadline of the case is due (it cannot be
 *   finished in time). Deadlines with a status other than 'open' are ignored.
 * - outside_working_hours: not entirely inside one working window (a working day, start..end,
 *   on the clock of workingHours.zone).
 * - holiday: a local date the session touches (in `zone`, the mediator's zone) is a Chilean
 *   national holiday. For years the table does not cover: 'holiday_data_unavailable', never a
 *   guess.
 */

export interface CandidateSlot {
  readonly startsAt: string;
  readonly durationMinutes: number;
  /** When rescheduling: the session itself, so it does not conflict with its old time. */
  readonly sessionId?: string;
}

export interface ScheduledSessionRef {
  readonly id: string;
  readonly caseId: string;
  /** Case folio, to name the session ("RL-2026-004512"). */
  readonly folio: string;
  readonly kind: SessionKind;
  readonly startsAt: string;
  readonly durationMinutes: number;
  readonly status: SessionStatus;
}

/** Busy time from the mediator's own calendar (parseBusyIcs). */
export interface BusyBlock {
  readonly start: string;
  readonly end: string;
  readonly summary: string;
}

export interface CaseDeadlineRef {
  readonly kind: DeadlineKind;
  readonly dueAt: string;
  readonly folio: string;
  /** Only open deadlines warn; absent means open. */
  readonly status?: DeadlineStatus;
}

export interface ConflictInput {
  readonly candidate: CandidateSlot;
  readonly otherSessions: readonly ScheduledSessionRef[];
  readonly busyBlocks: readonly BusyBlock[];
  readonly caseDeadlines: readonly CaseDeadlineRef[];
  readonly workingHours: WorkingHours;
  /** The mediator's zone: the local dates checked for holidays. */
  readonly zone: string;
}

export type ScheduleWarning =
  | {
      readonly kind: 'overlap';
      readonly with: {
        readonly type: 'session';
        readonly sessionId: string;
        readonly caseId: string;
        readonly folio: string;
        readonly sessionKind: SessionKind;
        readonly startsAt: string;
        readonly endsAt: string;
      };
    }
  | { readonly kind: 'overlap'; readonly with: { readonly type: 'busy'; readonly summary: string; readonly startsAt: string; readonly endsAt: string } }
  | { readonly kind: 'after_deadline'; readonly deadlineKind: DeadlineKind; readonly folio: string; readonly dueAt: string }
  | {
      readonly kind: 'outside_working_hours';
      /** 'day': not a working day; 'hours': a working day but outside start..end. */
      readonly reason: 'day' | 'hours';
      readonly workingHours: Pick<WorkingHours, 'days' | 'start' | 'end' | 'zone'>;
    }
  | { readonly kind: 'holiday'; readonly date: string; readonly name: string }
  | { readonly kind: 'holiday_data_unavailable'; readonly date: string; readonly year: number };

export type ScheduleWarningKind = ScheduleWarning['kind'];

const overlaps = (aStart: number, aEnd: number, bStart: number, bEnd: number): boolean => aStart < bEnd && bStart < aEnd;

function overlapWarnings(input: ConflictInput, start: number, end: number): ScheduleWarning[] {
  const warnings: ScheduleWarning[] = [];
  const { sessionId } = input.candidate;
  for (const other of input.otherSessions) {
    if (other.status === 'cancelled' || (sessionId !== undefined && other.id === sessionId)) continue;
    const otherStart = instantMs(other.startsAt);
    const otherEnd = otherStart + other.durationMinutes * 60_000;
    if (!overlaps(start, end, otherStart, otherEnd)) continue;
    warnings.push({
      kind: 'overlap',
      with: {
        type: 'session',
        sessionId: other.id,
        caseId: other.caseId,
        folio: other.folio,
        sessionKind: other.kind,
        startsAt: other.startsAt,
        endsAt: new Date(otherEnd).toISOString(),
      },
    });
  }
  for (const block of input.busyBlocks) {
    if (!overlaps(start, end, instantMs(block.start), instantMs(block.end))) continue;
    warnings.push({ kind: 'overlap', with: { type: 'busy', summary: block.summary, startsAt: block.start, endsAt: block.end } });
  }
  return warnings;
}

function deadlineWarnings(deadlines: readonly CaseDeadlineRef[], end: number): ScheduleWarning[] {
  return deadlines
    .filter((deadline) => (deadline.status ?? 'open') === 'open' && end > instantMs(deadline.dueAt))
    .map((deadline) => ({ kind: 'after_deadline', deadlineKind: deadline.kind, folio: deadline.folio, dueAt: deadline.dueAt }));
}

/** Epoch ms of 'HH:mm' on a local date in a zone (a time inside a DST gap moves forward, Temporal 'compatible'). */
function localTimeMs(date: string, hourMinute: string, zone: string): number {
  return Temporal.PlainDateTime.from(`${date}T${hourMinute}`).toZonedDateTime(zone).epochMilliseconds;
}

function workingHoursWarning(hours: WorkingHours, start: number, end: number): ScheduleWarning | null {
  const { date } = wallTime(new Date(start).toISOString(), hours.zone);
  const weekday = Temporal.PlainDate.from(date).dayOfWeek;
  const summary = { days: hours.days, start: hours.start, end: hours.end, zone: hours.zone };
  if (!hours.days.includes(weekday)) return { kind: 'outside_working_hours', reason: 'day', workingHours: summary };
  if (start < localTimeMs(date, hours.start, hours.zone) || end > localTimeMs(date, hours.end, hours.zone)) {
    return { kind: 'outside_working_hours', reason: 'hours', workingHours: summary };
  }
  return null;
}

function holidayWarnings(zone: string, start: number, end: number): ScheduleWarning[] {
  // The local dates of the first and the last minute (a session may cross midnight).
  const dates = new Set([wallTime(new Date(start).toISOString(), zone).date, wallTime(new Date(end - 1).toISOString(), zone).date]);
  const warnings: ScheduleWarning[] = [];
  for (const date of dates) {
    try {
      const holiday = holidayOn(date);
      if (holiday) warnings.push({ kind: 'holiday', date, name: holiday.name });
    } catch (error) {
      if (!(error instanceof HolidayCoverageError)) throw error;
      warnings.push({ kind: 'holiday_data_unavailable', date, year: error.year });
    }
  }
  return warnings;
}

/** Every warning for a candidate slot, in a stable order: overlaps, deadlines, working hours, holidays. */
export function detectConflicts(input: ConflictInput): ScheduleWarning[] {
  const start = instantMs(input.candidate.startsAt);
  const end = instantMs(sessionEndsAt(input.candidate.startsAt, input.candidate.durationMinutes));
  const hours = workingHoursWarning(input.workingHours, start, end);
  return [
    ...overlapWarnings(input, start, end),
    ...deadlineWarnings(input.caseDeadlines, end),
    ...(hours ? [hours] : []),
    ...holidayWarnings(input.zone, start, end),
  ];
}
