import { useCallback } from 'react';
import { ALL_DOCUMENTS_MAX_HITS } from '../../../../shared/contract/documents';
import { useMesa } from '../../api/mesa-context';
import { useI18n } from '../../i18n/i18n-context';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Snippet } from '../documents/search/Snippet';
import { useLiveQuery } from './use-live-query';

const EVENTS = ['documentsChanged'] as const;

type Props = Readonly<{ query: string; onOpen: (caseId: string, documentId: string) => void }>;

/** Hits in the text of every document (PDF pages, e-mails, plain text), each with its case. */
export function DocumentSearchAcrossCases({ query, onOpen }: Props) {
  const api = useMesa();
  const i18n = useI18n();
  const { t } = i18n;
  const load = useCallback(() => api.searchAllDocuments({ query }), [api, query]);
  const { value, error, loading, reload } = useLiveQuery(load, EVENTS);

  if (error) {
    return (
      <div className="overview-notice">
        <ErrorNotice error={error} title={t('documents.overview.searchError')} onRetry={reload} testId="documents-overview-search-error" />
      </div>
    );
  }
  if (value === null) return <div className="overview-loading"><div className="spinner" /></div>;
  return (
    <section className="overview-hits" aria-label={t('documents.overview.search')} aria-busy={loading} data-testid="documents-overview-hits">
      <p className="muted overview-hits-count" aria-live="polite">
        {value.length === 0 ? t('documents.overview.hits.none', { query }) : i18n.plural('documents.overview.hits', value.length, { query })}
        {value.length >= ALL_DOCUMENTS_MAX_HITS ? ` ${t('documents.overview.hits.capped', { count: ALL_DOCUMENTS_MAX_HITS })}` : null}
      </p>
      <ul>
        {value.map((hit, index) => (
          <li key={`${hit.documentId}-${hit.page ?? 0}-${index}`}>
            <button type="button" className="overview-hit" data-overview-row onClick={() => onOpen(hit.caseId, hit.documentId)} data-testid="documents-overview-hit" data-case-id={hit.caseId}>
              <span className="overview-hit-head">
                <span className="overview-file">{hit.fileName}</span>
                {hit.page !== null ? <span className="muted"> · {t('documents.pdf.page', { page: hit.page })}</span> : null}
                <span className="overview-hit-case">
                  <span className="overview-folio num">{hit.folio}</span> <span className="muted">{hit.brandName}</span>
                </span>
              </span>
              <span className="overview-hit-snippet">
                <Snippet text={hit.snippet} />
              </span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
