import type { AuditEntry } from '../../../../../shared/domain/people';
import { auditDetails } from '../../../../../shared/i18n';
import { useI18n } from '../../../i18n/i18n-context';
import { useAppInfo } from '../../../shell/app-info-context';
import { formatDateTime } from '../../../format';
import './timeline.css';

/** The actor id the sync engine records for changes that came from the platform. */
const PLATFORM_ACTOR = 'platform';

/** The case's audit log, newest first, with codes translated (unknown codes are shown as-is). */
export function CaseTimeline({ entries }: Readonly<{ entries: readonly AuditEntry[] }>) {
  const { t, locale } = useI18n();
  const { user } = useAppInfo();

  return (
    <section className="panel" aria-labelledby="case-timeline-title">
      <h3 className="panel-title" id="case-timeline-title">
        {t('timeline.title')}
      </h3>
      {entries.length === 0 ? (
        <p className="muted">{t('timeline.empty')}</p>
      ) : (
        <ol className="timeline">
          {entries.map((entry) => {
            const details = auditDetails(t, entry.data);
            return (
              <li key={entry.id} className="timeline-item" data-testid="timeline-item" data-action={entry.action}>
                <span className="timeline-dot" aria-hidden="true" />
                <div className="timeline-body">
                  <p className="timeline-action">{t(`audit.${entry.action}`)}</p>
                  {details.map((line) => (
                    <p key={line} className="timeline-details">
                      {line}
                    </p>
                  ))}
                  <p className="timeline-meta num">
                    <time dateTime={entry.at}>{formatDateTime(entry.at, locale)}</time> · {t('timeline.by', { actor: entry.actorId === user.id ? t('timeline.you') : entry.actorId === PLATFORM_ACTOR ? t('timeline.platform') : entry.actorId })}
                  </p>
                </div>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
