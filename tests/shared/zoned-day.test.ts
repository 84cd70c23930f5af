import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { addDays, dateOfEpochDay, epochDay, instantMs, isoWeekdayOfEpochDay, localEpochDayOf, startOfLocalDayMs } from '../../shared/domain/zoned-day';

describe('zoned-day (the fast path must agree with Temporal)', () => {
  it('parses instants strictly', () => {
    expect(instantMs('2026-04-05T03:00:00.000Z')).toBe(Date.UTC(2026, 3, 5, 3));
    expect(instantMs('2026-04-05T03:00:00Z')).toBe(Date.UTC(2026, 3, 5, 3));
    expect(instantMs('2026-04-05T00:00:00-03:00')).toBe(Date.UTC(2026, 3, 5, 3));
    for (const bad of ['2026-04-05', 'hola', '', '2026-02-30T00:00:00Z']) expect(() => instantMs(bad)).toThrow(RangeError);
  });

  it('does date arithmetic without a zone', () => {
    expect(epochDay('1970-01-01')).toBe(0);
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(() => epochDay('2026-02-29')).toThrow(RangeError);
    expect(() => epochDay('2026-2-01')).toThrow(RangeError);
    expect(isoWeekdayOfEpochDay(epochDay('2026-09-18'))).toBe(5);
    expect(isoWeekdayOfEpochDay(epochDay('1969-12-28'))).toBe(7);
  });

  it('matches Temporal for every hour of 2025-2027 in Santiago and for a few other zones', () => {
    for (const zone of ['America/Santiago', 'Pacific/Easter', 'UTC', 'Asia/Kolkata', 'Pacific/Kiritimati', 'Pacific/Pago_Pago']) {
      const step = zone === 'America/Santiago' ? 3_600_000 : 7 * 3_600_000;
      for (let ms = Date.UTC(2025, 0, 1); ms < Date.UTC(2028, 0, 1); ms += step) {
        const expected = Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(zone).toPlainDate().toString();
        expect(dateOfEpochDay(localEpochDayOf(ms, zone))).toBe(expected);
      }
    }
  });

  it('starts the day after the September switch at 01:00 local', () => {
    expect(new Date(startOfLocalDayMs(epochDay('2026-09-06'), 'America/Santiago')).toISOString()).toBe('2026-09-06T04:00:00.000Z');
    expect(new Date(startOfLocalDayMs(epochDay('2026-04-05'), 'America/Santiago')).toISOString()).toBe('2026-04-05T04:00:00.000Z');
  });
});
