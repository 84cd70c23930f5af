import { describe, expect, it } from 'vitest';
import { formatClp, parseClp } from '../../shared/format/clp';
import { formatDate, formatDateTime, formatLocalDate, formatRelative, formatTime } from '../../shared/format/dates';

describe('formatClp', () => {
  it.each([
    [0, '$0'],
    [990, '$990'],
    [1_000, '$1.000'],
    [150_000, '$150.000'],
    [1_234_567, '$1.234.567'],
    [24_990, '$24.990'],
    [999_999_999_999, '$999.999.999.999'],
    [-2_500, '-$2.500'],
  ])('%i → %s', (amount, text) => {
    expect(formatClp(amount)).toBe(text);
  });

  it.each([1.5, 0.1, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 60])('refuses %s', (amount) => {
    expect(() => formatClp(amount)).toThrow(RangeError);
  });
});

describe('parseClp', () => {
  it.each([
    ['150000', 150_000],
    ['150.000', 150_000],
    ['$150.000', 150_000],
    [' $ 1.234.567 ', 1_234_567],
    ['0', 0],
  ])('%j → %i', (input, amount) => {
    expect(parseClp(input)).toBe(amount);
  });

  it.each(['150,5', '1.5', '15.00', '$', '', 'mil', '-100', '1 000'])('refuses %j', (input) => {
    expect(parseClp(input)).toBeNull();
  });

  it('round-trips with formatClp', () => {
    for (const amount of [0, 7, 990, 12_990, 149_990, 2_499_990]) expect(parseClp(formatClp(amount))).toBe(amount);
  });
});

describe('dates on the Santiago clock', () => {
  // 2026-09-18T02:30Z is still 17 Sep, 23:30 in Santiago (−03 since the September switch).
  it('uses the Santiago date, not the UTC one', () => {
    expect(formatDate('2026-09-18T02:30:00.000Z', 'es-CL')).toBe('17-09-2026');
    expect(formatDate('2026-09-18T03:00:00.000Z', 'es-CL')).toBe('18-09-2026');
  });

  it.each([
    ['es-CL', 'numeric', '18-09-2026', '18-09-2026 14:05'],
    ['es-CL', 'text', '18 sept 2026', '18 sept 2026 14:05'],
    ['en', 'numeric', '18 Sep 2026', '18 Sep 2026, 14:05'],
    ['en', 'text', '18 Sep 2026', '18 Sep 2026, 14:05'],
  ] as const)('%s %s', (locale, style, date, dateTime) => {
    const instant = '2026-09-18T17:05:00.000Z'; // 14:05 −03
    expect(formatDate(instant, locale, style)).toBe(date);
    expect(formatDateTime(instant, locale, style)).toBe(dateTime);
  });

  it('shows winter time at −04', () => {
    expect(formatDateTime('2026-06-01T04:00:00.000Z', 'es-CL')).toBe('01-06-2026 00:00');
    expect(formatTime('2026-06-01T15:59:00.000Z')).toBe('11:59');
  });

  it('shows the repeated hour of the April switch on the Santiago clock', () => {
    expect(formatDateTime('2026-04-05T02:30:00.000Z', 'es-CL')).toBe('04-04-2026 23:30'); // first 23:30, −03
    expect(formatDateTime('2026-04-05T03:30:00.000Z', 'es-CL')).toBe('04-04-2026 23:30'); // second 23:30, −04
  });

  it('formats a local date without any zone shift', () => {
    expect(formatLocalDate('2026-01-01', 'es-CL')).toBe('01-01-2026');
    expect(formatLocalDate('2026-01-01', 'es-CL', 'text')).toBe('1 ene 2026');
    expect(formatLocalDate('2025-12-31', 'en')).toBe('31 Dec 2025');
    expect(() => formatLocalDate('31-12-2025', 'en')).toThrow(RangeError);
  });
});

describe('formatRelative', () => {
  const now = '2026-05-10T12:00:00.000Z';
  it.each([
    ['2026-05-12T16:30:00.000Z', { direction: 'future', units: [{ unit: 'day', value: 2 }, { unit: 'hour', value: 4 }] }],
    ['2026-05-12T12:10:00.000Z', { direction: 'future', units: [{ unit: 'day', value: 2 }] }],
    ['2026-05-10T15:20:00.000Z', { direction: 'future', units: [{ unit: 'hour', value: 3 }, { unit: 'minute', value: 20 }] }],
    ['2026-05-10T12:05:59.000Z', { direction: 'future', units: [{ unit: 'minute', value: 5 }] }],
    ['2026-05-10T12:00:30.000Z', { direction: 'future', units: [] }],
    ['2026-05-10T09:00:00.000Z', { direction: 'past', units: [{ unit: 'hour', value: 3 }] }],
    ['2026-05-01T11:00:00.000Z', { direction: 'past', units: [{ unit: 'day', value: 9 }, { unit: 'hour', value: 1 }] }],
  ] as const)('%s', (target, parts) => {
    expect(formatRelative(target, now)).toEqual(parts);
  });
});
