import { Temporal } from 'temporal-polyfill';

/**
 * IANA time zone names. Validated by asking Temporal (the same tz data the arithmetic uses),
 * not Intl.supportedValuesOf('timeZone'): that list holds only ICU's canonical names, so it
 * misses 'UTC' and, depending on the ICU build, current names such as 'Asia/Kolkata'.
 * Offsets ('-03:00') are refused: a fixed offset is exactly what Chile's DST makes wrong.
 */

const known = new Map<string, string | null>();
const MAX_MEMO = 2_000;

/** Temporal's spelling of a zone name ('america/santiago' → 'America/Santiago'), or null if it is not an IANA zone. */
export function normalizeZone(zone: string): string | null {
  const cached = known.get(zone);
  if (cached !== undefined) return cached;
  let result: string | null = null;
  if (zone.length > 0 && zone.length <= 64 && !/^[+\-\u2212]/.test(zone)) {
    try {
      result = new Temporal.ZonedDateTime(0n, zone).timeZoneId;
    } catch {
      result = null;
    }
  }
  if (known.size >= MAX_MEMO) known.clear();
  known.set(zone, result);
  return result;
}

/** True for an IANA zone name spelled exactly as Temporal spells it (what we store). */
export const isIanaZone = (zone: string): boolean => normalizeZone(zone) === zone;
