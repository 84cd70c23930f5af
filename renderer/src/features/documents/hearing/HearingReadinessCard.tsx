import { useEffect, useState } from 'react';
import type { HearingReadiness } from '../../../../../shared/contract/documents';
import type { AppErrorShape } from '../../../../../shared/contract/errors';
import { useMesa } from '../../../api/mesa-context';
import { formatDateTime } from '../../../format';
import { useI18n } from '../../../i18n/i18n-context';
import { ErrorNotice } from '../../../ui/ErrorNotice';

/**
 * "Preparar audiencia": downloads every document and message of the case, and says when the
 * case can be worked with no network. While it runs, each documentsChanged event refreshes the
 * counts, which is the progress the mediator sees.
 */
export function HearingReadinessCard({ caseId }: Readonly<{ caseId: string }>) {
  const api = useMesa();
  const i18n = useI18n();
  const { t, locale } = i18n;
  const [readiness, setReadiness] = useState<HearingReadiness | null>(null);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const [preparing, setPreparing] = useState(false);

  const [revision, setRevision] = useState(0);

  useEffect(
    () =>
      api.on('documentsChanged', (event) => {
        if (event.caseId === caseId) setRevision((n) => n + 1);
      }),
    [api, caseId],
  );

  useEffect(() => {
    let current = true;
    void api.getHearingReadiness({ caseId }).then((result) => {
      if (!current) return;
      if (result.ok) setReadiness(result.value);
      else setError(result.error);
    });
    return () => {
      current = false;
    };
  }, [api, caseId, revision]);

  const prepare = async () => {
    setPreparing(true);
    setError(null);
    const result = await api.prepareHearing({ caseId });
    setPreparing(false);
    if (result.ok) setReadiness(result.value);
    else setError(result.error);
  };

  const r = readiness;
  return (
    <section className="hearing-card" aria-labelledby="hearing-ready-title" data-testid="hearing-readiness" data-ready={r?.ready ? 'true' : 'false'}>
      <div className="hearing-card-head">
        <div>
          <h3 id="hearing-ready-title">{t('documents.hearing.title')}</h3>
          <p className="muted">{t('documents.hearing.intro')}</p>
        </div>
        <button type="button" className="btn btn-primary" onClick={() => void prepare()} disabled={preparing} data-testid="hearing-prepare">
          {preparing ? <span className="spinner spinner-sm spinner-light" /> : null}
          {preparing ? t('documents.hearing.preparing') : t('documents.hearing.prepare')}
        </button>
      </div>
      {r ? (
        <div className="hearing-status">
          <span className={r.ready ? 'badge badge-ok hearing-badge' : 'badge badge-wait hearing-badge'} data-testid="hearing-status">
            {r.ready ? t('documents.hearing.ready') : t('documents.hearing.notReady')}
          </span>
          <dl className="hearing-facts">
            <div>
              <dt>{t('documents.hearing.documents')}</dt>
              <dd className="num" data-testid="hearing-documents">
                {t('documents.hearing.documentsLocal', { local: r.documentsLocal, total: r.documentsTotal })}
                {r.documentsFailed > 0 ? <span className="hearing-failed"> · {i18n.plural('documents.hearing.failed', r.documentsFailed)}</span> : null}
              </dd>
            </div>
            <div>
              <dt>{t('documents.hearing.messages')}</dt>
              <dd>{r.messagesComplete ? t('documents.hearing.messagesComplete') : t('documents.hearing.messagesMissing')}</dd>
            </div>
            <div>
              <dt>{t('documents.hearing.checked')}</dt>
              <dd>
                <time dateTime={r.checkedAt}>{formatDateTime(r.checkedAt, locale)}</time>
              </dd>
            </div>
          </dl>
          <progress className="hearing-progress" max={Math.max(1, r.documentsTotal)} value={r.documentsLocal} aria-label={t('documents.hearing.documents')} />
        </div>
      ) : null}
      {error ? <ErrorNotice error={error} testId="hearing-error" /> : null}
    </section>
  );
}
