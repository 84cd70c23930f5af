import type { ScheduleRefusal, SessionView } from '../../../../../shared/contract/schedule';
import { localDateOf } from '../../../../../shared/domain/deadlines';
import { addDays, epochDay, isoWeekdayOfEpochDay } from '../../../../../shared/domain/zoned-day';
import { localDateTimeOf } from '../../../../../shared/schedule/local-time';
import { MAX_DURATION_MINUTES, MIN_DURATION_MINUTES, type SessionKind, type SessionMode } from '../../../../../shared/schedule/session';

/** What the scheduling dialog edits, as typed (strings stay strings until submitted). */
export interface ScheduleForm {
  readonly kind: SessionKind;
  readonly modeType: SessionMode['type'];
  readonly url: string;
  readonly address: string;
  /** 'YYYY-MM-DD' and 'HH:mm' from the date and time inputs. */
  readonly date: string;
  readonly time: string;
  readonly zone: string;
  readonly duration: string;
}

/** A new session: the next working day at 10:00, one hour, by video, in the mediator's zone. */
export function newSessionForm(nowIso: string, zone: string): ScheduleForm {
  let date = addDays(localDateOf(nowIso, zone), 1);
  while (isoWeekdayOfEpochDay(epochDay(date)) > 5) date = addDays(date, 1);
  return { kind: 'joint', modeType: 'video', url: '', address: '', date, time: '10:00', zone, duration: '60' };
}

/** Rescheduling: the session's own wall time in the zone it was planned in. */
export function sessionForm(session: SessionView): ScheduleForm {
  const [date = '', time = ''] = localDateTimeOf(session.startsAt, session.zone).split('T');
  return {
    kind: session.kind,
    modeType: session.mode.type,
    url: session.mode.type === 'video' ? session.mode.url : '',
    address: session.mode.type === 'place' ? session.mode.address : '',
    date,
    time,
    zone: session.zone,
    duration: String(session.durationMinutes),
  };
}

export const isHttpsUrl = (text: string): boolean => {
  try {
    const url = new URL(text.trim());
    return url.protocol === 'https:' && url.hostname !== '';
  } catch {
    return false;
  }
};

/** A typed 24-hour time as 'HH:mm' ('9:30' → '09:30', '0930' → '09:30'), or null when it is not one. */
export function normalizeTime(text: string): string | null {
  const match = /^\s*([01]?\d|2[0-3])[:.h]?([0-5]\d)\s*$/.exec(text);
  return match ? `${(match[1] ?? '').padStart(2, '0')}:${match[2] ?? ''}` : null;
}

/** The typed local start, or null while the date or time is incomplete. */
export function localDateTimeOfForm(form: ScheduleForm): string | null {
  const time = normalizeTime(form.time);
  return /^\d{4}-\d{2}-\d{2}$/.test(form.date) && time !== null ? `${form.date}T${time}` : null;
}

/** The duration as a whole number of minutes, or null when it is not one. */
export const durationOf = (form: ScheduleForm): number | null => (/^-?\d+$/.test(form.duration.trim()) ? Number(form.duration.trim()) : null);

/** A problem the form can see by itself (before asking the core): refuses the same way the contract does. */
export function durationRefusal(minutes: number | null): ScheduleRefusal | null {
  if (minutes === null) return 'duration_out_of_range';
  if (minutes <= 0) return 'end_before_start';
  if (minutes < MIN_DURATION_MINUTES || minutes > MAX_DURATION_MINUTES) return 'duration_out_of_range';
  return null;
}

/** The session mode to send, or null while the link or place is missing or not https. */
export function modeOf(form: ScheduleForm): SessionMode | null {
  if (form.modeType === 'video') return isHttpsUrl(form.url) ? { type: 'video', url: form.url.trim() } : null;
  return form.address.trim() === '' ? null : { type: 'place', address: form.address.trim() };
}
