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
  /** 'dd-mm-aaaa' and 'HH:mm' as typed in the date and time text fields. */
  readonly date: string;
  readonly time: string;
  readonly zone: string;
  readonly duration: string;
}

/** A new session: the next working day at 10:00, one hour, by video, in the mediator's zone. */
export function newSessionForm(nowIso: string, zone: string): ScheduleForm {
  let date = addDays(localDateOf(nowIso, zone), 1);
  while (isoWeekdayOfEpochDay(epochDay(date)) > 5) date = addDays(date, 1);
  return { kind: 'joint', modeType: 'video', url: '', address: '', date: dateFieldText(date), time: '10:00', zone, duration: '60' };
}

/** Rescheduling: the session's own wall time in the zone it was planned in. */
export function sessionForm(session: SessionView): ScheduleForm {
  const [date = '', time = ''] = localDateTimeOf(session.startsAt, session.zone).split('T');
  return {
    kind: session.kind,
    modeType: session.mode.type,
    url: session.mode.type === 'video' ? session.mode.url : '',
    address: session.mode.type === 'place' ? session.mode.address : '',
    date: date === '' ? '' : dateFieldText(date),
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

/** 'YYYY-MM-DD' as the date field shows it: 'dd-mm-aaaa' (the native date input follows the OS locale). */
export const dateFieldText = (isoDate: string): string => isoDate.split('-').reverse().join('-');

/**
 * A typed day-first date as 'YYYY-MM-DD' ('5-9-2027', '05/09/2027', '05.09.2027' → '2027-09-05'),
 * or null when it is not a calendar date (30-02-2027, a two-digit year).
 */
export function normalizeDate(text: string): string | null {
  const match = /^\s*(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})\s*$/.exec(text);
  if (!match) return null;
  const [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1) return null;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth || year < 1900) return null;
  return `${String(year)}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The typed local start, or null while the date or time is incomplete. */
export function localDateTimeOfForm(form: ScheduleForm): string | null {
  const date = normalizeDate(form.date);
  const time = normalizeTime(form.time);
  return date !== null && time !== null ? `${date}T${time}` : null;
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
