import { describe, expect, it } from 'vitest';
import { settingsOf, settingsProblems, toggled, type ScheduleSettingsForm } from '../../renderer/src/features/agenda/schedule-settings-form';

const form: ScheduleSettingsForm = { days: [1, 2, 3, 4, 5], start: '9:00', end: '18:00', zone: 'America/Santiago', sessionLeadMinutes: [1440, 60], deadlineLeadMinutes: [1440] };

describe('the agenda preferences form', () => {
  it('saves typed 24-hour times normalized', () => {
    expect(settingsOf(form)).toEqual({ workingHours: { days: [1, 2, 3, 4, 5], start: '09:00', end: '18:00', zone: 'America/Santiago' }, reminders: { sessionLeadMinutes: [1440, 60], deadlineLeadMinutes: [1440] } });
  });

  it('refuses an end not after the start, no working day, or a time that is not one', () => {
    expect(settingsProblems({ ...form, end: '09:00' })).toEqual(['end_before_start']);
    expect(settingsProblems({ ...form, days: [] })).toEqual(['no_days']);
    expect(settingsProblems({ ...form, start: '8:30 PM' })).toEqual(['start_invalid']);
    expect(settingsOf({ ...form, end: '08:00' })).toBeNull();
  });

  it('toggles days and lead times, keeping lead times it does not offer', () => {
    expect(toggled([1, 5], 3, true, 'asc')).toEqual([1, 3, 5]);
    expect(toggled([1440, 60, 30], 120, true, 'desc')).toEqual([1440, 120, 60, 30]);
    expect(toggled([1440, 60], 60, false, 'desc')).toEqual([1440]);
  });
});
