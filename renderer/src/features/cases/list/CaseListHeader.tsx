import type { CaseSortField } from '../../../../../shared/contract/cases';
import { useI18n } from '../../../i18n/i18n-context';
import { columns } from './columns';

type Sort = Readonly<{ field: CaseSortField; direction: 'asc' | 'desc' }>;
type Props = Readonly<{ sort: Sort; onSort: (next: Sort) => void }>;

/** Column headers; sortable ones toggle asc/desc, a new column starts descending (newest, largest first). */
export function CaseListHeader({ sort, onSort }: Props) {
  const { t } = useI18n();
  return (
    <div className="case-grid case-header" role="row">
      {columns.map((column) => {
        const active = column.sort !== null && column.sort === sort.field;
        const ariaSort = active ? (sort.direction === 'asc' ? 'ascending' : 'descending') : undefined;
        const className = `case-cell case-head${column.align === 'end' ? ' cell-end' : ''}`;
        if (column.sort === null) {
          return (
            <div key={column.id} className={className} role="columnheader">
              {t(column.label)}
            </div>
          );
        }
        const field = column.sort;
        return (
          <div key={column.id} className={className} role="columnheader" aria-sort={ariaSort}>
            <button
              type="button"
              className={active ? 'sort-button sort-active' : 'sort-button'}
              onClick={() => onSort({ field, direction: active && sort.direction === 'desc' ? 'asc' : 'desc' })}
              data-testid={`sort-${column.id}`}
            >
              {t(column.label)}
              <span className="sort-arrow" aria-hidden="true">
                {active ? (sort.direction === 'asc' ? '↑' : '↓') : '↕'}
              </span>
              {active ? <span className="visually-hidden">, {t(sort.direction === 'asc' ? 'cases.sort.asc' : 'cases.sort.desc')}</span> : null}
            </button>
          </div>
        );
      })}
    </div>
  );
}
