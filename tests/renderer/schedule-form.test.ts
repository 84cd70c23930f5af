import { describe, expect, it } from 'vitest';
import { durationRefusal, isHttpsUrl, localDateTimeOfForm, modeOf, newSessionForm, normalizeTime } from '../../renderer/src/features/cases/sessions/schedule-form';

describe('the scheduling form', () => {
  it('reads 24-hour times as typed', () => {
    expect(normalizeTime('9:30')).toBe('09:30');
    expect(normalizeTime('0930')).toBe('09:30');
    expect(normalizeTime('00:30')).toBe('00:30');
    expect(normalizeTime('24:00')).toBeNull();
    expect(normalizeTime('8:30 PM')).toBeNull();
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
    expect([form.date, form.time, form.zone, form.duration]).toEqual(['2026-11-23', '10:00', 'America/Santiago', '60']);
    expect(localDateTimeOfForm({ ...form, time: '9:05' })).toBe('2026-11-23T09:05');
    expect(localDateTimeOfForm({ ...form, date: '' })).toBeNull();
  });
});
