import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { computeDueAt, deadlineState, dueLocalDate, endOfLocalDay, isBusinessDay, localDateOf, remainingTime, SANTIAGO } from '../../shared/domain/deadlines';
import { HolidayCoverageError } from '../../shared/domain/holidays';

/** The same instant as Santiago wall time with its offset, so expectations read like a Chilean clock. */
const local = (instant: string) => Temporal.Instant.from(instant).toZonedDateTimeISO(SANTIAGO).toString({ fractionalSecondDigits: 3, timeZoneName: 'never' });

/** The instants of each DST switch in a year, straight from the zone rules Temporal uses. */
function switchesOf(year: number): Temporal.ZonedDateTime[] {
  const found: Temporal.ZonedDateTime[] = [];
  let cursor: Temporal.ZonedDateTime | null = Temporal.ZonedDateTime.from({ year, month: 1, day: 1, timeZone: SANTIAGO });
  while ((cursor = cursor.getTimeZoneTransition('next')) && cursor.year === year) found.push(cursor);
  return found;
}

describe('America/Santiago DST rules as Temporal sees them (verified, not assumed)', () => {
  it.each([
    [2025, ['2025-04-06T03:00:00Z', '2025-09-07T04:00:00Z']],
    [2026, ['2026-04-05T03:00:00Z', '2026-09-06T04:00:00Z']],
    [2027, ['2027-04-04T03:00:00Z', '2027-09-05T04:00:00Z']],
  ] as const)('%i switches at 24:00 of the first Saturday of April and of September', (year, instants) => {
    const switches = switchesOf(year);
    expect(switches.map((z) => z.toInstant().toString())).toEqual(instants);
    // April: 24:00 −03 becomes 23:00 −04 on the Saturday; September: 24:00 −04 becomes 01:00 −03 on Sunday.
    const [april, september] = switches;
    expect(april?.toString()).toMatch(/T23:00:00-04:00\[/);
    expect(april?.toPlainDate().dayOfWeek).toBe(6);
    expect(april?.day).toBeLessThanOrEqual(7);
    expect(september?.toString()).toMatch(/T01:00:00-03:00\[/);
    expect(september?.toPlainDate().dayOfWeek).toBe(7);
    expect(september?.day).toBeLessThanOrEqual(8);
  });
});

describe('endOfLocalDay', () => {
  it.each([
    // Day before April switch: still −03.
    ['2026-04-03', '2026-04-04T02:59:59.999Z', '2026-04-03T23:59:59.999-03:00'],
    // April switch day (25 h): the day ends at the SECOND 23:59:59.999, already at −04.
    ['2025-04-05', '2025-04-06T03:59:59.999Z', '2025-04-05T23:59:59.999-04:00'],
    ['2026-04-04', '2026-04-05T03:59:59.999Z', '2026-04-04T23:59:59.999-04:00'],
    ['2027-04-03', '2027-04-04T03:59:59.999Z', '2027-04-03T23:59:59.999-04:00'],
    // September switch day: the next day starts at 01:00 −03, so this one ends at 23:59:59.999 −04.
    ['2025-09-06', '2025-09-07T03:59:59.999Z', '2025-09-06T23:59:59.999-04:00'],
    ['2026-09-05', '2026-09-06T03:59:59.999Z', '2026-09-05T23:59:59.999-04:00'],
    ['2027-09-04', '2027-09-05T03:59:59.999Z', '2027-09-04T23:59:59.999-04:00'],
    // The Sunday after the September switch is 23 h long and ends at −03.
    ['2026-09-06', '2026-09-07T02:59:59.999Z', '2026-09-06T23:59:59.999-03:00'],
  ])('%s ends at %s (%s)', (date, utc, wall) => {
    expect(endOfLocalDay(date)).toBe(utc);
    expect(local(utc)).toBe(wall);
  });

  it('ends every day of 2025-2027 one millisecond before the next local day starts', () => {
    let date = Temporal.PlainDate.from('2025-01-01');
    let previousEnd = Temporal.Instant.from(endOfLocalDay('2024-12-31'));
    const hoursPerDay = new Map<number, number>();
    while (date.year <= 2027) {
      const end = Temporal.Instant.from(endOfLocalDay(date.toString()));
      expect(localDateOf(end.toString())).toBe(date.toString());
      expect(localDateOf(end.add({ milliseconds: 1 }).toString())).toBe(date.add({ days: 1 }).toString());
      const hours = (end.epochMilliseconds - previousEnd.epochMilliseconds) / 3_600_000;
      hoursPerDay.set(hours, (hoursPerDay.get(hours) ?? 0) + 1);
      previousEnd = end;
      date = date.add({ days: 1 });
    }
    // 3 long days (April), 3 short days (September), the rest exactly 24 h.
    expect(Object.fromEntries(hoursPerDay)).toEqual({ 24: 365 + 365 + 365 - 6, 25: 3, 23: 3 });
  });
});

describe('computeDueAt', () => {
  it.each([
    ['1 calendar day from Good Friday 2026 ends on the April switch day', '2026-04-03T15:00:00.000Z', 'calendar', 1, '2026-04-04T23:59:59.999-04:00'],
    ['1 calendar day across the September 2025 switch', '2025-09-06T15:00:00.000Z', 'calendar', 1, '2025-09-07T23:59:59.999-03:00'],
    ['2 calendar days across the April 2027 switch', '2027-04-02T12:00:00.000Z', 'calendar', 2, '2027-04-04T23:59:59.999-04:00'],
    ['14 calendar days across the September 2027 switch', '2027-08-30T13:00:00.000Z', 'calendar', 14, '2027-09-13T23:59:59.999-03:00'],
    ['0 days: the end of the start day', '2026-05-12T14:00:00.000Z', 'calendar', 0, '2026-05-12T23:59:59.999-04:00'],
    ['the local date counts, not the UTC one (23:30 local on 14 Jan)', '2026-01-15T02:30:00.000Z', 'calendar', 1, '2026-01-15T23:59:59.999-03:00'],
    ['7 calendar days over the year end', '2025-12-28T18:00:00.000Z', 'calendar', 7, '2026-01-04T23:59:59.999-03:00'],
    ['5 business days over Fiestas Patrias 2026 (18 Fri holiday)', '2026-09-16T15:00:00.000Z', 'business', 5, '2026-09-24T23:59:59.999-03:00'],
    ['3 business days over Fiestas Patrias 2025 (18 Thu, 19 Fri)', '2025-09-16T15:00:00.000Z', 'business', 3, '2025-09-23T23:59:59.999-03:00'],
    ['3 business days over Easter 2026 and the April switch', '2026-04-02T15:00:00.000Z', 'business', 3, '2026-04-08T23:59:59.999-04:00'],
    ['3 business days over Easter 2027', '2027-03-25T15:00:00.000Z', 'business', 3, '2027-03-31T23:59:59.999-03:00'],
    ['5 business days over the 2025→2026 year end', '2025-12-30T15:00:00.000Z', 'business', 5, '2026-01-07T23:59:59.999-03:00'],
    ['1 business day over the moved San Pedro y San Pablo 2027', '2027-06-25T15:00:00.000Z', 'business', 1, '2027-06-29T23:59:59.999-04:00'],
    ['started on a Saturday, counting starts Monday', '2026-03-07T15:00:00.000Z', 'business', 1, '2026-03-09T23:59:59.999-03:00'],
    ['5 business days across the September 2026 switch', '2026-09-03T15:00:00.000Z', 'business', 5, '2026-09-10T23:59:59.999-03:00'],
  ] as const)('%s', (_label, startsAt, count, days, wall) => {
    const dueAt = computeDueAt({ startsAt, count, days });
    expect(dueAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.999Z$/);
    expect(local(dueAt)).toBe(wall);
    expect(dueLocalDate({ startsAt, count, days })).toBe(wall.slice(0, 10));
  });

  it('gives the explicit UTC instants for the April 2026 switch', () => {
    expect(computeDueAt({ startsAt: '2026-04-03T15:00:00.000Z', count: 'calendar', days: 1 })).toBe('2026-04-05T03:59:59.999Z');
    expect(computeDueAt({ startsAt: '2026-04-02T15:00:00.000Z', count: 'calendar', days: 1 })).toBe('2026-04-04T02:59:59.999Z');
  });

  it('fails loudly when a business count reaches a year without holiday data', () => {
    expect(() => computeDueAt({ startsAt: '2027-12-28T15:00:00.000Z', count: 'business', days: 5 })).toThrow(HolidayCoverageError);
    expect(() => computeDueAt({ startsAt: '2024-12-20T15:00:00.000Z', count: 'business', days: 1 })).toThrow(HolidayCoverageError);
    // Calendar counts need no holidays and work in any year.
    expect(computeDueAt({ startsAt: '2027-12-28T15:00:00.000Z', count: 'calendar', days: 7 })).toBe('2028-01-05T02:59:59.999Z');
  });

  it('honours another zone when asked', () => {
    expect(computeDueAt({ startsAt: '2026-06-01T12:00:00.000Z', count: 'calendar', days: 1, zone: 'UTC' })).toBe('2026-06-02T23:59:59.999Z');
  });

  it.each([-1, 1.5, 366, Number.NaN])('rejects days = %s', (days) => {
    expect(() => computeDueAt({ startsAt: '2026-06-01T12:00:00.000Z', count: 'calendar', days })).toThrow(RangeError);
  });

  it('rejects a startsAt that is not an instant', () => {
    expect(() => computeDueAt({ startsAt: '2026-06-01', count: 'calendar', days: 1 })).toThrow(RangeError);
  });
});

describe('isBusinessDay', () => {
  it.each([
    ['2026-09-17', true],
    ['2026-09-18', false],
    ['2026-09-19', false],
    ['2026-09-20', false],
    ['2026-09-21', true],
    ['2027-06-28', false],
    ['2027-06-29', true],
  ] as const)('%s → %s', (date, want) => {
    expect(isBusinessDay(date)).toBe(want);
  });
});

describe('deadlineState', () => {
  const due = '2026-05-20T03:59:59.999Z';
  it.each([
    ['open, a week left', 'open', '2026-05-13T03:59:59.999Z', 'on_track'],
    ['open, just over 48 h left', 'open', '2026-05-18T03:59:59.998Z', 'on_track'],
    ['open, exactly 48 h left', 'open', '2026-05-18T03:59:59.999Z', 'due_soon'],
    ['open, 1 ms left', 'open', '2026-05-20T03:59:59.998Z', 'due_soon'],
    ['open, at the due instant', 'open', due, 'due_soon'],
    ['open, 1 ms late', 'open', '2026-05-20T04:00:00.000Z', 'overdue'],
    ['met', 'met', '2026-06-20T00:00:00.000Z', 'none'],
    ['breached', 'breached', '2026-06-20T00:00:00.000Z', 'none'],
    ['cancelled', 'cancelled', '2026-05-19T00:00:00.000Z', 'none'],
  ] as const)('%s → %s', (_label, status, now, want) => {
    expect(deadlineState(due, status, now)).toBe(want);
  });
});

describe('remainingTime', () => {
  it('splits the time left into parts', () => {
    expect(remainingTime('2026-05-20T03:59:59.999Z', '2026-05-17T23:30:00.000Z')).toEqual({
      overdue: false,
      totalMs: (2 * 86_400 + 4 * 3_600 + 29 * 60 + 59) * 1000 + 999,
      days: 2,
      hours: 4,
      minutes: 29,
      seconds: 59,
    });
  });

  it('counts overdue time the other way', () => {
    expect(remainingTime('2026-05-20T03:59:59.999Z', '2026-05-20T07:00:00.000Z')).toMatchObject({ overdue: true, days: 0, hours: 3, minutes: 0, seconds: 0 });
  });

  it('uses exact elapsed time across a DST switch (25 h day = 1 d 1 h)', () => {
    expect(remainingTime(endOfLocalDay('2026-04-04'), endOfLocalDay('2026-04-03'))).toMatchObject({ days: 1, hours: 1, minutes: 0 });
  });
});
