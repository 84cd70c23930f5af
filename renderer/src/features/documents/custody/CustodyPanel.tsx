import { useCallback, useEffect, useState } from 'react';
import type { CustodyEntry, CustodyVerification } from '../../../../../shared/contract/documents';
import type { AppErrorShape } from '../../../../../shared/contract/errors';
import { useMesa } from '../../../api/mesa-context';
import { formatDateTime } from '../../../format';
import { useI18n } from '../../../i18n/i18n-context';
import { ErrorNotice } from '../../../ui/ErrorNotice';
import { shortHash } from '../document-format';

type Props = Readonly<{
  documentId: string;
  /** Changes when the viewer did something that adds an entry (opened, exported…): reload. */
  revision: number;
}>;

/** The document's hash-chained custody log, oldest first, and the button that checks the chain. */
export function CustodyPanel({ documentId, revision }: Props) {
  const api = useMesa();
  const i18n = useI18n();
  const { t, locale } = i18n;
  const [entries, setEntries] = useState<readonly CustodyEntry[] | null>(null);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const [verification, setVerification] = useState<CustodyVerification | null>(null);
  const [checking, setChecking] = useState(false);
  const [reloads, setReloads] = useState(0);

  useEffect(() => {
    let cancelled = false;
    void api.getCustodyLog({ documentId }).then((result) => {
      if (cancelled) return;
      setEntries(result.ok ? result.value : null);
      setError(result.ok ? null : result.error);
    });
    return () => {
      cancelled = true;
    };
  }, [api, documentId, revision, reloads]);

  const verify = useCallback(async () => {
    setChecking(true);
    const result = await api.verifyCustody({ documentId });
    setChecking(false);
    setVerification(result.ok ? result.value : null);
    setError(result.ok ? null : result.error);
    setReloads((n) => n + 1);
  }, [api, documentId]);

  return (
    <section className="custody" aria-labelledby="custody-title" data-testid="custody-panel">
      <div className="custody-head">
        <h3 id="custody-title">{t('documents.custody.title')}</h3>
        <button type="button" className="btn btn-sm" onClick={() => void verify()} disabled={checking} data-testid="custody-verify">
          {t('documents.custody.verify')}
        </button>
      </div>
      <p className="muted custody-intro">{t('documents.custody.intro')}</p>
      {verification ? (
        verification.ok ? (
          <p className="custody-result custody-ok" role="status" data-testid="custody-result" data-ok="true">
            {t('documents.custody.ok', { count: verification.entries })}{' '}
            {verification.fileIntact ? t('documents.custody.fileIntact') : t('documents.custody.fileChanged')}
          </p>
        ) : (
          <p className="custody-result custody-broken" role="alert" data-testid="custody-result" data-ok="false">
            {t('documents.custody.broken', { seq: verification.firstBrokenSeq })} {t(`custodyBreak.${verification.reason}`, { seq: verification.firstBrokenSeq })}{' '}
            {verification.fileIntact ? '' : t('documents.custody.fileChanged')}
          </p>
        )
      ) : null}
      {error ? <ErrorNotice error={error} testId="custody-error" /> : null}
      {entries ? (
        <ol className="custody-list">
          {entries.map((entry) => (
            <li
              key={entry.seq}
              className={verification && !verification.ok && entry.seq >= verification.firstBrokenSeq ? 'custody-entry custody-entry-broken' : 'custody-entry'}
              data-testid="custody-entry"
              data-event={entry.event}
            >
              <span className="custody-seq num">{entry.seq}</span>
              <div className="custody-main">
                <span className="custody-event">{t(`custodyEvent.${entry.event}`)}</span>
                <span className="muted">
                  <time dateTime={entry.at}>{formatDateTime(entry.at, locale)}</time> · {entry.actor}
                </span>
                {entry.detail ? <span className="custody-detail">{entry.detail}</span> : null}
              </div>
              <code className="custody-hash" title={entry.hash}>
                {shortHash(entry.hash)}
              </code>
            </li>
          ))}
        </ol>
      ) : null}
    </section>
  );
}
