import { describe, expect, it } from 'vitest';
import {
  byLocalDay,
  groupByStartDay,
  layoutDay,
  rangeOfDays,
  shiftAnchor,
  visibleDays,
  wallClock,
  weekStartOf,
} from '../../renderer/src/features/agenda/week-layout';

const SCL = 'America/Santiago';
const item = (id: string, startsAt: string, durationMinutes = 60) => ({ id, startsAt, durationMinutes });

describe('visible days and navigation', () => {
  it('a week runs Monday to Sunday around the anchor', () => {
    // 2026-09-06 is a Sunday: its week starts on Monday the 31st of August.
    expect(weekStartOf('2026-09-06')).toBe('2026-08-31');
    expect(weekStartOf('2026-08-31')).toBe('2026-08-31');
    expect(visibleDays('week', '2026-09-02')).toEqual(['2026-08-31', '2026-09-01', '2026-09-02', '2026-09-03', '2026-09-04', '2026-09-05', '2026-09-06']);
    expect(visibleDays('day', '2026-09-02')).toEqual(['2026-09-02']);
  });

  it('prev/next move a day in the day view and a week otherwise', () => {
    expect(shiftAnchor('day', '2026-12-31', 1)).toBe('2027-01-01');
    expect(shiftAnchor('week', '2026-03-02', -1)).toBe('2026-02-23');
  });

  it('the range of a week spans its local midnights, across the September switch', () => {
    // Santiago: −04:00 until Saturday 5 Sept 2026 ends, then −03:00 (Sunday starts at 01:00).
    const range = rangeOfDays(visibleDays('week', '2026-09-02'), SCL);
    expect(range).toEqual({ from: '2026-08-31T04:00:00Z', to: '2026-09-07T03:00:00Z' });
  });

  it('the day of the September switch starts at 01:00 local', () => {
    expect(rangeOfDays(['2026-09-06'], SCL).from).toBe('2026-09-06T04:00:00Z');
    expect(wallClock('2026-09-06T04:00:00Z', SCL)).toEqual({ date: '2026-09-06', minute: 60 });
  });
});

describe('layoutDay', () => {
  it('places a session by its wall-clock time in the zone, not UTC', () => {
    // 13:00 UTC is 10:00 in Santiago in November (−03:00) and 08:00 on Easter Island (−05:00).
    const [placed] = layoutDay([item('a', '2026-11-20T13:00:00Z', 90)], '2026-11-20', SCL);
    expect(placed).toMatchObject({ top: 600, bottom: 690, lane: 0, lanes: 1, continuesBefore: false, continuesAfter: false });
    expect(layoutDay([item('a', '2026-11-20T13:00:00Z', 90)], '2026-11-20', 'Pacific/Easter')[0]?.top).toBe(480);
  });

  it('keeps 10:00 at the 10:00 line on the day the clock jumps from 00:00 to 01:00', () => {
    const [placed] = layoutDay([item('a', '2026-09-06T13:00:00Z')], '2026-09-06', SCL);
    expect(placed).toMatchObject({ top: 600, bottom: 660 });
  });

  it('puts overlapping sessions side by side, reuses a freed lane, and starts over after the cluster ends', () => {
    const placed = layoutDay(
      [item('a', '2026-11-20T13:00:00Z', 120), item('b', '2026-11-20T13:30:00Z', 30), item('c', '2026-11-20T14:15:00Z', 30), item('d', '2026-11-20T15:00:00Z', 30)],
      '2026-11-20',
      SCL,
    );
    const byId = Object.fromEntries(placed.map((p) => [p.item.id, [p.lane, p.lanes]]));
    expect(byId).toEqual({ a: [0, 2], b: [1, 2], c: [1, 2], d: [0, 1] });
  });

  it('treats two short items drawn over each other as overlapping', () => {
    const placed = layoutDay([item('a', '2026-11-20T13:00:00Z', 5), item('b', '2026-11-20T13:10:00Z', 5)], '2026-11-20', SCL);
    expect(placed.map((p) => [p.lane, p.lanes])).toEqual([
      [0, 2],
      [1, 2],
    ]);
  });

  it('splits an item that crosses midnight over the two columns', () => {
    // 23:00 to 01:00 Santiago time (−03:00 in November).
    const session = item('late', '2026-11-21T02:00:00Z', 120);
    expect(layoutDay([session], '2026-11-20', SCL)[0]).toMatchObject({ top: 1380, bottom: 1440, continuesAfter: true });
    expect(layoutDay([session], '2026-11-21', SCL)[0]).toMatchObject({ top: 0, bottom: 60, continuesBefore: true });
    expect(layoutDay([session], '2026-11-22', SCL)).toEqual([]);
  });

  it('does not draw an item ending exactly at midnight in the next column', () => {
    const session = item('eve', '2026-11-21T02:00:00Z', 60);
    expect(layoutDay([session], '2026-11-20', SCL)[0]).toMatchObject({ top: 1380, bottom: 1440, continuesAfter: false });
    expect(layoutDay([session], '2026-11-21', SCL)).toEqual([]);
  });
});

describe('grouping', () => {
  it('groups the upcoming list by Santiago day, in order', () => {
    const groups = groupByStartDay([item('b', '2026-11-21T02:30:00Z'), item('a', '2026-11-20T13:00:00Z'), item('c', '2026-11-21T12:00:00Z')], SCL);
    expect(groups.map((g) => [g.day, g.items.map((i) => i.id)])).toEqual([
      ['2026-11-20', ['a', 'b']],
      ['2026-11-21', ['c']],
    ]);
  });

  it('puts a deadline on the local day it falls due (23:59:59.999 Santiago)', () => {
    const map = byLocalDay([{ dueAt: '2026-11-21T02:59:59.999Z' }], (d) => d.dueAt, SCL);
    expect([...map.keys()]).toEqual(['2026-11-20']);
  });
});
