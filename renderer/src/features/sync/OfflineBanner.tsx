import { useI18n } from '../../i18n/i18n-context';
import { useSync } from './sync-context';

/** A quiet strip over the content while the platform is out of reach; work goes on locally. */
export function OfflineBanner() {
  const { t } = useI18n();
  const { status } = useSync();
  if (status?.state !== 'offline') return null;
  return (
    <div className="offline-banner" role="status" data-testid="offline-banner">
      <svg viewBox="0 0 20 20" width="15" height="15" aria-hidden="true" focusable="false">
        <path d="M2.5 7.5a11 11 0 0 1 15 0M5 10.5a7 7 0 0 1 10 0M7.7 13.3a3 3 0 0 1 4.6 0M10 16.5h.01M3 3l14 14" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
      </svg>
      {t('sync.offlineBanner')}
    </div>
  );
}
