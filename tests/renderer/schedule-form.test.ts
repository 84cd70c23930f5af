import { describe, expect, it } from 'vitest';
import { dateFieldText, durationRefusal, isHttpsUrl, localDateTimeOfForm, modeOf, newSessionForm, normalizeDate, normalizeTime } from '../../renderer/src/features/cases/sessions/schedule-form';

describe('the scheduling form', () => {
  it('reads 24-hour times as typed', () => {
    expect(normalizeTime('9:30')).toBe('09:30');
    expect(normalizeTime('0930')).toBe('09:30');
    expect(normalizeTime('00:30')).toBe('00:30');
    expect(normalizeTime('24:00')).toBeNull();
    expect(normalizeTime('8:30 PM')).toBeNull();
  });

  it('reads day-first dates as typed (dd-mm-aaaa), refusing what is not a calendar date', () => {
    expect(normalizeDate('05-09-2027')).toBe('2027-09-05');
    expect(normalizeDate('5/9/2027')).toBe('2027-09-05');
    expect(normalizeDate(' 29.02.2028 ')).toBe('2028-02-29');
    expect(normalizeDate('29-02-2027')).toBeNull();
    expect(normalizeDate('31-04-2027')).toBeNull();
    expect(normalizeDate('00-09-2027')).toBeNull();
    expect(normalizeDate('05-13-2027')).toBeNull();
    expect(normalizeDate('05-09-27')).toBeNull();
    expect(normalizeDate('2027-09-05')).toBeNull();
    expect(normalizeDate('')).toBeNull();
    expect(dateFieldText('2027-09-05')).toBe('05-09-2027');
  });

  it('refuses durations the way the contract does', () => {
    expect(durationRefusal(0)).toBe('end_before_start');
    expect(durationRefusal(-30)).toBe('end_before_start');
    expect(durationRefusal(10)).toBe('duration_out_of_range');
    expect(durationRefusal(481)).toBe('duration_out_of_range');
    expect(durationRefusal(null)).toBe('duration_out_of_range');
    expect(durationRefusal(60)).toBeNull();
  });

  it('accepts only https links for video sessions', () => {
    expect(isHttpsUrl('https://meet.example.cl/abc')).toBe(true);
    expect(isHttpsUrl('http://meet.example.cl/abc')).toBe(false);
    expect(isHttpsUrl('javascript:alert(1)')).toBe(false);
    const form = newSessionForm('2026-11-20T12:00:00Z', 'America/Santiago');
    expect(modeOf({ ...form, url: 'http://x.example' })).toBeNull();
    expect(modeOf({ ...form, modeType: 'place', address: '  Sala 3, Huérfanos 1234 ' })).toEqual({ type: 'place', address: 'Sala 3, Huérfanos 1234' });
  });

  it('proposes the next working day at 10:00 in the mediator’s zone', () => {
    // Friday 20 November 2026 → Monday the 23rd.
    const form = newSessionForm('2026-11-20T12:00:00Z', 'America/Santiago');
    expect([form.date, form.time, form.zone, form.duration]).toEqual(['23-11-2026', '10:00', 'America/Santiago', '60']);
    expect(localDateTimeOfForm({ ...form, time: '9:05' })).toBe('2026-11-23T09:05');
    expect(localDateTimeOfForm({ ...form, date: '' })).toBeNull();
    expect(localDateTimeOfForm({ ...form, date: '31-11-2026' })).toBeNull();
  });
});
