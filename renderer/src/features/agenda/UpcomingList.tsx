import type { SessionView } from '../../../../shared/contract/schedule';
import { localDateOf } from '../../../../shared/domain/deadlines';
import { addDays, epochDay, isoWeekdayOfEpochDay } from '../../../../shared/domain/zoned-day';
import { isLabelKey } from '../../../../shared/i18n';
import { useI18n } from '../../i18n/i18n-context';
import { formatLocalDate } from '../../format';
import { otherClocks, timeSpan } from './session-text';
import { groupByStartDay } from './week-layout';

type Props = Readonly<{ sessions: readonly SessionView[]; zone: string; nowIso: string; onOpenCase: (caseId: string) => void }>;

/** Upcoming sessions of every case, by day. Cancelled ones are left out (and counted). */
export function UpcomingList({ sessions, zone, nowIso, onOpenCase }: Props) {
  const i18n = useI18n();
  const { t, locale } = i18n;
  const upcoming = sessions.filter((s) => s.status !== 'cancelled' && Date.parse(s.endsAt) > Date.parse(nowIso));
  const cancelled = sessions.filter((s) => s.status === 'cancelled' && Date.parse(s.endsAt) > Date.parse(nowIso)).length;
  const today = localDateOf(nowIso, zone);

  if (upcoming.length === 0) {
    return (
      <div className="empty-state" data-testid="agenda-upcoming-empty">
        <p>{t('agenda.upcoming.empty')}</p>
      </div>
    );
  }
  const dayLabel = (day: string): string => {
    const weekday = `weekday.short.${isoWeekdayOfEpochDay(epochDay(day))}`;
    const date = `${isLabelKey(weekday) ? t(weekday) : ''} ${formatLocalDate(day, locale, 'text')}`.trim();
    if (day === today) return `${t('agenda.upcoming.today')} · ${date}`;
    if (day === addDays(today, 1)) return `${t('agenda.upcoming.tomorrow')} · ${date}`;
    return date;
  };

  return (
    <div className="upcoming" data-testid="agenda-upcoming">
      {groupByStartDay(upcoming, zone).map((group) => (
        <section key={group.day} className="upcoming-day" aria-label={dayLabel(group.day)}>
          <h3 className="upcoming-day-title">{dayLabel(group.day)}</h3>
          <ul className="upcoming-list">
            {group.items.map((session) => (
              <li key={session.id}>
                <button type="button" className={`upcoming-row kind-${session.kind}`} onClick={() => onOpenCase(session.caseId)} data-testid="agenda-upcoming-row" data-session-id={session.id}>
                  <span className="upcoming-time num">
                    {timeSpan(session, zone)}
                    {otherClocks(session, zone, locale).map((clock) => (
                      <span key={clock.zone} className="other-clock">
                        {t('agenda.partyTime', { time: clock.time, place: clock.zoneLabel })}
                      </span>
                    ))}
                  </span>
                  <span className="upcoming-main">
                    <span className="upcoming-kind">
                      <span className="kind-swatch" aria-hidden="true" />
                      {t(`sessionKind.${session.kind}`)}
                    </span>
                    <span className="upcoming-case">
                      <span className="mono">{session.folio}</span> · {session.consumerName} / {session.companyName}
                    </span>
                  </span>
                  <span className="upcoming-mode muted">{t(`sessionMode.${session.mode.type}`)}</span>
                  <span className={`session-status status-${session.status}`}>{t(`sessionStatus.${session.status}`)}</span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      ))}
      {cancelled > 0 ? <p className="muted upcoming-footnote">{i18n.plural('agenda.hiddenCancelled', cancelled)}</p> : null}
    </div>
  );
}
