import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { CaseListRow, CaseSortField } from '../../../../../shared/contract/cases';
import { useNow } from '../../../hooks/use-now';
import { useI18n } from '../../../i18n/i18n-context';
import { CaseListHeader } from './CaseListHeader';
import { CaseRow, CaseRowPlaceholder } from './CaseRow';
import type { CasePages } from './use-case-pages';

const ROW_HEIGHT = 40;
const OVERSCAN = 12;

type Props = Readonly<{
  pages: CasePages;
  /** Changes whenever the query changes: the list scrolls back to the top. */
  queryKey: string;
  sort: Readonly<{ field: CaseSortField; direction: 'asc' | 'desc' }>;
  onSort: (next: Readonly<{ field: CaseSortField; direction: 'asc' | 'desc' }>) => void;
  onOpen: (row: CaseListRow) => void;
  /** Called with the visible index range, so the owner can refresh exactly those rows. */
  onVisibleRange: (start: number, end: number) => void;
}>;

/** The virtualised case grid: only visible rows exist in the DOM; pages load as the viewport moves. */
export function CaseTable({ pages, queryKey, sort, onSort, onOpen, onVisibleRange }: Props) {
  const { t } = useI18n();
  const scrollRef = useRef<HTMLDivElement>(null);
  const [activeIndex, setActiveIndex] = useState(0);
  const nowIso = useNow(60_000).toISOString();
  const count = pages.total ?? 0;

  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Virtual returns mutable helpers by design.
  const virtualizer = useVirtualizer({ count, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: OVERSCAN });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;

  const { ensureRange } = pages;
  useEffect(() => {
    ensureRange(first, last);
    onVisibleRange(first, last);
  }, [first, last, ensureRange, onVisibleRange]);

  useEffect(() => {
    scrollRef.current?.scrollTo({ top: 0 });
  }, [queryKey]);

  const clampedActive = Math.min(activeIndex, Math.max(0, count - 1));

  const open = useCallback(
    (row: CaseListRow, index: number) => {
      setActiveIndex(index);
      onOpen(row);
    },
    [onOpen],
  );

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const page = Math.max(1, items.length - OVERSCAN * 2);
    const moves: Readonly<Record<string, number>> = { ArrowDown: 1, ArrowUp: -1, PageDown: page, PageUp: -page, Home: -count, End: count };
    const delta = moves[event.key];
    if (delta !== undefined && count > 0) {
      event.preventDefault();
      const next = Math.min(count - 1, Math.max(0, clampedActive + delta));
      setActiveIndex(next);
      virtualizer.scrollToIndex(next, { align: 'auto' });
      return;
    }
    if (event.key === 'Enter') {
      const row = pages.rowAt(clampedActive);
      if (row) {
        event.preventDefault();
        onOpen(row);
      }
    }
  };

  return (
    <div className="case-table" role="grid" aria-rowcount={count + 1} aria-label={t('cases.title')} aria-describedby="case-keyboard-hint">
      <CaseListHeader sort={sort} onSort={onSort} />
      <div
        ref={scrollRef}
        className="case-scroll"
        tabIndex={0}
        role="rowgroup"
        aria-activedescendant={count > 0 ? `case-row-${clampedActive}` : undefined}
        onKeyDown={onKeyDown}
        data-testid="case-list"
      >
        <div className="case-scroll-inner" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => {
            const row = pages.rowAt(item.index);
            return row ? (
              <CaseRow key={item.key} row={row} index={item.index} top={item.start} active={item.index === clampedActive} nowIso={nowIso} onOpen={open} />
            ) : (
              <CaseRowPlaceholder key={item.key} index={item.index} top={item.start} />
            );
          })}
        </div>
      </div>
      <p id="case-keyboard-hint" className="visually-hidden">
        {t('cases.keyboardHint')}
      </p>
    </div>
  );
}
