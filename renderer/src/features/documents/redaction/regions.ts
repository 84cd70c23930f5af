import type { z } from 'zod';
import type { RedactionRegion as RedactionRegionSchema } from '../../../../../shared/contract/documents';

export type RedactionRegion = z.infer<typeof RedactionRegionSchema>;

/** A point on a page or image as fractions (0–1) of its width and height, from its top-left. */
export interface FractionPoint {
  readonly x: number;
  readonly y: number;
}

/** Smaller than this (in either direction) is a click, not a rectangle. */
export const MIN_REGION_FRACTION = 0.005;

const clamp01 = (value: number): number => Math.min(1, Math.max(0, value));

/** The point under the pointer, as fractions of `box` (the page's or image's on-screen box). */
export function toFraction(box: Pick<DOMRect, 'left' | 'top' | 'width' | 'height'>, clientX: number, clientY: number): FractionPoint {
  return { x: clamp01((clientX - box.left) / box.width), y: clamp01((clientY - box.top) / box.height) };
}

/**
 * The rectangle spanned by a drag from `start` to `end` on `page`, whichever way it went, or
 * null when it is too small to be meant.
 */
export function regionFromDrag(page: number, start: FractionPoint, end: FractionPoint): RedactionRegion | null {
  const x = Math.min(start.x, end.x);
  const y = Math.min(start.y, end.y);
  const width = Math.abs(end.x - start.x);
  const height = Math.abs(end.y - start.y);
  if (width < MIN_REGION_FRACTION || height < MIN_REGION_FRACTION) return null;
  return { page, x, y, width: Math.min(width, 1 - x), height: Math.min(height, 1 - y) };
}
