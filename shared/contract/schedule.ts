import { z } from 'zod';
import { DeadlineKind, DeadlineState } from '../domain/deadline';
import { EntityId, Instant, LocalDate } from '../domain/ids';
import { MAX_DURATION_MINUTES, MIN_DURATION_MINUTES, Session, SessionKind, SessionMode, WorkingHours } from '../schedule/session';
import { isIanaZone } from '../schedule/zone';

/*
 * The scheduling operations (agenda, sessions, invitations, busy time, reminders).
 *
 * REFUSAL REASONS. A refused time or file is `invalid_input` whose issue names the field
 * (`path`, e.g. 'start.localDateTime', 'durationMinutes', 'content') and carries a
 * machine-readable `reason` (AppErrorShape issues[].reason): one of ScheduleRefusal or
 * CalendarImportRefusal below. The renderer translates the reason; `message` is English detail
 * for logs. An issue without `reason` is a plain format error of that field. Nothing is stored
 * when a write is refused.
 */

/** Why a requested time is impossible (the first three are shared/schedule/local-time.ts LocalTimeFailure). */
export const ScheduleRefusal = z.enum([
  /** The wall-clock time does not exist in that zone (the hour skipped when Chile's clocks go forward). */
  'nonexistent_time',
  /** Not an IANA zone name (offsets such as '-03:00' are refused too). */
  'invalid_zone',
  /** Not a calendar date and time ('2026-02-30T10:00'). */
  'invalid_format',
  /** The end is not after the start (a duration of zero or less). */
  'end_before_start',
  /** Shorter than MIN_DURATION_MINUTES or longer than MAX_DURATION_MINUTES. */
  'duration_out_of_range',
  /** The session would start before now. */
  'starts_in_past',
  /** The session is cancelled, held or no-show: it can no longer change (except its minutes). */
  'session_closed',
  /** An outcome (held, no-show) before the session has started. */
  'session_not_started',
]);
export type ScheduleRefusal = z.infer<typeof ScheduleRefusal>;

/** Why an .ics file of the mediator's other commitments was refused (nothing imported, earlier imports intact). */
export const CalendarImportRefusal = z.enum([
  /** Over 2 MiB, or unfolding/expanding it would exceed the limits. */
  'too_large',
  /** Not UTF-8 text (or it contains NUL / control bytes). */
  'bad_encoding',
  /** Not an iCalendar file (no VCALENDAR, broken structure). */
  'malformed',
  /** Nested too deep, too many components or recurrences: refused rather than expanded. */
  'too_complex',
]);
export type CalendarImportRefusal = z.infer<typeof CalendarImportRefusal>;

/** Contract-level checks carry their reason in zod `params`, which dispatch copies to the issue. */
const refusal = (reason: ScheduleRefusal) => ({ params: { reason }, message: reason });

/** A zone name the time arithmetic knows (see shared/schedule/zone.ts). */
export const ZoneInput = z.string().max(64).refine(isIanaZone, refusal('invalid_zone'));

/** A wall-clock start as typed ('2026-04-04T23:30' in 'America/Santiago'); resolved by the core. */
export const LocalStartInput = z.object({
  localDateTime: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'expected YYYY-MM-DDTHH:mm'),
  zone: ZoneInput,
});
export type LocalStartInput = z.infer<typeof LocalStartInput>;

/** Minutes from start to end: ≤ 0 is an end before the start. */
export const DurationInput = z
  .number()
  .int()
  .refine((n) => n > 0, refusal('end_before_start'))
  .refine((n) => n <= 0 || (n >= MIN_DURATION_MINUTES && n <= MAX_DURATION_MINUTES), refusal('duration_out_of_range'));

const Version = z.number().int().min(1);

/** An agenda range: `to` after `from`, at most 62 days. */
const MAX_RANGE_MS = 62 * 24 * 60 * 60 * 1000;
export const AgendaRange = z
  .object({ from: Instant, to: Instant })
  .refine((r) => Date.parse(r.to) > Date.parse(r.from), { message: '`to` must be after `from`', path: ['to'] })
  .refine((r) => Date.parse(r.to) - Date.parse(r.from) <= MAX_RANGE_MS, { message: 'at most 62 days', path: ['to'] });
export type AgendaRange = z.infer<typeof AgendaRange>;

/**
 * A warning while scheduling: the time is possible but clashes with something, which is named.
 * The same shape as shared/schedule/conflicts.ts ScheduleWarning (detectConflicts), as zod.
 */
const WarningSession = z.object({
  type: z.literal('session'),
  sessionId: EntityId,
  caseId: EntityId,
  folio: z.string(),
  sessionKind: SessionKind,
  startsAt: Instant,
  endsAt: Instant,
});
const WarningBusy = z.object({ type: z.literal('busy'), summary: z.string(), startsAt: Instant, endsAt: Instant });
export const ScheduleWarning = z.union([
  /** Overlaps another active session of the mediator (any case) or a block of the imported calendar. */
  z.object({ kind: z.literal('overlap'), with: WarningSession }),
  z.object({ kind: z.literal('overlap'), with: WarningBusy }),
  /** Ends after an open deadline of the case (e.g. the mediation window closes first). */
  z.object({ kind: z.literal('after_deadline'), deadlineKind: DeadlineKind, folio: z.string(), dueAt: Instant }),
  /** 'day': not a working day; 'hours': a working day but outside start..end. */
  z.object({
    kind: z.literal('outside_working_hours'),
    reason: z.enum(['day', 'hours']),
    workingHours: z.object({ days: z.array(z.number().int()), start: z.string(), end: z.string(), zone: z.string() }),
  }),
  /** On a Chilean national public holiday. */
  z.object({ kind: z.literal('holiday'), date: LocalDate, name: z.string() }),
  /** The holiday table does not cover that year: no guess either way. */
  z.object({ kind: z.literal('holiday_data_unavailable'), date: LocalDate, year: z.number().int() }),
]);
export type ScheduleWarning = z.infer<typeof ScheduleWarning>;
export type ScheduleWarningKind = ScheduleWarning['kind'];

/** A local change of a session, as the outbox carries it. */
export const SessionChangeKind = z.enum(['schedule', 'reschedule', 'cancel', 'outcome']);
export type SessionChangeKind = z.infer<typeof SessionChangeKind>;

/** A session as the agenda and the case view show it. */
export const SessionView = Session.extend({
  folio: z.string(),
  consumerName: z.string(),
  companyName: z.string(),
  endsAt: Instant,
  warnings: z.array(ScheduleWarning),
  /** Local changes the platform has not accepted yet (status shown as "sent, not confirmed"). */
  pendingSync: z.boolean(),
  /**
   * The mediator's last change the platform refused ('conflict': the session had changed there,
   * stale version; 'rejected': not allowed). The platform's session is what is shown; the
   * mediator may redo the change. Cleared by the next change of the session.
   */
  refusedChange: z.object({ change: SessionChangeKind, code: z.enum(['conflict', 'rejected']), at: Instant }).nullable(),
});
export type SessionView = z.infer<typeof SessionView>;

export const AgendaDeadline = z.object({
  id: EntityId,
  caseId: EntityId,
  folio: z.string(),
  kind: DeadlineKind,
  dueAt: Instant,
  state: DeadlineState,
});
export type AgendaDeadline = z.infer<typeof AgendaDeadline>;

/** A block of the mediator's other commitments (imported .ics): local only, never synced. */
export const BusyBlock = z.object({
  id: EntityId,
  fileName: z.string(),
  summary: z.string().nullable(),
  startsAt: Instant,
  endsAt: Instant,
});
export type BusyBlock = z.infer<typeof BusyBlock>;

export const Agenda = z.object({
  sessions: z.array(SessionView),
  /** Open deadlines of the caller's cases due in the range. */
  deadlines: z.array(AgendaDeadline),
  busy: z.array(BusyBlock),
});
export type Agenda = z.infer<typeof Agenda>;

export const ListCaseSessionsInput = z.object({ caseId: EntityId });

/** Deliberately loose on zone and duration: an impossible time comes back as `refusal` data, not an error. */
export const CheckScheduleInput = z.object({
  caseId: EntityId,
  start: z.object({ localDateTime: LocalStartInput.shape.localDateTime, zone: z.string().max(64) }),
  durationMinutes: z.number().int().min(-100_000).max(100_000),
  /** When rescheduling: the session itself is not an overlap. */
  sessionId: EntityId.optional(),
});

/** Live answer while picking a time: the resolved instants, or why the time is impossible. */
export const ScheduleCheck = z.object({
  startsAt: Instant.nullable(),
  endsAt: Instant.nullable(),
  refusal: z.object({ reason: ScheduleRefusal, path: z.string(), message: z.string() }).nullable(),
  warnings: z.array(ScheduleWarning),
});
export type ScheduleCheck = z.infer<typeof ScheduleCheck>;

/** shared/schedule ScheduleRequest, with reason-coded checks on start and duration. */
export const ScheduleSessionInput = z.object({
  caseId: EntityId,
  kind: SessionKind,
  mode: SessionMode,
  start: LocalStartInput,
  durationMinutes: DurationInput,
});

export const RescheduleSessionInput = z.object({
  sessionId: EntityId,
  start: LocalStartInput,
  durationMinutes: DurationInput,
  /** A new link or place; unchanged when absent. */
  mode: SessionMode.optional(),
  expectedVersion: Version,
});

export const CancelSessionInput = z.object({ sessionId: EntityId, expectedVersion: Version });

export const SessionOutcome = z.enum(['held', 'no_show']);
export type SessionOutcome = z.infer<typeof SessionOutcome>;
export const RecordSessionOutcomeInput = z.object({ sessionId: EntityId, outcome: SessionOutcome, expectedVersion: Version });

export const SessionRef = z.object({ sessionId: EntityId });

/** The mediator's private minutes of a session: local only, never synced, never exported. */
export const SessionMinutes = z.object({ sessionId: EntityId, minutes: z.string(), updatedAt: Instant.nullable() });
export type SessionMinutes = z.infer<typeof SessionMinutes>;
export const SaveSessionMinutesInput = z.object({ sessionId: EntityId, minutes: z.string().max(50_000) });

/** An .ics file to save (RFC 5545, METHOD:REQUEST, or CANCEL for a cancelled session). */
export const IcsFile = z.object({ fileName: z.string(), content: z.string() });
export type IcsFile = z.infer<typeof IcsFile>;

export const MAX_CALENDAR_IMPORT_BYTES = 2 * 1024 * 1024;
export const ImportBusyCalendarInput = z.object({
  /** Re-importing the same file name replaces what it imported before. */
  fileName: z.string().trim().min(1).max(255),
  content: z.string().max(MAX_CALENDAR_IMPORT_BYTES),
});

/**
 * Things in an accepted file that were left out or read approximately, counted by reason.
 * 'unknown_timezone': events that WERE imported, but with an unknown TZID read as UTC.
 */
export const CalendarImportWarningCode = z.enum(['skipped_event', 'recurrence_truncated', 'outside_window', 'unknown_timezone']);
export type CalendarImportWarningCode = z.infer<typeof CalendarImportWarningCode>;
export const CalendarImportResult = z.object({
  imported: z.number().int().min(0),
  skipped: z.number().int().min(0),
  warnings: z.array(z.object({ code: CalendarImportWarningCode, count: z.number().int().min(1) })),
});
export type CalendarImportResult = z.infer<typeof CalendarImportResult>;

/** Minutes before: at most 5 leads, each up to 14 days. */
const LeadMinutes = z.array(z.number().int().min(1).max(14 * 24 * 60)).max(5);
export const ScheduleSettings = z.object({
  workingHours: WorkingHours,
  reminders: z.object({ sessionLeadMinutes: LeadMinutes, deadlineLeadMinutes: LeadMinutes }),
});
export type ScheduleSettings = z.infer<typeof ScheduleSettings>;

export const DEFAULT_REMINDERS: ScheduleSettings['reminders'] = Object.freeze({ sessionLeadMinutes: [1440, 60], deadlineLeadMinutes: [1440] });
