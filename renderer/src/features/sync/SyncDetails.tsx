import { useState, type ReactNode } from 'react';
import type { AppErrorShape } from '../../../../shared/contract/errors';
import type { Result } from '../../../../shared/contract/result';
import type { SyncStatus } from '../../../../shared/contract/sync';
import { agoText, isTransientSyncError } from '../../../../shared/i18n';
import { useNow } from '../../hooks/use-now';
import { useI18n } from '../../i18n/i18n-context';
import { formatDateTime, formatTime } from '../../format';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { useSync } from './sync-context';

function Row({ label, children }: Readonly<{ label: string; children: ReactNode }>) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

/** Server, account, last sync, what waits to be sent, and the actions. */
export function SyncDetails({ onSignIn }: Readonly<{ onSignIn: () => void }>) {
  const i18n = useI18n();
  const { t, locale } = i18n;
  const sync = useSync();
  const nowIso = useNow(30_000).toISOString();
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<AppErrorShape | null>(null);
  const status = sync.status;

  const run = async (action: () => Promise<Result<SyncStatus>>) => {
    setBusy(true);
    const result = await action();
    setBusy(false);
    setActionError(result.ok ? null : result.error);
  };

  const none = t('sync.details.none');
  const syncError = status?.error ?? null;
  return (
    <div className="sync-details" role="dialog" aria-label={t('sync.details.title')} data-testid="sync-details">
      <p className="sync-details-title">{t('sync.details.title')}</p>
      {status ? (
        <dl className="sync-facts">
          <Row label={t('sync.details.server')}>
            <span className="mono break">{status.serverUrl ?? none}</span>
          </Row>
          <Row label={t('sync.details.account')}>
            <span className="break">{status.accountEmail ?? none}</span>
          </Row>
          <Row label={t('sync.details.lastSync')}>
            {status.lastSyncedAt ? (
              <span className="num" title={formatDateTime(status.lastSyncedAt, locale)}>
                {agoText(i18n, status.lastSyncedAt, nowIso)}
              </span>
            ) : (
              t('sync.never')
            )}
          </Row>
          <Row label={t('sync.details.pending')}>
            <span className="num">{status.pendingWrites > 0 ? i18n.formatNumber(status.pendingWrites) : none}</span>
          </Row>
          <Row label={t('sync.details.conflicts')}>
            <span className={status.openConflicts > 0 ? 'num sync-attention' : 'num'}>{status.openConflicts > 0 ? i18n.formatNumber(status.openConflicts) : none}</span>
          </Row>
        </dl>
      ) : null}
      {syncError ? (
        <div className={isTransientSyncError(syncError.code) ? 'sync-error sync-error-transient' : 'sync-error'} role="status" data-testid="sync-error" data-error-code={syncError.code}>
          <p>{t(`syncError.${syncError.code}`)}</p>
          {syncError.retryAt ? <p className="muted num">{t('sync.details.retryAt', { time: formatTime(syncError.retryAt) })}</p> : null}
        </div>
      ) : null}
      {status?.state === 'signed_out' && status.serverUrl === null ? <p className="muted sync-note">{t('sync.noPlatform.help')}</p> : null}
      {sync.error && !status ? <ErrorNotice error={sync.error} title={t('sync.unavailable')} /> : null}
      {actionError ? <ErrorNotice error={actionError} /> : null}
      {status && status.state !== 'signed_out' && status.pendingWrites > 0 ? <p className="muted sync-note">{t('sync.signOut.pendingWarning')}</p> : null}
      <div className="sync-actions">
        {status && status.serverUrl !== null && (status.state === 'signed_out' || status.error?.code === 'unauthorized') ? (
          <button type="button" className="btn btn-primary btn-sm" onClick={onSignIn} data-testid="sync-sign-in">
            {t('sync.signIn')}
          </button>
        ) : null}
        {status && status.state !== 'signed_out' ? (
          <>
            <button type="button" className="btn btn-sm" disabled={busy} onClick={() => void run(sync.signOut)} data-testid="sync-sign-out">
              {t('sync.signOut')}
            </button>
            <button type="button" className="btn btn-primary btn-sm" disabled={busy || status.state === 'syncing'} onClick={() => void run(sync.syncNow)} data-testid="sync-now">
              {t('sync.now')}
            </button>
          </>
        ) : null}
      </div>
    </div>
  );
}
