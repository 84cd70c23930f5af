import { Temporal } from 'temporal-polyfill';
import { addDays, epochDay, isoWeekdayOfEpochDay } from '../../../../shared/domain/zoned-day';

/**
 * Pure calendar geometry for the agenda: which local days a view shows, where a timed item
 * sits in a day column (wall-clock minutes in the mediator's zone), and side-by-side lanes for
 * items that overlap. No React, no DOM, so it is tested on its own (tests/renderer).
 *
 * Positions use the wall clock of the zone, not elapsed time: on the first Sunday of September
 * (00:00 → 01:00 in Chile) a 10:00 session still sits at the 10:00 line.
 */

export type AgendaView = 'day' | 'week' | 'upcoming';

export const MINUTES_PER_DAY = 24 * 60;
/** The part of the day shown without scrolling; the column still holds all 24 hours. */
export const WORKDAY_VIEW = Object.freeze({ startHour: 7, endHour: 21 });

/** Monday of the ISO week of a local date. */
export const weekStartOf = (localDate: string): string => addDays(localDate, 1 - isoWeekdayOfEpochDay(epochDay(localDate)));

/** The local dates a view shows: one day, or Monday to Sunday of the anchor's week. */
export function visibleDays(view: AgendaView, anchor: string): readonly string[] {
  if (view === 'day') return [anchor];
  const monday = weekStartOf(anchor);
  return Array.from({ length: 7 }, (_, i) => addDays(monday, i));
}

/** The anchor one step back or forward: a day in the day view, a week otherwise. */
export const shiftAnchor = (view: AgendaView, anchor: string, direction: -1 | 1): string => addDays(anchor, direction * (view === 'day' ? 1 : 7));

/** First instant of a local day in a zone, as an ISO UTC string (a DST gap at midnight moves it to 01:00). */
export const startOfDayInstant = (localDate: string, zone: string): string =>
  Temporal.PlainDate.from(localDate).toZonedDateTime({ timeZone: zone }).toInstant().toString();

/** [from, to) instants covering the given local days (for listAgenda). */
export function rangeOfDays(days: readonly string[], zone: string): { readonly from: string; readonly to: string } {
  const first = days[0];
  const last = days.at(-1);
  if (first === undefined || last === undefined) throw new RangeError('rangeOfDays needs at least one day');
  return { from: startOfDayInstant(first, zone), to: startOfDayInstant(addDays(last, 1), zone) };
}

/** Local date and wall-clock minute of an instant in a zone. */
export function wallClock(instant: string, zone: string): { readonly date: string; readonly minute: number } {
  const zoned = Temporal.Instant.from(instant).toZonedDateTimeISO(zone);
  return { date: zoned.toPlainDate().toString(), minute: zoned.hour * 60 + zoned.minute };
}

export interface TimedItem {
  readonly id: string;
  /** ISO UTC instant. */
  readonly startsAt: string;
  readonly durationMinutes: number;
}

export interface PlacedItem<T extends TimedItem> {
  readonly item: T;
  /** Wall-clock minutes from the local midnight of the column's day, clipped to [0, 1440]. */
  readonly top: number;
  readonly bottom: number;
  /** True when the item began before this day (it continues from the previous column). */
  readonly continuesBefore: boolean;
  readonly continuesAfter: boolean;
  /** Side-by-side placement among the items it overlaps with. */
  readonly lane: number;
  readonly lanes: number;
}

/** A block shorter than this is drawn this tall, so a 5-minute busy block stays clickable and legible. */
export const MIN_BLOCK_MINUTES = 20;

const endInstant = (item: TimedItem): string => Temporal.Instant.from(item.startsAt).add({ minutes: item.durationMinutes }).toString();

/** The vertical extent of an item in the column of `day`, or null when it does not touch that day. */
function extentOn(item: TimedItem, day: string, zone: string): Omit<PlacedItem<TimedItem>, 'item' | 'lane' | 'lanes'> | null {
  const start = wallClock(item.startsAt, zone);
  const end = wallClock(endInstant(item), zone);
  if (start.date > day || end.date < day) return null;
  // An item ending exactly at midnight does not spill into the next day's column.
  if (end.date === day && end.minute === 0 && start.date < day) return null;
  const continuesBefore = start.date < day;
  const continuesAfter = end.date > day && !(end.minute === 0 && end.date === addDays(day, 1));
  const top = continuesBefore ? 0 : start.minute;
  const bottom = end.date > day ? MINUTES_PER_DAY : end.minute;
  return { top, bottom: Math.max(bottom, top), continuesBefore, continuesAfter };
}

/**
 * Places the items of one day column. Overlapping items form a cluster; each gets the first
 * lane free at its start, and every item of a cluster shares the cluster's lane count (so
 * widths line up). The drawn height counts the minimum block height, so two short items
 * drawn on top of each other also go side by side.
 */
export function layoutDay<T extends TimedItem>(items: readonly T[], day: string, zone: string): readonly PlacedItem<T>[] {
  const extents = items
    .map((item) => ({ item, extent: extentOn(item, day, zone) }))
    .filter((e): e is { item: T; extent: NonNullable<ReturnType<typeof extentOn>> } => e.extent !== null)
    .sort((a, b) => a.extent.top - b.extent.top || b.extent.bottom - a.extent.bottom || a.item.id.localeCompare(b.item.id));

  const placed: { item: T; extent: NonNullable<ReturnType<typeof extentOn>>; lane: number; cluster: number }[] = [];
  const clusterLanes: number[] = [];
  let laneEnds: number[] = [];
  let clusterEnd = -1;
  for (const { item, extent } of extents) {
    const drawnBottom = Math.max(extent.bottom, extent.top + MIN_BLOCK_MINUTES);
    if (extent.top >= clusterEnd) {
      clusterLanes.push(0);
      laneEnds = [];
    }
    let lane = laneEnds.findIndex((end) => end <= extent.top);
    if (lane === -1) lane = laneEnds.length;
    laneEnds[lane] = drawnBottom;
    clusterEnd = Math.max(clusterEnd, drawnBottom);
    const cluster = clusterLanes.length - 1;
    clusterLanes[cluster] = Math.max(clusterLanes[cluster] ?? 0, lane + 1);
    placed.push({ item, extent, lane, cluster });
  }
  return placed.map(({ item, extent, lane, cluster }) => ({ item, ...extent, lane, lanes: clusterLanes[cluster] ?? 1 }));
}

/** Items of a list grouped by the local date they start on, days in order, items by start. */
export function groupByStartDay<T extends TimedItem>(items: readonly T[], zone: string): readonly { readonly day: string; readonly items: readonly T[] }[] {
  const groups = new Map<string, T[]>();
  for (const item of [...items].sort((a, b) => a.startsAt.localeCompare(b.startsAt) || a.id.localeCompare(b.id))) {
    const day = wallClock(item.startsAt, zone).date;
    const list = groups.get(day) ?? [];
    list.push(item);
    groups.set(day, list);
  }
  return [...groups.entries()].map(([day, list]) => ({ day, items: list }));
}

/** Items keyed by the local date of an instant field (deadline markers: the day they fall due). */
export function byLocalDay<T>(items: readonly T[], instantOf: (item: T) => string, zone: string): ReadonlyMap<string, readonly T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const day = wallClock(instantOf(item), zone).date;
    const list = map.get(day) ?? [];
    list.push(item);
    map.set(day, list);
  }
  return map;
}

/** Minutes → pixels at a given hour height. */
export const minutesToPx = (minutes: number, hourHeight: number): number => (minutes / 60) * hourHeight;

/** Height of one text line in a grid block (11.5 px type at line-height 1.2, rounded up). */
export const BLOCK_LINE_PX = 14;
/** Vertical padding and borders of a grid block. */
const BLOCK_CHROME_PX = 6;

/**
 * How many lines of text fit in a block drawn `heightPx` tall: 1 (a 30-minute session at
 * 48 px an hour: one compact line), 2 (45 minutes) or 3 (an hour or more). Never more lines
 * than fit, so the lines are never drawn over each other.
 */
export const blockLines = (heightPx: number): 1 | 2 | 3 => {
  const fit = Math.floor((heightPx - BLOCK_CHROME_PX) / BLOCK_LINE_PX);
  return fit >= 3 ? 3 : fit === 2 ? 2 : 1;
};
