import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { CaseListRow } from '../../../../../shared/contract/cases';
import type { AppErrorShape } from '../../../../../shared/contract/errors';
import { useMesa } from '../../../api/mesa-context';
import { PAGE_SIZE, queryKey, toQuery, type CaseListFilters } from './case-list-query';

/** Pages kept in memory; the farthest from the newest page are dropped first (100 000 rows ≈ 1 000 pages). */
const MAX_CACHED_PAGES = 40;

type Pages = ReadonlyMap<number, readonly CaseListRow[]>;

interface PagesState {
  readonly key: string;
  readonly pages: Pages;
  /** From the last response of any query: the list keeps its size while a new query loads. */
  readonly total: number | null;
  readonly error: AppErrorShape | null;
  /** The current query answered at least once, so `total` is its own. */
  readonly answered: boolean;
}

const EMPTY: Pages = new Map();

function withPage(pages: Pages, page: number, rows: readonly CaseListRow[]): Pages {
  const next = new Map(pages);
  next.set(page, rows);
  if (next.size > MAX_CACHED_PAGES) {
    const farthest = [...next.keys()].sort((a, b) => Math.abs(b - page) - Math.abs(a - page));
    for (const stale of farthest.slice(0, next.size - MAX_CACHED_PAGES)) next.delete(stale);
  }
  return next;
}

function pagesOf(start: number, end: number): number[] {
  const first = Math.max(0, Math.floor(start / PAGE_SIZE));
  const last = Math.max(first, Math.floor(end / PAGE_SIZE));
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

export interface CasePages {
  readonly total: number | null;
  /** True once the current query answered at least once (total is then its own). */
  readonly settled: boolean;
  readonly error: AppErrorShape | null;
  rowAt(index: number): CaseListRow | undefined;
  /** Loads the pages covering [start, end] that are not cached or in flight. */
  ensureRange(start: number, end: number): void;
  /** Re-fetches [start, end] in place (rows stay visible) and forgets every other page. */
  refresh(start: number, end: number): void;
  retry(): void;
}

/**
 * Offset-paged access to `listCases` for a virtualised list. Responses for an older query are
 * ignored (the API cannot be aborted, so they are simply dropped when they arrive).
 */
export function useCasePages(filters: CaseListFilters): CasePages {
  const api = useMesa();
  const key = queryKey(filters);
  const [state, setState] = useState<PagesState>({ key, pages: EMPTY, total: null, error: null, answered: false });
  const latestKey = useRef(key);
  const inflight = useRef<{ key: string; pages: Set<number> }>({ key, pages: new Set() });

  useEffect(() => {
    latestKey.current = key;
  }, [key]);

  const current: PagesState = state.key === key ? state : { key, pages: EMPTY, total: state.total, error: null, answered: false };

  const fetchPage = useCallback(
    (page: number) => {
      if (inflight.current.key !== key) inflight.current = { key, pages: new Set() };
      const pending = inflight.current.pages;
      if (pending.has(page)) return;
      pending.add(page);
      void api.listCases(toQuery(filters, page)).then((result) => {
        pending.delete(page);
        if (latestKey.current !== key) return;
        setState((prev) => {
          const base: PagesState = prev.key === key ? prev : { key, pages: EMPTY, total: prev.total, error: null, answered: false };
          if (!result.ok) return { ...base, error: result.error };
          return { key, pages: withPage(base.pages, page, result.value.rows), total: result.value.total, error: null, answered: true };
        });
      });
    },
    [api, key, filters],
  );

  const loaded = current.pages;
  const ensureRange = useCallback(
    (start: number, end: number) => {
      for (const page of pagesOf(start, end)) if (!loaded.has(page)) fetchPage(page);
    },
    [loaded, fetchPage],
  );

  const refresh = useCallback(
    (start: number, end: number) => {
      const wanted = new Set(pagesOf(start, end));
      setState((prev) => (prev.key === key ? { ...prev, pages: new Map([...prev.pages].filter(([page]) => wanted.has(page))) } : prev));
      for (const page of wanted) fetchPage(page);
    },
    [key, fetchPage],
  );

  const retry = useCallback(() => {
    setState((prev) => ({ ...prev, error: null }));
    fetchPage(0);
  }, [fetchPage]);

  return useMemo(
    () => ({
      total: current.total,
      settled: current.answered,
      error: current.error,
      rowAt: (index: number) => loaded.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE],
      ensureRange,
      refresh,
      retry,
    }),
    [current.total, current.error, current.answered, loaded, ensureRange, refresh, retry],
  );
}
