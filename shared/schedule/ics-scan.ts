import { type ContentLine, parseContentLine } from './ics-lines';
import { normalizeZone } from './zone';

/**
 * First pass over an imported calendar's logical lines: checks the BEGIN/END structure
 * (bounded nesting and event count) and keeps only what the importer reads — each top-level
 * VEVENT's properties (the first of each name, EXDATEs up to MAX_EXDATES), each VTIMEZONE's
 * TZID → X-LIC-LOCATION, and X-WR-TIMEZONE. Nested components (VALARM) are skipped.
 */

export const MAX_DEPTH = 10;
const MAX_EXDATES = 1_000;

export type ScanRefusal = 'malformed' | 'too_complex';

export interface RawEvent {
  readonly props: Map<string, ContentLine>;
  readonly exdates: ContentLine[];
}

export interface Scan {
  readonly events: RawEvent[];
  readonly tzLocations: Map<string, string>;
  readonly calendarZone: string | null;
}

/** UTF-8 length of a string, counting stops once past `limit`. */
export function utf8Bytes(text: string, limit: number): number {
  let bytes = 0;
  for (let i = 0; i < text.length && bytes <= limit; i++) {
    const code = text.charCodeAt(i);
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code >= 0xd800 && code <= 0xdbff ? 2 : 3;
  }
  return bytes;
}

/** One pass over the lines: structure checks and the properties we need. */
export function scan(lines: readonly string[], maxEvents: number): Scan | ScanRefusal {
  const stack: string[] = [];
  const events: RawEvent[] = [];
  const tzLocations = new Map<string, string>();
  let calendarZone: string | null = null;
  let event: RawEvent | null = null;
  let tzid: string | null = null;
  let tzLocation: string | null = null;
  for (const line of lines) {
    const upper = line.length < 200 ? line.toUpperCase() : line.slice(0, 200).toUpperCase();
    if (upper.startsWith('BEGIN:')) {
      const name = upper.slice(6).trim();
      if (stack.length === 0 && name !== 'VCALENDAR') return 'malformed';
      stack.push(name);
      if (stack.length > MAX_DEPTH) return 'too_complex';
      if (stack.length === 2 && name === 'VEVENT') {
        if (events.length >= maxEvents) return 'too_complex';
        event = { props: new Map(), exdates: [] };
      }
      if (stack.length === 2 && name === 'VTIMEZONE') [tzid, tzLocation] = [null, null];
      continue;
    }
    if (upper.startsWith('END:')) {
      const name = upper.slice(4).trim();
      if (stack.pop() !== name) return 'malformed';
      if (stack.length === 1 && name === 'VEVENT' && event) {
        events.push(event);
        event = null;
      }
      if (stack.length === 1 && name === 'VTIMEZONE' && tzid !== null && tzLocation !== null) tzLocations.set(tzid, tzLocation);
      continue;
    }
    if (stack.length === 0) return 'malformed';
    const top = stack[stack.length - 1];
    if (stack.length === 2 && top === 'VEVENT' && event) {
      const property = parseContentLine(line);
      if (!property) continue;
      if (property.name === 'EXDATE') {
        if (event.exdates.length < MAX_EXDATES) event.exdates.push(property);
      } else if (!event.props.has(property.name)) event.props.set(property.name, property);
    } else if (stack.length === 2 && top === 'VTIMEZONE') {
      const property = parseContentLine(line);
      if (property?.name === 'TZID') tzid = property.value.trim();
      if (property?.name === 'X-LIC-LOCATION') tzLocation = property.value.trim();
    } else if (stack.length === 1 && upper.startsWith('X-WR-TIMEZONE')) {
      const property = parseContentLine(line);
      if (property) calendarZone = normalizeZone(property.value.trim());
    }
  }
  if (stack.length > 0) return 'malformed';
  return { events, tzLocations, calendarZone };
}

