import type { ScheduleSettings } from '../../../../shared/contract/schedule';
import { normalizeTime } from '../cases/sessions/schedule-form';

/** The lead times offered as checkboxes, in minutes before the session or deadline. */
export const SESSION_LEAD_OPTIONS = [1440, 120, 60, 15] as const;
export const DEADLINE_LEAD_OPTIONS = [2880, 1440] as const;
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

/** What the "Preferencias de agenda" dialog edits; times stay as typed until saved. */
export interface ScheduleSettingsForm {
  readonly days: readonly number[];
  readonly start: string;
  readonly end: string;
  readonly zone: string;
  readonly sessionLeadMinutes: readonly number[];
  readonly deadlineLeadMinutes: readonly number[];
}

export type SettingsProblem = 'start_invalid' | 'end_invalid' | 'end_before_start' | 'no_days';

export const settingsForm = (settings: ScheduleSettings): ScheduleSettingsForm => ({
  days: settings.workingHours.days,
  start: settings.workingHours.start,
  end: settings.workingHours.end,
  zone: settings.workingHours.zone,
  sessionLeadMinutes: settings.reminders.sessionLeadMinutes,
  deadlineLeadMinutes: settings.reminders.deadlineLeadMinutes,
});

/** Adds or removes one value, keeping the list sorted (days ascending, leads longest first). */
export const toggled = (list: readonly number[], value: number, on: boolean, order: 'asc' | 'desc'): number[] =>
  [...new Set(on ? [...list, value] : list.filter((v) => v !== value))].sort((a, b) => (order === 'asc' ? a - b : b - a));

/** What keeps the form from being saved, each shown next to its field. */
export function settingsProblems(form: ScheduleSettingsForm): SettingsProblem[] {
  const problems: SettingsProblem[] = [];
  const start = normalizeTime(form.start);
  const end = normalizeTime(form.end);
  if (start === null) problems.push('start_invalid');
  if (end === null) problems.push('end_invalid');
  if (start !== null && end !== null && end <= start) problems.push('end_before_start');
  if (form.days.length === 0) problems.push('no_days');
  return problems;
}

/** The settings to save, or null while the form has a problem. */
export function settingsOf(form: ScheduleSettingsForm): ScheduleSettings | null {
  const start = normalizeTime(form.start);
  const end = normalizeTime(form.end);
  if (start === null || end === null || settingsProblems(form).length > 0) return null;
  return {
    workingHours: { days: [...form.days], start, end, zone: form.zone },
    reminders: { sessionLeadMinutes: [...form.sessionLeadMinutes], deadlineLeadMinutes: [...form.deadlineLeadMinutes] },
  };
}
