import type { Locale } from '../../../../shared/contract/app';

const UNITS = ['B', 'KB', 'MB', 'GB'] as const;

/** "0 B", "812 B", "1,4 KB", "23,5 MB": binary multiples, one decimal below 100, locale digits. */
export function formatBytes(bytes: number, locale: Locale): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(value)} ${UNITS[unit]}`;
}

/** The first 12 hex digits: enough to compare by eye, the full hash goes in the tooltip. */
export const shortHash = (sha256: string): string => sha256.slice(0, 12);

/** Zoom levels the +/− buttons step through. */
export const ZOOM_STEPS: readonly number[] = [0.25, 0.5, 0.75, 1, 1.25, 1.5, 2, 3, 4];

/** The next zoom step above (step 1) or below (step −1) `current`; stays at the ends. */
export function stepZoom(current: number, step: 1 | -1): number {
  if (step === 1) return ZOOM_STEPS.find((z) => z > current + 0.001) ?? ZOOM_STEPS[ZOOM_STEPS.length - 1] ?? current;
  return [...ZOOM_STEPS].reverse().find((z) => z < current - 0.001) ?? ZOOM_STEPS[0] ?? current;
}
