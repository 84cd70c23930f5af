import { Category, Stage } from '../../../../../shared/domain/case';
import { DeadlineState } from '../../../../../shared/domain/deadline';
import { useI18n } from '../../../i18n/i18n-context';
import { hasActiveFilters, initialFilters, toggle, type CaseListFilters } from './case-list-query';

type Props = Readonly<{
  filters: CaseListFilters;
  onChange: (next: CaseListFilters) => void;
  total: number | null;
  loading: boolean;
}>;

/** Deadline states a user filters on: "none" is not a useful filter for a caseload. */
const deadlineFilterStates = DeadlineState.options.filter((s) => s !== 'none');

/** Search box, stage and deadline chips, category select and the total. */
export function CaseListToolbar({ filters, onChange, total, loading }: Props) {
  const i18n = useI18n();
  const { t } = i18n;
  return (
    <div className="case-toolbar">
      <div className="case-toolbar-row">
        <label className="search">
          <span className="visually-hidden">{t('cases.search.label')}</span>
          <svg className="search-icon" viewBox="0 0 20 20" width="15" height="15" aria-hidden="true">
            <circle cx="9" cy="9" r="5.5" fill="none" stroke="currentColor" strokeWidth="1.6" />
            <path d="M13.2 13.2 17 17" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
          </svg>
          <input
            className="input search-input"
            type="search"
            value={filters.search}
            placeholder={t('cases.search')}
            maxLength={200}
            onChange={(event) => onChange({ ...filters, search: event.target.value })}
            data-testid="search-input"
          />
        </label>
        <select
          className="select"
          aria-label={t('cases.filter.category')}
          value={filters.category ?? ''}
          onChange={(event) => {
            const parsed = Category.safeParse(event.target.value);
            onChange({ ...filters, category: parsed.success ? parsed.data : null });
          }}
          data-testid="category-filter"
        >
          <option value="">{t('cases.filter.category.all')}</option>
          {Category.options.map((category) => (
            <option key={category} value={category}>
              {t(`category.${category}`)}
            </option>
          ))}
        </select>
        <p className={loading ? 'total total-loading num' : 'total num'} data-testid="total-count" aria-live="polite">
          {total === null ? '' : i18n.plural('cases.total', total)}
        </p>
      </div>
      <div className="case-toolbar-row case-toolbar-chips">
        <div className="chip-group" role="group" aria-label={t('cases.filter.stage')}>
          <span className="chip-group-label">{t('cases.filter.stage')}</span>
          {Stage.options.map((stage) => (
            <button
              key={stage}
              type="button"
              className="chip"
              aria-pressed={filters.stages.includes(stage)}
              onClick={() => onChange({ ...filters, stages: toggle(filters.stages, stage) })}
              data-testid={`stage-filter-${stage}`}
            >
              <span className={`dot dot-stage-${stage}`} aria-hidden="true" />
              {t(`stage.${stage}`)}
            </button>
          ))}
        </div>
        <div className="chip-group" role="group" aria-label={t('cases.filter.deadline')}>
          <span className="chip-group-label">{t('cases.filter.deadline')}</span>
          {deadlineFilterStates.map((state) => (
            <button
              key={state}
              type="button"
              className={`chip deadline-${state}`}
              aria-pressed={filters.deadlineStates.includes(state)}
              onClick={() => onChange({ ...filters, deadlineStates: toggle(filters.deadlineStates, state) })}
              data-testid={`deadline-filter-${state}`}
            >
              <span className="dot" aria-hidden="true" />
              {t(`deadlineState.${state}`)}
            </button>
          ))}
        </div>
        {hasActiveFilters(filters) ? (
          <button type="button" className="btn btn-ghost btn-sm" onClick={() => onChange({ ...initialFilters, sort: filters.sort })} data-testid="clear-filters">
            {t('cases.filter.clear')}
          </button>
        ) : null}
      </div>
    </div>
  );
}
