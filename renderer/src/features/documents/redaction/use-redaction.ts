import { useCallback, useMemo, useState } from 'react';
import type { RedactionRegion } from './regions';

export interface RedactionControls {
  /** "Tachar" mode: drags draw rectangles instead of panning or selecting text. */
  readonly active: boolean;
  readonly regions: readonly RedactionRegion[];
  setActive(active: boolean): void;
  add(region: RedactionRegion): void;
  remove(region: RedactionRegion): void;
  clear(): void;
}

/** The rectangles the mediator has drawn on the open document, not yet burnt into a copy. */
export function useRedaction(): RedactionControls {
  const [active, setActive] = useState(false);
  const [regions, setRegions] = useState<readonly RedactionRegion[]>([]);
  const add = useCallback((region: RedactionRegion) => setRegions((prev) => [...prev, region]), []);
  const remove = useCallback((region: RedactionRegion) => setRegions((prev) => prev.filter((r) => r !== region)), []);
  const clear = useCallback(() => setRegions([]), []);
  return useMemo(() => ({ active, regions, setActive, add, remove, clear }), [active, regions, add, remove, clear]);
}
