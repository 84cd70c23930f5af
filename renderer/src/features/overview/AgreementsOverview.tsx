import { useCallback, useState } from 'react';
import type { AgreementOverviewRow } from '../../../../shared/contract/agreements';
import { localDateOf } from '../../../../shared/domain/deadlines';
import { useMesa } from '../../api/mesa-context';
import { formatLocalDate } from '../../format';
import { useNow } from '../../hooks/use-now';
import { useI18n } from '../../i18n/i18n-context';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { StageBadge } from '../../ui/StageBadge';
import { AGREEMENT_CHIPS, chipCount, dueText, stateTone, type AgreementChip } from './agreement-overview-model';
import { OverviewScreen } from './OverviewScreen';
import { useLiveQuery } from './use-live-query';

const LIMIT = 300;
const EVENTS = ['agreementsChanged', 'caseChanged'] as const;

/** The Acuerdos section: every case of this computer with an agreement, what needs the mediator first. */
export function AgreementsOverview() {
  return <OverviewScreen testId="agreements-overview">{(open) => <AgreementsTable onOpen={(caseId) => open(caseId, { tab: 'agreement' })} />}</OverviewScreen>;
}

function AgreementsTable({ onOpen }: Readonly<{ onOpen: (caseId: string) => void }>) {
  const api = useMesa();
  const i18n = useI18n();
  const { t } = i18n;
  const [chip, setChip] = useState<AgreementChip>('all');
  // The day in Santiago: "vence en N días" and what counts as due soon move at midnight.
  const today = localDateOf(useNow(60_000).toISOString());
  const load = useCallback(
    () => api.listAgreementOverview({ states: [...(AGREEMENT_CHIPS.find((c) => c.id === chip)?.states ?? [])], limit: LIMIT }),
    [api, chip],
  );
  const { value, error, loading, reload } = useLiveQuery(load, EVENTS, today);

  return (
    <>
      <div className="overview-toolbar">
        <p className="overview-intro muted">{t('agreements.overview.intro')}</p>
        <div className="chip-group" role="group" aria-label={t('agreements.overview.filter')}>
          {AGREEMENT_CHIPS.map((c) => (
            <button key={c.id} type="button" className={`chip overview-chip-${c.id}`} aria-pressed={c.id === chip} onClick={() => setChip(c.id)} data-testid={`agreements-chip-${c.id}`}>
              {t(`agreements.overview.chip.${c.id}`)}
              {value ? <span className="chip-count num">{i18n.formatNumber(chipCount(value.counts, c.states))}</span> : null}
            </button>
          ))}
        </div>
      </div>
      {error ? (
        <div className="overview-notice">
          <ErrorNotice error={error} title={t('agreements.overview.loadError')} onRetry={reload} testId="agreements-overview-error" />
        </div>
      ) : null}
      {value === null ? (
        !error ? <div className="overview-loading"><div className="spinner" /></div> : null
      ) : value.rows.length === 0 ? (
        <div className="empty-state" data-testid="agreements-overview-empty">
          <p>{chip === 'all' ? t('agreements.overview.empty') : t('agreements.overview.emptyFiltered')}</p>
        </div>
      ) : (
        <div className="overview-table-wrap" aria-busy={loading}>
          <table className="overview-table" aria-label={t('agreements.overview.table')}>
            <thead>
              <tr>
                <th scope="col">{t('agreements.overview.col.state')}</th>
                <th scope="col">{t('agreements.overview.col.case')}</th>
                <th scope="col">{t('agreements.overview.col.version')}</th>
                <th scope="col">{t('agreements.overview.col.consumer')}</th>
                <th scope="col">{t('agreements.overview.col.company')}</th>
                <th scope="col">{t('agreements.overview.col.stage')}</th>
                <th scope="col">{t('agreements.overview.col.fulfilment')}</th>
              </tr>
            </thead>
            <tbody>
              {value.rows.map((row) => (
                <AgreementRow key={row.caseId} row={row} today={today} onOpen={onOpen} />
              ))}
            </tbody>
          </table>
          {value.matching > value.rows.length ? (
            <p className="overview-more muted">{t('agreements.overview.more', { shown: value.rows.length, total: value.matching })}</p>
          ) : null}
        </div>
      )}
    </>
  );
}

function AgreementRow({ row, today, onOpen }: Readonly<{ row: AgreementOverviewRow; today: string; onOpen: (caseId: string) => void }>) {
  const i18n = useI18n();
  const { t, locale } = i18n;
  const due = row.fulfilment ? dueText(row.fulfilment, today, i18n) : null;
  return (
    <tr className="overview-row" onClick={() => onOpen(row.caseId)} data-testid="agreements-overview-row" data-case-id={row.caseId} data-state={row.state}>
      <td>
        <span className={`pill pill-${stateTone(row.state)}`}>{t(`agreementOverviewState.${row.state}`)}</span>
      </td>
      <td>
        <button type="button" className="overview-case" data-overview-row onClick={(event) => { event.stopPropagation(); onOpen(row.caseId); }}>
          <span className="overview-folio num">{row.folio}</span>
          <span className="overview-brand">{row.brandName}</span>
        </button>
      </td>
      <td>
        <span className="overview-version">{t('agreements.overview.version', { n: row.number })}</span>
        <span className="overview-sub muted">{t(`agreementStatus.${row.status}`)}</span>
      </td>
      <td><Decision value={row.consumer} /></td>
      <td><Decision value={row.company} /></td>
      <td><StageBadge stage={row.stage} compact /></td>
      <td>
        {row.fulfilment ? (
          <>
            <span className="num">{formatLocalDate(row.fulfilment.dueDate, locale)}</span>
            <span className={`overview-sub due-${row.state}`}>{due ?? t(`fulfilmentStatus.${row.fulfilment.status}`)}</span>
          </>
        ) : (
          <span className="muted">—</span>
        )}
      </td>
    </tr>
  );
}

function Decision({ value }: Readonly<{ value: AgreementOverviewRow['consumer'] }>) {
  const { t } = useI18n();
  return (
    <span className={`decision decision-${value}`}>
      <span className="dot" aria-hidden="true" />
      {t(`partyDecision.${value}`)}
    </span>
  );
}
