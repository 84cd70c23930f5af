import { Temporal } from 'temporal-polyfill';
import { SANTIAGO } from '../domain/deadlines';
import { dateOfEpochDay, epochDay } from '../domain/zoned-day';
import type { BusyBlock } from './conflicts';
import { dayStartMs, type IcsTime, parseDuration, parseIcsTime, resolveTzid, wallToMs, type ZoneContext } from './ics-dates';
import { unfold } from './ics-lines';
import { occurrenceDays, parseRrule, type RecurrenceRule } from './ics-recurrence';
import { unescapeText } from './ics-text';
import { type RawEvent, scan, utf8Bytes } from './ics-scan';
import { normalizeZone } from './zone';

/**
 * Import of the mediator's other commitments (.ics) as busy time. Pure and defensive: the file
 * comes from anywhere. Never throws, bounded work (size, nesting, events, recurrence steps).
 *
 * Decisions:
 * - Busy = VEVENTs that are not STATUS:CANCELLED and not TRANSP:TRANSPARENT (Google writes its
 *   all-day events as TRANSPARENT: they do not block time). Zero-length events block nothing.
 * - TZID: IANA names, Windows names (Outlook), Mozilla-style paths and VTIMEZONE X-LIC-LOCATION
 *   are understood; an unknown TZID is read as UTC with an 'unknown_timezone' warning per imported event (the
 *   file's VTIMEZONE rules are not interpreted). Floating times and all-day dates are read in
 *   X-WR-TIMEZONE if valid, else `options.zone` (default America/Santiago).
 * - RRULE (see ics-recurrence.ts): expanded only when `options.window` is given, only the
 *   occurrences that touch the window, at most `maxOccurrencesPerSeries` each; EXDATE and
 *   overridden instances (RECURRENCE-ID) are honoured. Without a window a series contributes
 *   nothing ('recurrence_not_expanded'); unsupported rules are skipped ('recurrence_unsupported').
 * - With a window, non-recurring events entirely outside it are left out ('outside_window').
 * - Refusals: 'too_large' (over maxBytes of UTF-8), 'not_icalendar' (does not start with
 *   BEGIN:VCALENDAR), 'malformed' (BEGIN/END do not match), 'too_complex' (nesting deeper than
 *   MAX_DEPTH, or more than maxEvents VEVENTs). Nothing is returned half-way in those cases.
 * - Text that was decoded with the wrong charset (mojibake, U+FFFD) is kept as it is; control
 *   characters are removed and summaries cut to 200 characters.
 */

export interface BusyImportOptions {
  readonly maxBytes?: number;
  readonly maxEvents?: number;
  /** Expand recurrences (and keep events) only within [from, to). */
  readonly window?: { readonly from: string; readonly to: string };
  /** Zone for floating times and all-day dates (default America/Santiago). */
  readonly zone?: string;
  readonly maxOccurrencesPerSeries?: number;
}

export type BusyImportRefusal = 'too_large' | 'not_icalendar' | 'malformed' | 'too_complex';

export type BusyImportWarningCode =
  | 'invalid_event'
  | 'unknown_timezone'
  | 'recurrence_unsupported'
  | 'recurrence_not_expanded'
  | 'recurrence_truncated'
  | 'outside_window';

/** Warnings are counted per code; `example` names one case (a TZID, a rule part), never event text. */
export interface BusyImportWarning {
  readonly code: BusyImportWarningCode;
  readonly count: number;
  readonly example: string | null;
}

export type BusyImportResult =
  | { readonly ok: true; readonly blocks: BusyBlock[]; readonly skipped: number; readonly warnings: BusyImportWarning[] }
  | { readonly ok: false; readonly reason: BusyImportRefusal };

export const DEFAULT_MAX_BYTES = 2 * 1024 * 1024;
export const DEFAULT_MAX_EVENTS = 5_000;
/** Integer steps over all series: a daily series from 1970 is ~20 000. */
const RECURRENCE_STEP_BUDGET = 500_000;
const SUMMARY_MAX = 200;

class Warnings {
  private readonly byCode = new Map<BusyImportWarningCode, BusyImportWarning>();
  add(code: BusyImportWarningCode, example: string | null = null): void {
    const known = this.byCode.get(code);
    this.byCode.set(code, { code, count: (known?.count ?? 0) + 1, example: known?.example ?? example });
  }
  list(): BusyImportWarning[] {
    return [...this.byCode.values()];
  }
}

// eslint-disable-next-line no-control-regex -- removing control characters is the point
const CONTROL = /[\u0000-\u001f\u007f]+/g;
const summaryOf = (event: RawEvent): string =>
  unescapeText(event.props.get('SUMMARY')?.value.slice(0, SUMMARY_MAX * 4) ?? '')
    .replace(CONTROL, ' ')
    .trim()
    .slice(0, SUMMARY_MAX);

/** Instant (ms) of a parsed time; dates start at the beginning of the local day. */
const startMs = (time: IcsTime, floatingZone: string): number => (time.type === 'date' ? dayStartMs(time.day, floatingZone) : wallToMs(time.wall, time.zone));


const DAY_MS = 86_400_000;
const DEFAULT_MAX_OCCURRENCES = 1_000;

/** How long an event lasts: whole local days for all-day events, elapsed ms otherwise. */
type Length = { readonly type: 'days'; readonly days: number } | { readonly type: 'ms'; readonly ms: number };

interface Context extends ZoneContext {
  readonly warnings: Warnings;
  readonly window: { readonly from: number; readonly to: number } | null;
  readonly maxBlocks: number;
  readonly maxPerSeries: number;
  readonly steps: { remaining: number; exhausted: boolean };
  readonly blocks: { start: number; end: number; summary: string }[];
  /** The last unknown TZID met while reading the current event (reset per event). */
  readonly unknownZone: { tzid: string | null };
}

function eventLength(event: RawEvent, start: IcsTime, context: Context): Length | null {
  const endLine = event.props.get('DTEND');
  if (endLine) {
    const end = parseIcsTime(endLine.value, endLine.params, context);
    if (!end || end.type !== start.type) return null;
    if (start.type === 'date' && end.type === 'date') return { type: 'days', days: end.day - start.day };
    return { type: 'ms', ms: startMs(end, context.floatingZone) - startMs(start, context.floatingZone) };
  }
  const durationLine = event.props.get('DURATION');
  const duration = durationLine ? parseDuration(durationLine.value) : null;
  if (durationLine && duration === null) return null;
  if (start.type === 'date') return { type: 'days', days: duration === null ? 1 : Math.ceil(duration / DAY_MS) };
  return { type: 'ms', ms: duration ?? 0 };
}

/** [start, end) in ms of an occurrence starting on `day` (at the event's time of day). */
function occurrence(start: IcsTime, length: Length, day: number, context: Context): [number, number] {
  if (start.type === 'date') {
    const days = length.type === 'days' ? length.days : 1;
    return [dayStartMs(day, context.floatingZone), dayStartMs(day + days, context.floatingZone)];
  }
  const begin = wallToMs(`${dateOfEpochDay(day)}${start.wall.slice(10)}`, start.zone);
  return [begin, begin + (length.type === 'ms' ? length.ms : 0)];
}

function addBlock(context: Context, start: number, end: number, summary: string): boolean {
  if (context.blocks.length >= context.maxBlocks) {
    context.warnings.add('recurrence_truncated');
    return false;
  }
  context.blocks.push({ start, end, summary });
  return true;
}

const inWindow = (context: Context, start: number, end: number): boolean => context.window === null || (end > context.window.from && start < context.window.to);

function timesOf(lines: readonly { value: string; params: Readonly<Record<string, string>> }[], context: Context): Set<number> {
  const times = new Set<number>();
  for (const line of lines) {
    for (const value of line.value.split(',').slice(0, 1_000)) {
      const time = parseIcsTime(value, line.params, context);
      if (time) times.add(startMs(time, context.floatingZone));
    }
  }
  return times;
}

/** UNTIL as a comparable local wall string in the event's zone ('YYYY-MM-DDTHH:MM:SS'). */
function untilWall(rule: RecurrenceRule, start: IcsTime, context: Context): string | null {
  if (rule.until === null) return null;
  const until = parseIcsTime(rule.until, {}, context);
  if (!until) return null;
  if (until.type === 'date') return `${dateOfEpochDay(until.day)}T23:59:59`;
  if (until.zone !== 'UTC' || start.type === 'date') return until.wall;
  const zoned = Temporal.Instant.fromEpochMilliseconds(wallToMs(until.wall, 'UTC')).toZonedDateTimeISO(start.zone);
  return zoned.toPlainDateTime().toString().slice(0, 19);
}

function expandSeries(event: RawEvent, rule: RecurrenceRule, start: IcsTime, length: Length, excluded: ReadonlySet<number>, context: Context): number {
  const window = context.window;
  if (!window) return 0;
  const firstDay = start.type === 'date' ? start.day : epochDay(start.wall.slice(0, 10));
  const spanDays = length.type === 'days' ? length.days : Math.ceil(length.ms / DAY_MS);
  const fromDay = Math.floor(window.from / DAY_MS) - 2 - spanDays;
  const toDay = Math.floor(window.to / DAY_MS) + 2;
  const until = untilWall(rule, start, context);
  const timeOfDay = start.type === 'date' ? 'T00:00:00' : start.wall.slice(10);
  const summary = summaryOf(event);
  let added = 0;
  for (const day of occurrenceDays(firstDay, rule, context.steps)) {
    if (day > toDay || (until !== null && `${dateOfEpochDay(day)}${timeOfDay}` > until)) break;
    if (day < fromDay) continue;
    const [begin, end] = occurrence(start, length, day, context);
    if (!inWindow(context, begin, end) || excluded.has(begin)) continue;
    if (added >= context.maxPerSeries) {
      context.warnings.add('recurrence_truncated');
      break;
    }
    if (!addBlock(context, begin, end, summary)) break;
    added++;
  }
  if (context.steps.exhausted) context.warnings.add('recurrence_truncated');
  return added;
}

/** Adds the blocks of one VEVENT; returns how many. */
function importEvent(event: RawEvent, overrides: ReadonlyMap<string, Set<number>>, context: Context): number {
  if (event.props.get('STATUS')?.value.trim().toUpperCase() === 'CANCELLED') return 0;
  if (event.props.get('TRANSP')?.value.trim().toUpperCase() === 'TRANSPARENT') return 0;
  const startLine = event.props.get('DTSTART');
  const start = startLine ? parseIcsTime(startLine.value, startLine.params, context) : null;
  const length = start ? eventLength(event, start, context) : null;
  if (!start || !length) {
    context.warnings.add('invalid_event');
    return 0;
  }
  const size = length.type === 'days' ? length.days : length.ms;
  if (size < 0) {
    context.warnings.add('invalid_event');
    return 0;
  }
  if (size === 0) return 0;
  const rruleLine = event.props.get('RRULE');
  if (rruleLine && !event.props.has('RECURRENCE-ID')) {
    if (!context.window) {
      context.warnings.add('recurrence_not_expanded');
      return 0;
    }
    const parsed = parseRrule(rruleLine.value.trim());
    if (!parsed.ok) {
      context.warnings.add('recurrence_unsupported', parsed.unsupported);
      return 0;
    }
    const uid = event.props.get('UID')?.value ?? '';
    const excluded = new Set([...timesOf(event.exdates, context), ...(overrides.get(uid) ?? [])]);
    return expandSeries(event, parsed.rule, start, length, excluded, context);
  }
  const day = start.type === 'date' ? start.day : epochDay(start.wall.slice(0, 10));
  const [begin, end] = occurrence(start, length, day, context);
  if (!inWindow(context, begin, end)) {
    context.warnings.add('outside_window');
    return 0;
  }
  return addBlock(context, begin, end, summaryOf(event)) ? 1 : 0;
}

/** Instances moved or cancelled individually (RECURRENCE-ID), by UID: the series must not repeat them. */
function overriddenInstances(events: readonly RawEvent[], context: Context): Map<string, Set<number>> {
  const byUid = new Map<string, Set<number>>();
  for (const event of events) {
    const recurrenceId = event.props.get('RECURRENCE-ID');
    const uid = event.props.get('UID')?.value;
    if (!recurrenceId || uid === undefined) continue;
    const time = parseIcsTime(recurrenceId.value, recurrenceId.params, context);
    if (!time) continue;
    const set = byUid.get(uid) ?? new Set<number>();
    set.add(startMs(time, context.floatingZone));
    byUid.set(uid, set);
  }
  return byUid;
}

function makeContext(options: BusyImportOptions, calendarZone: string | null, tzLocations: ReadonlyMap<string, string>, warnings: Warnings): Context | null {
  const maxEvents = options.maxEvents ?? DEFAULT_MAX_EVENTS;
  let window: Context['window'] = null;
  if (options.window) {
    const from = Date.parse(options.window.from);
    const to = Date.parse(options.window.to);
    if (!Number.isFinite(from) || !Number.isFinite(to) || to <= from) return null;
    window = { from, to };
  }
  const resolved = new Map<string, string | null>();
  const unknownZone: Context['unknownZone'] = { tzid: null };
  const resolve = (tzid: string): string | null => {
    const zone = resolved.has(tzid) ? (resolved.get(tzid) ?? null) : resolveTzid(tzid, tzLocations);
    if (!resolved.has(tzid) && resolved.size < 200) resolved.set(tzid, zone);
    if (zone === null) unknownZone.tzid = tzid;
    return zone;
  };
  return {
    floatingZone: calendarZone ?? normalizeZone(options.zone ?? SANTIAGO) ?? SANTIAGO,
    resolve,
    warnings,
    window,
    maxBlocks: maxEvents,
    maxPerSeries: Math.min(options.maxOccurrencesPerSeries ?? DEFAULT_MAX_OCCURRENCES, maxEvents),
    steps: { remaining: RECURRENCE_STEP_BUDGET, exhausted: false },
    blocks: [],
    unknownZone,
  };
}

function parse(text: string, options: BusyImportOptions): BusyImportResult {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (text.length > maxBytes || utf8Bytes(text, maxBytes) > maxBytes) return { ok: false, reason: 'too_large' };
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (!/^\s*BEGIN:VCALENDAR\s*(\r\n|\n|\r)/i.test(body.slice(0, 200))) return { ok: false, reason: 'not_icalendar' };
  const scanned = scan(unfold(body), options.maxEvents ?? DEFAULT_MAX_EVENTS);
  if (typeof scanned === 'string') return { ok: false, reason: scanned };
  const warnings = new Warnings();
  const context = makeContext(options, scanned.calendarZone, scanned.tzLocations, warnings);
  if (!context) return { ok: false, reason: 'malformed' };
  const overrides = overriddenInstances(scanned.events, context);
  let skipped = 0;
  for (const event of scanned.events) {
    let added = 0;
    context.unknownZone.tzid = null;
    try {
      added = importEvent(event, overrides, context);
    } catch {
      context.warnings.add('invalid_event');
    }
    // Counted per event imported with a zone read as UTC (the label says "N events").
    const unknownTzid: string | null = context.unknownZone.tzid as string | null;
    if (added === 0) skipped++;
    else if (unknownTzid !== null) context.warnings.add('unknown_timezone', unknownTzid.slice(0, 64));
  }
  const blocks = context.blocks
    .sort((a, b) => a.start - b.start || a.end - b.end)
    .map((block) => ({ start: new Date(block.start).toISOString(), end: new Date(block.end).toISOString(), summary: block.summary }));
  return { ok: true, blocks, skipped, warnings: warnings.list() };
}

/** The busy time in an .ics file. Never throws (see the decisions above). */
export function parseBusyIcs(text: string, options: BusyImportOptions = {}): BusyImportResult {
  if (typeof text !== 'string') return { ok: false, reason: 'not_icalendar' };
  try {
    return parse(text, options);
  } catch {
    // Last line of defence: a bug here must not crash the import dialog.
    return { ok: false, reason: 'malformed' };
  }
}
