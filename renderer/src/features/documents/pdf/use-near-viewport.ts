import { useEffect, useState, type RefObject } from 'react';

/**
 * True while `target` is inside `root`'s visible area or within `margin` of it: pages and
 * thumbnails render only then, so opening a long PDF costs the pages on screen, not all of them.
 */
export function useNearViewport(target: RefObject<HTMLElement | null>, root: HTMLElement | null, margin = '600px 0px'): boolean {
  const [near, setNear] = useState(false);
  useEffect(() => {
    const element = target.current;
    if (!element || !root) return undefined;
    const observer = new IntersectionObserver((entries) => {
      const entry = entries[entries.length - 1];
      if (entry) setNear(entry.isIntersecting);
    }, { root, rootMargin: margin });
    observer.observe(element);
    return () => observer.disconnect();
  }, [target, root, margin]);
  return near;
}
