import { Temporal } from 'temporal-polyfill';
import type { Locale } from '../contract/app';
import type { EventPayload } from '../contract/events';
import type { ScheduleRefusal, ScheduleWarning } from '../contract/schedule';
import { formatLocalDate } from '../format/dates';
import { wallTime, zoneLabel } from '../schedule/local-time';
import { isLabelKey } from './enum-labels';
import type { Translator } from './translator';

/**
 * Words for scheduling: refusals (with the DST gap spelled out), warnings with the conflicting
 * item named, working days, and reminders. Plain functions of a Translator, like countdown.ts.
 */

const MONTHS_LONG: Readonly<Record<Locale, readonly string[]>> = {
  'es-CL': ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

/** "6 de septiembre de 2026" / "6 September 2026" for a 'YYYY-MM-DD' date (no zone involved). */
export function longDate(localDate: string, locale: Locale): string {
  const date = Temporal.PlainDate.from(localDate);
  const month = MONTHS_LONG[locale][date.month - 1] ?? '?';
  return locale === 'en' ? `${date.day} ${month} ${date.year}` : `${date.day} de ${month} de ${date.year}`;
}

const hhmm = (time: Temporal.PlainDateTime): string => `${String(time.hour).padStart(2, '0')}:${String(time.minute).padStart(2, '0')}`;

export interface DstGap {
  /** The local date on which the clock jumps (the date of the first existing time after the gap). */
  readonly date: string;
  /** Wall time at which the clock jumps ('00:00'), and the time it jumps to ('01:00'). */
  readonly from: string;
  readonly to: string;
}

/** The clock jump that swallows a typed local time, or null when that time exists (or cannot be read). */
export function dstGap(localDateTime: string, zone: string): DstGap | null {
  try {
    const wall = Temporal.PlainDateTime.from(localDateTime, { overflow: 'reject' });
    const before = wall.toZonedDateTime(zone, { disambiguation: 'earlier' });
    if (before.toPlainDateTime().equals(wall)) return null;
    const transition = before.getTimeZoneTransition('next');
    if (!transition) return null;
    const to = transition.toPlainDateTime();
    const from = to.subtract({ nanoseconds: transition.offsetNanoseconds - before.offsetNanoseconds });
    return { date: to.toPlainDate().toString(), from: hhmm(from), to: hhmm(to) };
  } catch {
    return null;
  }
}

/**
 * Why a typed time cannot be used. For the skipped hour it says exactly what happens:
 * "Esa hora no existe en Chile continental: el reloj salta de 00:00 a 01:00 el 6 de septiembre de 2026."
 */
export function refusalText(i18n: Translator, reason: ScheduleRefusal, start?: { readonly localDateTime: string; readonly zone: string }): string {
  if (reason === 'nonexistent_time' && start) {
    const gap = dstGap(start.localDateTime, start.zone);
    const zone = zoneLabel(start.zone, i18n.locale);
    if (gap) return i18n.t('schedule.nonexistent', { zone, from: gap.from, to: gap.to, date: longDate(gap.date, i18n.locale) });
    return i18n.t('schedule.nonexistentGeneric', { zone });
  }
  return i18n.t(`scheduleRefusal.${reason}`);
}

/** "lun–vie", or "lun, mié, vie" when the days are not a run. */
export function workingDaysText(i18n: Translator, days: readonly number[]): string {
  const sorted = [...new Set(days)].filter((d) => d >= 1 && d <= 7).sort((a, b) => a - b);
  const label = (day: number): string => {
    const key = `weekday.short.${day}`;
    return isLabelKey(key) ? i18n.t(key) : String(day);
  };
  const first = sorted[0];
  const last = sorted.at(-1);
  if (first !== undefined && last !== undefined && sorted.length >= 3 && last - first === sorted.length - 1) return `${label(first)}–${label(last)}`;
  return sorted.map(label).join(', ');
}

/** A warning with the conflicting item named, times on the clock of `zone` (the mediator's). */
export function warningText(i18n: Translator, warning: ScheduleWarning, zone: string): string {
  const { t, locale } = i18n;
  const span = (startsAt: string, endsAt: string) => {
    const start = wallTime(startsAt, zone);
    return { date: formatLocalDate(start.date, locale, 'text'), from: start.time, to: wallTime(endsAt, zone).time };
  };
  switch (warning.kind) {
    case 'overlap':
      if (warning.with.type === 'session') {
        return t('scheduleWarning.overlap', { kind: t(`sessionKind.${warning.with.sessionKind}`), folio: warning.with.folio, ...span(warning.with.startsAt, warning.with.endsAt) });
      }
      return warning.with.summary.trim() === ''
        ? t('scheduleWarning.overlap.busyUntitled', span(warning.with.startsAt, warning.with.endsAt))
        : t('scheduleWarning.overlap.busy', { summary: warning.with.summary.trim(), ...span(warning.with.startsAt, warning.with.endsAt) });
    case 'after_deadline': {
      const due = wallTime(warning.dueAt, zone);
      return t('scheduleWarning.after_deadline', { deadline: t(`deadlineKind.${warning.deadlineKind}`), date: formatLocalDate(due.date, locale, 'text'), time: due.time });
    }
    case 'outside_working_hours': {
      const params = { days: workingDaysText(i18n, warning.workingHours.days), start: warning.workingHours.start, end: warning.workingHours.end };
      return warning.reason === 'day' ? t('scheduleWarning.outside_working_hours.day', params) : t('scheduleWarning.outside_working_hours', params);
    }
    case 'holiday':
      return t('scheduleWarning.holiday', { name: warning.name, date: formatLocalDate(warning.date, locale, 'text') });
    case 'holiday_data_unavailable':
      return t('scheduleWarning.holiday_data_unavailable', { year: String(warning.year), date: formatLocalDate(warning.date, locale, 'text') });
  }
}

/** "1 hora", "2 días", "1 hora y 30 minutos" for a whole number of minutes. */
export function durationText(i18n: Translator, minutes: number): string {
  const whole = Math.max(0, Math.round(minutes));
  if (whole >= 1440 && whole % 1440 === 0) return i18n.plural('time.days', whole / 1440);
  if (whole >= 60) {
    const hours = i18n.plural('time.hours', Math.floor(whole / 60));
    return whole % 60 === 0 ? hours : i18n.t('time.join', { a: hours, b: i18n.plural('time.minutes', whole % 60) });
  }
  return i18n.plural('time.minutes', whole);
}

type Reminder = EventPayload<'reminderDue'>;

/**
 * "Sesión conjunta en 1 hora — RL-2026-000123": the kind, how long until it, the folio. Never
 * party names or case text (the same words go to the OS notification). The time left is
 * counted from `now`, so a reminder shown late does not claim a full hour.
 */
export function reminderText(i18n: Translator, reminder: Reminder, now: string): string {
  const labelKey = reminder.kind === 'session' ? `sessionKind.${reminder.subject}` : `deadlineKind.${reminder.subject}`;
  const kind = isLabelKey(labelKey) ? i18n.t(labelKey) : reminder.subject;
  const minutesLeft = Math.round((Date.parse(reminder.at) - Date.parse(now)) / 60_000);
  if (reminder.kind === 'deadline') return i18n.t('reminder.deadline', { kind, time: durationText(i18n, Math.max(minutesLeft, 0)), folio: reminder.folio });
  if (minutesLeft <= 0) return i18n.t('reminder.sessionNow', { kind, folio: reminder.folio });
  return i18n.t('reminder.session', { kind, time: durationText(i18n, minutesLeft), folio: reminder.folio });
}
