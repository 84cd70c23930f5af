import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { CaseListRow } from '../../../../shared/contract/cases';
import { useMesa } from '../../api/mesa-context';
import { useDebouncedValue } from '../../hooks/use-debounced-value';
import { useI18n } from '../../i18n/i18n-context';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { hasActiveFilters, initialFilters, queryKey, type CaseListFilters } from './list/case-list-query';
import { CaseListToolbar } from './list/CaseListToolbar';
import { CaseTable } from './list/CaseTable';
import { useCasePages } from './list/use-case-pages';
import { CaseView } from './view/CaseView';
import './cases.css';

const SEARCH_DEBOUNCE_MS = 200;
const REFRESH_DEBOUNCE_MS = 250;

/** The Casos screen: toolbar + virtualised list, and the case view on top when a row is opened. */
export function CasesScreen({ initialCaseId = null }: Readonly<{ initialCaseId?: string | null }>) {
  const api = useMesa();
  const { t } = useI18n();
  const [filters, setFilters] = useState<CaseListFilters>(initialFilters);
  const [openCaseId, setOpenCaseId] = useState<string | null>(initialCaseId);
  const search = useDebouncedValue(filters.search, SEARCH_DEBOUNCE_MS);
  const effective = useMemo(() => ({ ...filters, search }), [filters, search]);
  const pages = useCasePages(effective);
  const key = queryKey(effective);

  // Keep the rows on screen fresh when a case changes (a transition here, or sync in the background).
  const visible = useRef<readonly [number, number]>([0, 0]);
  const onVisibleRange = useCallback((start: number, end: number) => {
    visible.current = [start, end];
  }, []);
  const { refresh } = pages;
  useEffect(() => {
    let timer = 0;
    const unsubscribe = api.on('caseChanged', () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => refresh(visible.current[0], visible.current[1]), REFRESH_DEBOUNCE_MS);
    });
    return () => {
      window.clearTimeout(timer);
      unsubscribe();
    };
  }, [api, refresh]);

  const listRef = useRef<HTMLDivElement>(null);
  const openRow = useCallback((row: CaseListRow) => setOpenCaseId(row.id), []);
  const closeCase = useCallback(() => {
    setOpenCaseId(null);
    // Back to the list where the user left it: focus returns to the grid (its active row is kept).
    window.requestAnimationFrame(() => listRef.current?.querySelector<HTMLElement>('[data-testid="case-list"]')?.focus());
  }, []);
  const empty = pages.settled && pages.total === 0;

  return (
    <div className="cases-screen">
      <div className="cases-list" ref={listRef} inert={openCaseId !== null}>
        <CaseListToolbar filters={filters} onChange={setFilters} total={pages.total} loading={!pages.settled} />
        {pages.error ? (
          <div className="cases-notice">
            <ErrorNotice error={pages.error} title={t('cases.error.title')} onRetry={pages.retry} testId="case-list-error" />
          </div>
        ) : null}
        {empty ? (
          <div className="empty-state" data-testid="case-list-empty">
            <h2>{t('cases.empty.title')}</h2>
            <p>{hasActiveFilters(effective) ? t('cases.empty.filtered') : t('cases.empty.none')}</p>
          </div>
        ) : (
          <CaseTable
            pages={pages}
            queryKey={key}
            sort={filters.sort}
            onSort={(sort) => setFilters((prev) => ({ ...prev, sort }))}
            onOpen={openRow}
            onVisibleRange={onVisibleRange}
          />
        )}
      </div>
      {openCaseId ? <CaseView key={openCaseId} caseId={openCaseId} onClose={closeCase} /> : null}
    </div>
  );
}
