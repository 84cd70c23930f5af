import type { AuditEntry } from '../../../../../shared/domain/people';
import { isLabelKey } from '../../../../../shared/i18n';
import { useI18n } from '../../../i18n/i18n-context';
import { useAppInfo } from '../../../shell/app-info-context';
import { formatDateTime } from '../../../format';

/** Audit data keys the timeline knows, with the catalogue prefix that translates their codes. */
const dataLabels = {
  from: { label: 'timeline.from', prefix: 'stage' },
  to: { label: 'timeline.to', prefix: 'stage' },
  outcome: { label: 'timeline.outcome', prefix: 'outcome' },
  reason: { label: 'timeline.reason', prefix: 'reopenReason' },
  transition: { label: 'timeline.transition', prefix: 'transition' },
} as const;

const isKnownDataKey = (key: string): key is keyof typeof dataLabels => Object.prototype.hasOwnProperty.call(dataLabels, key);

/** The case's audit log, newest first, with codes translated (unknown codes are shown as-is). */
export function CaseTimeline({ entries }: Readonly<{ entries: readonly AuditEntry[] }>) {
  const { t, locale } = useI18n();
  const { user } = useAppInfo();

  const describe = (key: string, code: string): string | null => {
    if (!isKnownDataKey(key)) return null;
    const spec = dataLabels[key];
    const candidate = `${spec.prefix}.${code}`;
    return `${t(spec.label)}: ${isLabelKey(candidate) ? t(candidate) : code}`;
  };

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
            const details = Object.entries(entry.data)
              .map(([key, code]) => describe(key, code))
              .filter((text): text is string => text !== null);
            return (
              <li key={entry.id} className="timeline-item" data-testid="timeline-item" data-action={entry.action}>
                <span className="timeline-dot" aria-hidden="true" />
                <div className="timeline-body">
                  <p className="timeline-action">{t(`audit.${entry.action}`)}</p>
                  {details.length > 0 ? <p className="timeline-details">{details.join(' · ')}</p> : null}
                  <p className="timeline-meta num">
                    <time dateTime={entry.at}>{formatDateTime(entry.at, locale)}</time> · {t('timeline.by', { actor: entry.actorId === user.id ? t('timeline.you') : entry.actorId })}
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
