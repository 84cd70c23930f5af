import { MAX_CHANGES_PER_TRANSACTION } from './feed-applier';

/** Feed pages start at this many changes; each page is applied in one transaction. */
export const INITIAL_PAGE_SIZE = 100;
const MIN_PAGE_SIZE = 20;
/** A page's transaction should hold the event loop for about this long, never near 100 ms. */
const TARGET_APPLY_MS = 30;

/**
 * The next feed page size from how long the last page took to apply. A busy or slow machine
 * shrinks the pages (and so the time the event loop is blocked by one transaction) instead of
 * stalling the UI; a fast one grows them for throughput. Halve when too slow, grow by half when
 * well under target, never outside [MIN_PAGE_SIZE, MAX_CHANGES_PER_TRANSACTION].
 */
export function nextPageSize(current: number, applyMs: number, applied: number): number {
  if (applied === 0) return current;
  if (applyMs > TARGET_APPLY_MS) return Math.max(MIN_PAGE_SIZE, Math.floor(current / 2));
  if (applyMs < TARGET_APPLY_MS / 2) return Math.min(MAX_CHANGES_PER_TRANSACTION, Math.ceil(current * 1.5));
  return current;
}
