import { z } from 'zod';
import { EntityId, Instant } from '../domain/ids';
import { isIanaZone } from './zone';

/**
 * Sessions: what a mediator schedules with the parties. Stored as a UTC instant plus the IANA
 * zone it was planned in (the zone decides what "the same time next week" and the .ics TZID
 * mean). The mediator's private minutes are NOT part of this record on purpose: everything
 * here may end up in an invitation or in the platform; minutes live elsewhere.
 */

/** An IANA zone name ('America/Santiago', 'Pacific/Easter', 'UTC'); fixed offsets are refused. */
export const IanaZone = z.string().min(1).max(64).refine(isIanaZone, 'zona horaria IANA desconocida');
export type IanaZone = z.infer<typeof IanaZone>;

export const SessionKind = z.enum(['joint', 'caucus_consumer', 'caucus_company']);
export type SessionKind = z.infer<typeof SessionKind>;

/** Only https links: an invitation is opened with one click in the parties' calendars. */
const HttpsUrl = z
  .url({ protocol: /^https$/ })
  .max(2_000);

export const SessionMode = z.discriminatedUnion('type', [
  z.object({ type: z.literal('video'), url: HttpsUrl }),
  z.object({ type: z.literal('place'), address: z.string().trim().min(1).max(300) }),
]);
export type SessionMode = z.infer<typeof SessionMode>;

export const SessionStatus = z.enum(['proposed', 'confirmed', 'rescheduled', 'cancelled', 'held', 'no_show']);
export type SessionStatus = z.infer<typeof SessionStatus>;

export const ParticipantRole = z.enum(['consumer', 'company', 'mediator']);
export type ParticipantRole = z.infer<typeof ParticipantRole>;

export const Confirmation = z.enum(['pending', 'confirmed', 'declined']);
export type Confirmation = z.infer<typeof Confirmation>;

export const Participant = z.object({
  role: ParticipantRole,
  name: z.string().trim().min(1).max(200),
  zone: IanaZone,
  confirmation: Confirmation,
});
export type Participant = z.infer<typeof Participant>;

export const MIN_DURATION_MINUTES = 15;
export const MAX_DURATION_MINUTES = 480;
export const DurationMinutes = z.number().int().min(MIN_DURATION_MINUTES).max(MAX_DURATION_MINUTES);

export const Session = z.object({
  id: EntityId,
  caseId: EntityId,
  kind: SessionKind,
  mode: SessionMode,
  /** UTC instant the session starts. */
  startsAt: Instant,
  /** The IANA zone it was planned in (the mediator's zone at the time); the .ics TZID. */
  zone: IanaZone,
  durationMinutes: DurationMinutes,
  participants: z.array(Participant).max(20),
  status: SessionStatus,
  /** RFC 5545 SEQUENCE: +1 on every change the parties must see (time, place, cancellation). */
  sequence: z.number().int().min(0),
  /** Optimistic-concurrency version of the record (sync). */
  version: z.number().int().min(1),
  updatedAt: Instant,
});
export type Session = z.infer<typeof Session>;

/** A wall-clock time typed by the mediator, before it is resolved to an instant (local-time.ts). */
export const LocalStart = z.object({
  localDateTime: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'formato esperado AAAA-MM-DDTHH:mm'),
  zone: IanaZone,
});
export type LocalStart = z.infer<typeof LocalStart>;

export const ScheduleRequest = z.object({
  caseId: EntityId,
  kind: SessionKind,
  mode: SessionMode,
  start: LocalStart,
  durationMinutes: DurationMinutes,
});
export type ScheduleRequest = z.infer<typeof ScheduleRequest>;

const HourMinute = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'formato esperado HH:mm');
/** ISO weekday: 1 = Monday … 7 = Sunday. */
export const IsoWeekday = z.number().int().min(1).max(7);

/** The mediator's working hours, in a zone. `end` is exclusive; it must be after `start` (no overnight shifts). */
export const WorkingHours = z
  .object({
    days: z.array(IsoWeekday).max(7),
    start: HourMinute,
    end: HourMinute,
    zone: IanaZone,
  })
  .refine((hours) => hours.start < hours.end, { message: 'la hora de término debe ser posterior a la de inicio', path: ['end'] });
export type WorkingHours = z.infer<typeof WorkingHours>;

export const DEFAULT_WORKING_HOURS: WorkingHours = Object.freeze({
  days: Object.freeze([1, 2, 3, 4, 5]) as number[],
  start: '09:00',
  end: '18:00',
  zone: 'America/Santiago',
});
