import { useEffect, useState } from 'react';
import type { z } from 'zod';
import type { DocumentHit } from '../../../../../shared/contract/documents';
import type { AppErrorShape } from '../../../../../shared/contract/errors';
import { useMesa } from '../../../api/mesa-context';
import { useI18n } from '../../../i18n/i18n-context';
import { ErrorNotice } from '../../../ui/ErrorNotice';
import { Snippet } from './Snippet';
import { Loading } from '../viewer/Loading';

type Hit = z.infer<typeof DocumentHit>;

type Props = Readonly<{
  caseId: string;
  query: string;
  onOpen: (documentId: string, options: { query: string }) => void;
}>;

/** Full-text hits inside the case's documents (PDF text, e-mails, plain text), with their snippets. */
export function DocumentSearchResults({ caseId, query, onOpen }: Props) {
  const api = useMesa();
  const i18n = useI18n();
  const { t } = i18n;
  const [answer, setAnswer] = useState<{ readonly query: string; readonly hits: readonly Hit[]; readonly error: AppErrorShape | null } | null>(null);

  useEffect(() => {
    let current = true;
    void api.searchDocuments({ caseId, query }).then((result) => {
      if (current) setAnswer({ query, hits: result.ok ? result.value : [], error: result.ok ? null : result.error });
    });
    return () => {
      current = false;
    };
  }, [api, caseId, query]);

  // An answer for an older query is not shown as this one's.
  const hits = answer?.query === query ? answer.hits : null;
  const error = answer?.query === query ? answer.error : null;

  if (error) return <ErrorNotice error={error} testId="documents-search-error" />;
  if (!hits) {
    return <Loading />;
  }
  return (
    <section className="doc-search-results" aria-label={t('documents.search.results')} data-testid="documents-search-results">
      <p className="muted">{hits.length === 0 ? t('documents.search.none', { query }) : i18n.plural('documents.search.count', hits.length, { query })}</p>
      <ul>
        {hits.map((hit, index) => (
          <li key={`${hit.documentId}-${hit.page ?? 0}-${index}`}>
            <button type="button" className="doc-hit" onClick={() => onOpen(hit.documentId, { query })} data-testid="documents-search-hit">
              <span className="doc-hit-name">
                {hit.fileName}
                {hit.page !== null ? <span className="muted"> · {t('documents.pdf.page', { page: hit.page })}</span> : null}
              </span>
              <span className="doc-hit-snippet">
                <Snippet text={hit.snippet} />
              </span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
