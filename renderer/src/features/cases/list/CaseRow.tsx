import { memo } from 'react';
import type { CaseListRow } from '../../../../../shared/contract/cases';
import { useI18n } from '../../../i18n/i18n-context';
import { formatClp, formatDate } from '../../../format';
import { StageBadge } from '../../../ui/StageBadge';
import { NextDeadline } from './NextDeadline';

type Props = Readonly<{
  row: CaseListRow;
  index: number;
  top: number;
  active: boolean;
  nowIso: string;
  onOpen: (row: CaseListRow, index: number) => void;
}>;

/** One case in the virtualised list, absolutely positioned at `top`. */
export const CaseRow = memo(function CaseRow({ row, index, top, active, nowIso, onOpen }: Props) {
  const { t, locale } = useI18n();
  return (
    <div
      id={`case-row-${index}`}
      className={active ? 'case-grid case-row case-row-active' : 'case-grid case-row'}
      role="row"
      aria-rowindex={index + 2}
      aria-selected={active}
      data-testid="case-row"
      data-case-id={row.id}
      style={{ transform: `translateY(${top}px)` }}
      onClick={() => onOpen(row, index)}
    >
      <div className="case-cell cell-folio" role="gridcell" data-testid="case-folio">
        {row.folio}
      </div>
      <div className="case-cell cell-strong" role="gridcell" title={row.consumerName}>
        {row.consumerName}
      </div>
      <div className="case-cell" role="gridcell" title={row.brandName}>
        {row.brandName}
      </div>
      <div className="case-cell muted" role="gridcell" title={t(`category.${row.category}`)}>
        {t(`category.${row.category}`)}
      </div>
      <div className="case-cell" role="gridcell">
        <StageBadge stage={row.stage} subState={row.subState} />
      </div>
      <div className="case-cell cell-end num" role="gridcell">
        {formatClp(row.amountClp)}
      </div>
      <div className="case-cell num muted" role="gridcell">
        {formatDate(row.filedAt, locale)}
      </div>
      <div className="case-cell" role="gridcell">
        <NextDeadline kind={row.nextDeadlineKind} dueAt={row.nextDeadlineAt} nowIso={nowIso} />
      </div>
    </div>
  );
});

/** A row whose page is still loading: same height, no content, no test id of a real row. */
export function CaseRowPlaceholder({ index, top }: Readonly<{ index: number; top: number }>) {
  return (
    <div className="case-grid case-row case-row-loading" role="row" aria-rowindex={index + 2} aria-busy="true" style={{ transform: `translateY(${top}px)` }}>
      <div className="case-cell" role="gridcell">
        <span className="skeleton skeleton-short" />
      </div>
      <div className="case-cell" role="gridcell">
        <span className="skeleton" />
      </div>
      <div className="case-cell" role="gridcell">
        <span className="skeleton" />
      </div>
    </div>
  );
}
