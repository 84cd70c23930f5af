import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import {
  CHILEAN_HOLIDAYS,
  HOLIDAY_TABLE_YEARS,
  HolidayCoverageError,
  holidayOn,
  holidaysBetween,
  isChileanHoliday,
  isHolidayYearCovered,
} from '../../shared/domain/holidays';

/* The rules, recomputed here independently of the table (ISO weekday: 1 = Monday … 7 = Sunday). */

const date = (y: number, m: number, d: number) => Temporal.PlainDate.from({ year: y, month: m, day: d });

/** Anonymous Gregorian computus (Meeus/Jones/Butcher). */
function easterSunday(y: number): Temporal.PlainDate {
  const a = y % 19;
  const b = Math.floor(y / 100);
  const c = y % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const n = h + l - 7 * m + 114;
  return date(y, Math.floor(n / 31), (n % 31) + 1);
}

/** Ley 19.668: Tue/Wed/Thu → Monday of the same week; Friday → next Monday. */
function ley19668(d: Temporal.PlainDate): Temporal.PlainDate {
  if (d.dayOfWeek >= 2 && d.dayOfWeek <= 4) return d.subtract({ days: d.dayOfWeek - 1 });
  if (d.dayOfWeek === 5) return d.add({ days: 3 });
  return d;
}

/** Ley 20.299: Tuesday → previous Friday; Wednesday → following Friday. */
function ley20299(d: Temporal.PlainDate): Temporal.PlainDate {
  if (d.dayOfWeek === 2) return d.subtract({ days: 4 });
  if (d.dayOfWeek === 3) return d.add({ days: 2 });
  return d;
}

const SOLSTICE: Record<number, string> = { 2025: '2025-06-20', 2026: '2026-06-21', 2027: '2027-06-21' };
const ELECTIONS: Record<number, string[]> = { 2025: ['2025-11-16', '2025-12-14'], 2026: [], 2027: [] };
const FIXED: [number, number][] = [[1, 1], [5, 1], [5, 21], [7, 16], [8, 15], [9, 18], [9, 19], [11, 1], [12, 8], [12, 25]];

function expectedHolidays(y: number): string[] {
  const easter = easterSunday(y);
  const days = [
    ...FIXED.map(([m, d]) => date(y, m, d)),
    easter.subtract({ days: 2 }),
    easter.subtract({ days: 1 }),
    ley19668(date(y, 6, 29)),
    ley19668(date(y, 10, 12)),
    ley20299(date(y, 10, 31)),
  ];
  // Ley 20.215: 17 Sep if Monday, 20 Sep if Friday. Ley 20.983: 2 Jan if 1 Jan is a Sunday.
  if (date(y, 9, 17).dayOfWeek === 1) days.push(date(y, 9, 17));
  if (date(y, 9, 20).dayOfWeek === 5) days.push(date(y, 9, 20));
  if (date(y, 1, 1).dayOfWeek === 7) days.push(date(y, 1, 2));
  const iso = [...days.map(String), SOLSTICE[y] ?? 'missing', ...(ELECTIONS[y] ?? [])];
  return [...new Set(iso)].sort();
}

const years = Array.from({ length: HOLIDAY_TABLE_YEARS.last - HOLIDAY_TABLE_YEARS.first + 1 }, (_, i) => HOLIDAY_TABLE_YEARS.first + i);

describe('holiday table', () => {
  it('covers 2025-2027', () => {
    expect(HOLIDAY_TABLE_YEARS).toEqual({ first: 2025, last: 2027 });
  });

  it.each(years)('%i: table equals the dates recomputed from the rules', (y) => {
    expect(CHILEAN_HOLIDAYS.filter((h) => h.date.startsWith(`${y}-`)).map((h) => h.date)).toEqual(expectedHolidays(y));
  });

  it('knows Easter of the covered years', () => {
    expect(years.map((y) => easterSunday(y).toString())).toEqual(['2025-04-20', '2026-04-05', '2027-03-28']);
  });

  it('moves San Pedro y San Pablo and Encuentro de Dos Mundos in 2027 (both Tuesdays) to the Monday before', () => {
    expect(date(2027, 6, 29).dayOfWeek).toBe(2);
    expect(date(2027, 10, 12).dayOfWeek).toBe(2);
    for (const [observed, nominal] of [['2027-06-28', '2027-06-29'], ['2027-10-11', '2027-10-12']] as const) {
      expect(Temporal.PlainDate.from(observed).dayOfWeek).toBe(1);
      expect(holidayOn(observed)).toMatchObject({ rule: 'moved_to_monday', nominalDate: nominal, legalBasis: expect.stringContaining('19.668') });
      expect(isChileanHoliday(nominal)).toBe(false);
    }
  });

  it('keeps every other holiday on its nominal date', () => {
    for (const h of CHILEAN_HOLIDAYS.filter((x) => x.rule !== 'moved_to_monday' && x.rule !== 'moved_to_friday')) {
      expect(h.nominalDate).toBe(h.date);
    }
  });

  it('puts Viernes Santo on a Friday and Sábado Santo on a Saturday', () => {
    for (const h of CHILEAN_HOLIDAYS.filter((x) => x.rule === 'easter')) {
      expect(Temporal.PlainDate.from(h.date).dayOfWeek).toBe(h.name === 'Viernes Santo' ? 5 : 6);
    }
  });

  it('has one row per date, sorted, each with a name and legal basis', () => {
    const dates = CHILEAN_HOLIDAYS.map((h) => h.date);
    expect(new Set(dates).size).toBe(dates.length);
    expect([...dates].sort()).toEqual(dates);
    for (const h of CHILEAN_HOLIDAYS) {
      expect(h.name.length).toBeGreaterThan(3);
      expect(h.legalBasis).toMatch(/^Ley \d/);
    }
  });
});

describe('lookups', () => {
  it.each([
    ['2025-09-18', true],
    ['2025-09-17', false],
    ['2026-04-03', true],
    ['2026-04-04', true],
    ['2026-04-06', false],
    ['2025-06-20', true],
    ['2026-06-20', false],
    ['2025-11-16', true],
    ['2026-11-16', false],
    ['2027-12-31', false],
  ] as const)('isChileanHoliday(%s) = %s', (d, want) => {
    expect(isChileanHoliday(d)).toBe(want);
  });

  it('lists holidays between two dates, inclusive', () => {
    expect(holidaysBetween('2026-09-18', '2026-09-19').map((h) => h.name)).toEqual(['Independencia Nacional', 'Día de las Glorias del Ejército']);
    expect(holidaysBetween('2025-12-09', '2026-01-01').map((h) => h.date)).toEqual(['2025-12-14', '2025-12-25', '2026-01-01']);
    expect(holidaysBetween('2026-02-01', '2026-02-28')).toEqual([]);
  });

  it('fails loudly outside the covered years instead of answering "not a holiday"', () => {
    expect(() => isChileanHoliday('2024-09-18')).toThrow(HolidayCoverageError);
    expect(() => isChileanHoliday('2028-01-01')).toThrow(HolidayCoverageError);
    expect(() => holidaysBetween('2027-12-01', '2028-01-31')).toThrow(HolidayCoverageError);
    const thrown = (() => {
      try {
        holidayOn('2028-05-01');
      } catch (error) {
        return error;
      }
      return null;
    })();
    expect(thrown).toMatchObject({ code: 'holiday_year_not_covered', year: 2028 });
    expect(isHolidayYearCovered(2024)).toBe(false);
    expect(isHolidayYearCovered(2026)).toBe(true);
  });

  it.each(['2026-9-18', '18-09-2026', '2026-13-01', '2026-09-18T00:00', ''])('rejects malformed date %j', (d) => {
    expect(() => isChileanHoliday(d)).toThrow(RangeError);
  });
});
