import { useCallback, useState } from 'react';
import { DOCUMENT_ATTENTION_COUNT_CAP, DocumentAttentionReason, type DocumentAttentionRow } from '../../../../shared/contract/documents';
import { useMesa } from '../../api/mesa-context';
import { formatDate } from '../../format';
import { useDebouncedValue } from '../../hooks/use-debounced-value';
import { useI18n } from '../../i18n/i18n-context';
import { ErrorNotice } from '../../ui/ErrorNotice';
import type { CaseOpening } from '../cases/view/CaseView';
import { formatBytes } from '../documents/document-format';
import { DocumentSearchAcrossCases } from './DocumentSearchAcrossCases';
import { OverviewScreen } from './OverviewScreen';
import { useLiveQuery } from './use-live-query';

const LIMIT = 300;
const EVENTS = ['documentsChanged', 'caseChanged'] as const;
const SEARCH_DEBOUNCE_MS = 300;

type Reason = DocumentAttentionReason;

/** The Documentos section: documents of every case that need the mediator, and a search through all their text. */
export function DocumentsOverview() {
  const { t } = useI18n();
  const [query, setQuery] = useState('');
  const searched = useDebouncedValue(query.trim(), SEARCH_DEBOUNCE_MS);
  return (
    <OverviewScreen testId="documents-overview">
      {(open) => (
        <>
          <div className="overview-toolbar">
            <p className="overview-intro muted">{t('documents.overview.intro')}</p>
            <div className="overview-search-row">
              <label className="search overview-search">
                <span className="visually-hidden">{t('documents.overview.search')}</span>
                <svg className="search-icon" viewBox="0 0 20 20" width="15" height="15" aria-hidden="true">
                  <circle cx="8.5" cy="8.5" r="5.5" fill="none" stroke="currentColor" strokeWidth="1.8" />
                  <path d="M13 13l4 4" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
                </svg>
                <input
                  type="search"
                  className="input search-input"
                  value={query}
                  maxLength={200}
                  placeholder={t('documents.overview.searchPlaceholder')}
                  onChange={(event) => setQuery(event.target.value)}
                  onKeyDown={(event) => {
                    if (event.key === 'Escape' && query !== '') {
                      event.preventDefault();
                      setQuery('');
                    }
                  }}
                  data-testid="documents-overview-search"
                />
              </label>
              {query !== '' ? (
                <button type="button" className="btn btn-ghost btn-sm" onClick={() => setQuery('')}>
                  {t('documents.overview.clearSearch')}
                </button>
              ) : null}
            </div>
          </div>
          {searched !== '' ? (
            <DocumentSearchAcrossCases
              query={searched}
              onOpen={(caseId, documentId) => open(caseId, { tab: 'documents', document: { documentId, query: searched } })}
            />
          ) : (
            <AttentionList onOpen={(caseId, opening) => open(caseId, opening)} />
          )}
        </>
      )}
    </OverviewScreen>
  );
}

function AttentionList({ onOpen }: Readonly<{ onOpen: (caseId: string, opening: CaseOpening) => void }>) {
  const api = useMesa();
  const i18n = useI18n();
  const { t } = i18n;
  const [reason, setReason] = useState<Reason | null>(null);
  const load = useCallback(() => api.listDocumentAttention({ reasons: reason ? [reason] : [], limit: LIMIT }), [api, reason]);
  const { value, error, loading, reload } = useLiveQuery(load, EVENTS);
  const countText = (n: number) => (n >= DOCUMENT_ATTENTION_COUNT_CAP ? t('documents.overview.countCapped', { count: DOCUMENT_ATTENTION_COUNT_CAP }) : i18n.formatNumber(n));
  const total = value ? DocumentAttentionReason.options.reduce((sum, r) => sum + value.counts[r], 0) : 0;

  return (
    <>
      <div className="overview-toolbar overview-toolbar-chips">
        <div className="chip-group" role="group" aria-label={t('documents.overview.filter')}>
          <button type="button" className="chip" aria-pressed={reason === null} onClick={() => setReason(null)} data-testid="documents-chip-all">
            {t('documents.overview.chip.all')}
            {value ? <span className="chip-count num">{countText(total)}</span> : null}
          </button>
          {DocumentAttentionReason.options.map((r) => (
            <button key={r} type="button" className={`chip reason-${r}`} aria-pressed={reason === r} onClick={() => setReason(r)} data-testid={`documents-chip-${r}`}>
              {t(`documentAttention.${r}`)}
              {value ? <span className="chip-count num">{countText(value.counts[r])}</span> : null}
            </button>
          ))}
        </div>
        <span className="overview-note muted">{t('documents.overview.notDownloadedNote')}</span>
      </div>
      {error ? (
        <div className="overview-notice">
          <ErrorNotice error={error} title={t('documents.overview.loadError')} onRetry={reload} testId="documents-overview-error" />
        </div>
      ) : null}
      {value === null ? (
        !error ? <div className="overview-loading"><div className="spinner" /></div> : null
      ) : value.rows.length === 0 ? (
        <div className="empty-state" data-testid="documents-overview-empty">
          <p>{reason === null ? t('documents.overview.empty') : t('documents.overview.emptyFiltered')}</p>
        </div>
      ) : (
        <div className="overview-table-wrap" aria-busy={loading}>
          <table className="overview-table" aria-label={t('documents.overview.table')}>
            <thead>
              <tr>
                <th scope="col">{t('documents.overview.col.reason')}</th>
                <th scope="col">{t('documents.overview.col.document')}</th>
                <th scope="col">{t('documents.overview.col.case')}</th>
                <th scope="col">{t('documents.overview.col.received')}</th>
                <th scope="col">{t('documents.overview.col.detail')}</th>
              </tr>
            </thead>
            <tbody>
              {value.rows.map((row) => (
                <AttentionRow key={row.documentId} row={row} onOpen={() => onOpen(row.caseId, { tab: 'documents' })} />
              ))}
            </tbody>
          </table>
          {(reason ? value.counts[reason] : total) > value.rows.length ? (
            <p className="overview-more muted">{t('documents.overview.more', { shown: value.rows.length })}</p>
          ) : null}
        </div>
      )}
    </>
  );
}

const TONE: Readonly<Record<Reason, 'danger' | 'warning' | 'muted'>> = {
  integrity: 'danger',
  download_failed: 'danger',
  upload_failed: 'danger',
  upload_pending: 'warning',
  not_downloaded: 'muted',
};

function AttentionRow({ row, onOpen }: Readonly<{ row: DocumentAttentionRow; onOpen: () => void }>) {
  const { t, locale } = useI18n();
  const detail =
    row.reason === 'upload_failed' && row.uploadProblem ? t(`documentUploadProblem.${row.uploadProblem}`)
    : row.problem && row.reason !== 'upload_pending' ? t(`documentRefusal.${row.problem}`)
    : row.reason === 'upload_pending' || row.reason === 'integrity' ? t(`documents.overview.detail.${row.reason}`)
    : null;
  return (
    <tr className="overview-row" onClick={onOpen} data-testid="documents-overview-row" data-document-id={row.documentId} data-reason={row.reason}>
      <td>
        <span className={`pill pill-${TONE[row.reason]}`}>{t(`documentAttention.${row.reason}`)}</span>
      </td>
      <td className="overview-doc">
        <span className="overview-file" title={row.fileName}>{row.fileName}</span>
        <span className="overview-sub muted">
          {t(`documentKind.${row.kind}`)} · {formatBytes(row.sizeBytes, locale)}
        </span>
      </td>
      <td>
        <button type="button" className="overview-case" data-overview-row onClick={(event) => { event.stopPropagation(); onOpen(); }}>
          <span className="overview-folio num">{row.folio}</span>
          <span className="overview-brand">{row.brandName}</span>
        </button>
      </td>
      <td className="num">{formatDate(row.receivedAt, locale)}</td>
      <td className="overview-detail">{detail ?? <span className="muted">—</span>}</td>
    </tr>
  );
}
