import type { Deadline } from '../../../../../shared/domain/deadline';
import { deadlineState, remainingTime } from '../../../../../shared/domain/deadlines';
import { useNow } from '../../../hooks/use-now';
import { countdownText } from '../../../../../shared/i18n';
import { useI18n } from '../../../i18n/i18n-context';
import { formatDateTime } from '../../../format';

/** Deadlines with a live countdown (every second) for the open ones, in Santiago time. */
export function DeadlinesPanel({ deadlines }: Readonly<{ deadlines: readonly Deadline[] }>) {
  const i18n = useI18n();
  const { t } = i18n;
  const nowIso = useNow(1_000).toISOString();
  const ordered = [...deadlines].sort((a, b) => (a.status === 'open') === (b.status === 'open') ? a.dueAt.localeCompare(b.dueAt) : a.status === 'open' ? -1 : 1);

  return (
    <section className="panel" aria-labelledby="case-deadlines-title" data-testid="deadlines">
      <h3 className="panel-title" id="case-deadlines-title">
        {t('deadlines.title')}
        <span className="panel-note">{t('deadlines.timezone')}</span>
      </h3>
      {ordered.length === 0 ? (
        <p className="muted">{t('deadlines.none')}</p>
      ) : (
        <ul className="deadlines">
          {ordered.map((deadline) => {
            const state = deadlineState(deadline.dueAt, deadline.status, nowIso);
            return (
              <li key={deadline.id} className={`deadline-item deadline-${state}`} data-testid="deadline-item" data-deadline-state={state}>
                <div className="deadline-item-head">
                  <span className="deadline-kind">{t(`deadlineKind.${deadline.kind}`)}</span>
                  <span className={`status status-${deadline.status}`}>{t(`deadlineStatus.${deadline.status}`)}</span>
                </div>
                {deadline.status === 'open' ? (
                  <p className="countdown num" role="timer" aria-live="off">
                    <span className="dot" aria-hidden="true" />
                    {countdownText(i18n, remainingTime(deadline.dueAt, nowIso), 'fine')}
                  </p>
                ) : null}
                <p className="deadline-meta num">
                  {t('deadlines.due', { date: formatDateTime(deadline.dueAt, i18n.locale) })} · {t('deadlines.rule', { days: deadline.days, count: t(`dayCount.${deadline.count}`) })}
                </p>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
