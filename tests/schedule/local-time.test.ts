import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { formatInZone, localDateTimeOf, partyLocalTime, resolveLocalStart, sessionEndsAt, wallTime, zoneLabel } from '../../shared/schedule/local-time';

const santiago = (localDateTime: string) => resolveLocalStart({ localDateTime, zone: 'America/Santiago' });

// The Chilean switches, recomputed here from the rule (first Saturday of April / September at
// 24:00) with Temporal, so the expectations below do not come from memory.
function firstSaturday(year: number, month: number): string {
  let date = Temporal.PlainDate.from({ year, month, day: 1 });
  while (date.dayOfWeek !== 6) date = date.add({ days: 1 });
  return date.toString();
}
const nextDay = (date: string): string => Temporal.PlainDate.from(date).add({ days: 1 }).toString();

describe.each([2025, 2026, 2027])('America/Santiago switches in %i', (year) => {
  const septemberSunday = nextDay(firstSaturday(year, 9));
  const aprilSaturday = firstSaturday(year, 4);

  it(`September: 00:00-00:59 on Sunday ${septemberSunday} does not exist and is refused`, () => {
    for (const time of ['00:00', '00:30', '00:59']) expect(santiago(`${septemberSunday}T${time}`)).toEqual({ ok: false, reason: 'nonexistent_time' });
  });

  it('September: 23:59 the evening before is −04:00 and 01:00 after the jump is −03:00, one minute apart', () => {
    const before = santiago(`${firstSaturday(year, 9)}T23:59`);
    const after = santiago(`${septemberSunday}T01:00`);
    expect(before).toMatchObject({ ok: true, ambiguous: false });
    expect(after).toMatchObject({ ok: true, ambiguous: false });
    if (!before.ok || !after.ok) throw new Error('unreachable');
    expect(Date.parse(after.instant) - Date.parse(before.instant)).toBe(60_000);
    expect(wallTime(before.instant, 'America/Santiago').offset).toBe('-04:00');
    expect(wallTime(after.instant, 'America/Santiago').offset).toBe('-03:00');
  });

  it(`April: 23:30 on Saturday ${aprilSaturday} happens twice and resolves to the earlier (−03:00) instant`, () => {
    const result = santiago(`${aprilSaturday}T23:30`);
    expect(result).toMatchObject({ ok: true, ambiguous: true });
    if (!result.ok) throw new Error('unreachable');
    expect(Temporal.Instant.from(result.instant).toZonedDateTimeISO('America/Santiago').offset).toBe('-03:00');
    expect(result.instant).toBe(`${nextDay(aprilSaturday)}T02:30:00.000Z`);
  });

  it('April: the repeated hour can be refused instead', () => {
    expect(resolveLocalStart({ localDateTime: `${aprilSaturday}T23:00`, zone: 'America/Santiago' }, { ambiguity: 'reject' })).toEqual({ ok: false, reason: 'ambiguous_time' });
  });

  it('April: a 60-minute session from 23:30 (−03:00) ends at 23:30 (−04:00) on the wall clock, 60 real minutes later', () => {
    const start = santiago(`${aprilSaturday}T23:30`);
    if (!start.ok) throw new Error('unreachable');
    const end = sessionEndsAt(start.instant, 60);
    expect(Date.parse(end) - Date.parse(start.instant)).toBe(3_600_000);
    expect(wallTime(end, 'America/Santiago')).toEqual({ date: aprilSaturday, time: '23:30', offset: '-04:00' });
  });

  it('September: a 90-minute session from 23:00 (−04:00) ends at 01:30 (−03:00): 90 real minutes', () => {
    const start = santiago(`${firstSaturday(year, 9)}T23:00`);
    if (!start.ok) throw new Error('unreachable');
    const end = sessionEndsAt(start.instant, 90);
    expect(Date.parse(end) - Date.parse(start.instant)).toBe(90 * 60_000);
    expect(wallTime(end, 'America/Santiago')).toEqual({ date: septemberSunday, time: '01:30', offset: '-03:00' });
  });
});

describe('resolveLocalStart: bad input', () => {
  it.each(['2026-02-30T10:00', '2026-13-01T10:00', '2026-05-12T24:00', '2026-05-12T10:60', '2026-05-12 10:00', '', '2026-05-12T10:00Z'])('refuses %j as invalid_format', (localDateTime) => {
    expect(santiago(localDateTime)).toEqual({ ok: false, reason: 'invalid_format' });
  });

  it.each(['Chile/Nowhere', '-03:00', 'santiago'])('refuses the zone %j', (zone) => {
    expect(resolveLocalStart({ localDateTime: '2026-05-12T10:00', zone })).toEqual({ ok: false, reason: 'invalid_zone' });
  });

  it('an ordinary time resolves with the zone offset of that date', () => {
    expect(santiago('2026-07-15T10:00')).toEqual({ ok: true, instant: '2026-07-15T14:00:00.000Z', ambiguous: false });
    expect(santiago('2026-01-15T10:00')).toEqual({ ok: true, instant: '2026-01-15T13:00:00.000Z', ambiguous: false });
  });

  it('localDateTimeOf is the inverse for an existing time', () => {
    const result = santiago('2026-11-03T16:45');
    if (!result.ok) throw new Error('unreachable');
    expect(localDateTimeOf(result.instant, 'America/Santiago')).toBe('2026-11-03T16:45');
  });
});

describe('Pacific/Easter, America/Punta_Arenas, Europe/Madrid', () => {
  it('Easter Island is always 2 h behind mainland Chile, including across both switches', () => {
    for (const instant of ['2025-04-06T02:30:00Z', '2025-04-06T04:30:00Z', '2026-07-01T15:00:00Z', '2026-09-06T03:30:00Z', '2026-09-06T05:30:00Z', '2027-01-10T15:00:00Z']) {
      const mainland = Temporal.Instant.from(instant).toZonedDateTimeISO('America/Santiago').offsetNanoseconds;
      const easter = Temporal.Instant.from(instant).toZonedDateTimeISO('Pacific/Easter').offsetNanoseconds;
      expect((mainland - easter) / 3.6e12).toBe(2);
    }
  });

  it('Easter Island skips 22:00-22:59 on the first Saturday of September, not midnight', () => {
    expect(resolveLocalStart({ localDateTime: '2026-09-05T22:30', zone: 'Pacific/Easter' })).toEqual({ ok: false, reason: 'nonexistent_time' });
    expect(resolveLocalStart({ localDateTime: '2026-09-06T00:30', zone: 'Pacific/Easter' })).toMatchObject({ ok: true });
  });

  it('Punta Arenas has no DST since 2016: −03:00 all year, and no gap in September', () => {
    for (const date of ['2025-01-15', '2025-07-15', '2026-04-05', '2026-09-06', '2027-06-21']) {
      expect(wallTime(`${date}T15:00:00Z`, 'America/Punta_Arenas').offset).toBe('-03:00');
    }
    expect(resolveLocalStart({ localDateTime: '2026-09-06T00:30', zone: 'America/Punta_Arenas' })).toEqual({ ok: true, instant: '2026-09-06T03:30:00.000Z', ambiguous: false });
  });

  it('Madrid switches on other dates: the gap is 02:00-02:59 on the last Sunday of March', () => {
    expect(resolveLocalStart({ localDateTime: '2026-03-29T02:30', zone: 'Europe/Madrid' })).toEqual({ ok: false, reason: 'nonexistent_time' });
    expect(resolveLocalStart({ localDateTime: '2026-10-25T02:30', zone: 'Europe/Madrid' })).toMatchObject({ ok: true, ambiguous: true, instant: '2026-10-25T00:30:00.000Z' });
  });
});

describe('partyLocalTime', () => {
  it('shows Easter Island time beside mainland time: "15:00 (13:00 en Isla de Pascua)"', () => {
    const at = '2026-07-15T19:00:00.000Z'; // 15:00 in Santiago (−04:00)
    expect(wallTime(at, 'America/Santiago').time).toBe('15:00');
    expect(partyLocalTime(at, 'Pacific/Easter', 'America/Santiago')).toEqual({
      date: '2026-07-15',
      time: '13:00',
      offset: '-06:00',
      zone: 'Pacific/Easter',
      zoneLabel: 'Isla de Pascua',
      dayShift: 0,
    });
  });

  it('is null when the offsets agree at that instant: Punta Arenas equals Santiago in summer, not in winter', () => {
    expect(partyLocalTime('2026-01-15T15:00:00.000Z', 'America/Punta_Arenas', 'America/Santiago')).toBeNull();
    expect(partyLocalTime('2026-07-15T15:00:00.000Z', 'America/Punta_Arenas', 'America/Santiago')).toMatchObject({ time: '12:00', zoneLabel: 'Magallanes' });
    expect(partyLocalTime('2026-07-15T15:00:00.000Z', 'America/Santiago', 'America/Santiago')).toBeNull();
  });

  it('a party in Madrid: the difference changes with both countries’ DST dates and can cross midnight', () => {
    // 18:00 in Santiago in January (−03:00) = 22:00 in Madrid (+01:00): 4 h.
    expect(partyLocalTime('2026-01-20T21:00:00.000Z', 'Europe/Madrid', 'America/Santiago', 'en')).toMatchObject({ time: '22:00', zoneLabel: 'Madrid', dayShift: 0 });
    // 18:00 in Santiago in July (−04:00) = 00:00 next day in Madrid (+02:00): 6 h.
    expect(partyLocalTime('2026-07-20T22:00:00.000Z', 'Europe/Madrid', 'America/Santiago')).toMatchObject({ date: '2026-07-21', time: '00:00', dayShift: 1 });
    // Between 29 Mar (Madrid to +02:00) and 5 Apr (Santiago to −04:00) 2026 both are in summer time: 5 h.
    expect(partyLocalTime('2026-04-01T13:00:00.000Z', 'Europe/Madrid', 'America/Santiago')).toMatchObject({ time: '15:00' });
  });

  it('labels zones in both locales', () => {
    expect(zoneLabel('Pacific/Easter', 'en')).toBe('Easter Island');
    expect(zoneLabel('America/New_York', 'es-CL')).toBe('New York');
  });
});

describe('formatInZone', () => {
  it('uses the app formats on the clock of the given zone', () => {
    expect(formatInZone('2026-09-18T17:05:00.000Z', 'America/Santiago', 'es-CL')).toBe('18-09-2026 14:05');
    expect(formatInZone('2026-09-18T17:05:00.000Z', 'Pacific/Easter', 'en')).toBe('18 Sep 2026, 12:05');
    expect(formatInZone('2026-09-18T23:05:00.000Z', 'Europe/Madrid', 'es-CL')).toBe('19-09-2026 01:05');
  });
});
