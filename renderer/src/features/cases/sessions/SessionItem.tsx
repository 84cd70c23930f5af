import { useState } from 'react';
import type { SessionView } from '../../../../../shared/contract/schedule';
import { formatLocalDate } from '../../../format';
import { wallTime } from '../../../../../shared/schedule/local-time';
import { useI18n } from '../../../i18n/i18n-context';
import { otherClocks, timeSpan } from '../../agenda/session-text';
import { SessionMinutes } from './SessionMinutes';

export type SessionAction = 'reschedule' | 'cancel' | 'held' | 'no_show' | 'ics';

type Props = Readonly<{
  session: SessionView;
  zone: string;
  nowIso: string;
  readOnly: boolean;
  busy: boolean;
  onAction: (session: SessionView, action: SessionAction) => void;
}>;

const isOpen = (session: SessionView): boolean => session.status === 'proposed' || session.status === 'confirmed' || session.status === 'rescheduled';

/** One session of the case: when (with the parties' clocks), how, who confirmed, and what can be done with it. */
export function SessionItem({ session, zone, nowIso, readOnly, busy, onAction }: Props) {
  const { t, locale } = useI18n();
  const [minutesOpen, setMinutesOpen] = useState(false);
  const start = wallTime(session.startsAt, zone);
  const started = Date.parse(session.startsAt) <= Date.parse(nowIso);
  const open = isOpen(session);

  return (
    <li className={`session-item kind-${session.kind}`} data-testid="session-item" data-session-id={session.id} data-status={session.status}>
      <div className="session-head">
        <span className="upcoming-kind">
          <span className="kind-swatch" aria-hidden="true" />
          {t(`sessionKind.${session.kind}`)}
        </span>
        <span className={`session-status status-${session.status}`} data-testid="session-status">
          {t(`sessionStatus.${session.status}`)}
        </span>
      </div>
      <p className="session-when num" data-testid="session-when">
        {formatLocalDate(start.date, locale, 'text')} · {timeSpan(session, zone)}
        {otherClocks(session, zone, locale).map((clock) => (
          <span key={clock.zone} className="other-clock" data-testid="session-other-clock">
            {' · '}
            {t('agenda.partyTime', { time: clock.time, place: clock.zoneLabel })}
          </span>
        ))}
      </p>
      <p className="session-mode muted">
        {t(`sessionMode.${session.mode.type}`)} · {session.mode.type === 'video' ? <span className="session-link">{session.mode.url}</span> : session.mode.address} · {t('sessions.duration', { minutes: session.durationMinutes })}
      </p>
      <ul className="session-participants" aria-label={t('sessions.participants')}>
        {session.participants
          .filter((p) => p.role !== 'mediator')
          .map((participant) => (
            <li key={`${participant.role}-${participant.name}`} className={`confirmation confirmation-${participant.confirmation}`} data-testid="session-participant" data-role={participant.role} data-confirmation={participant.confirmation}>
              <span className="confirmation-mark" aria-hidden="true">
                {participant.confirmation === 'confirmed' ? '✓' : participant.confirmation === 'declined' ? '✕' : '…'}
              </span>
              <span className="confirmation-name">
                {t(`participantRole.${participant.role}`)}: {participant.name}
              </span>
              <span className="confirmation-state">{t(`confirmation.${participant.confirmation}`)}</span>
            </li>
          ))}
      </ul>
      {session.pendingSync ? <p className="session-pending muted">{t('sessions.pendingSync')}</p> : null}
      {session.refusedChange ? (
        <p className="session-refused" role="status" data-testid="session-refused">
          {t(session.refusedChange.code === 'conflict' ? 'sessions.refused.conflict' : 'sessions.refused.rejected', { change: t(`sessionChange.${session.refusedChange.change}`) })}
        </p>
      ) : null}
      <div className="session-actions">
        {open && !readOnly ? (
          <>
            <button type="button" className="btn btn-sm" disabled={busy} onClick={() => onAction(session, 'reschedule')} data-testid="session-reschedule">
              {t('sessions.reschedule')}
            </button>
            {started ? (
              <>
                <button type="button" className="btn btn-sm" disabled={busy} onClick={() => onAction(session, 'held')} data-testid="session-held">
                  {t('sessions.markHeld')}
                </button>
                <button type="button" className="btn btn-sm" disabled={busy} onClick={() => onAction(session, 'no_show')} data-testid="session-no-show">
                  {t('sessions.markNoShow')}
                </button>
              </>
            ) : null}
            <button type="button" className="btn btn-sm btn-ghost danger-text" disabled={busy} onClick={() => onAction(session, 'cancel')} data-testid="session-cancel">
              {t('sessions.cancel')}
            </button>
          </>
        ) : null}
        <button type="button" className="btn btn-sm btn-ghost" disabled={busy} onClick={() => onAction(session, 'ics')} data-testid="session-ics">
          {t('sessions.downloadIcs')}
        </button>
        <button type="button" className="btn btn-sm btn-ghost" aria-expanded={minutesOpen} onClick={() => setMinutesOpen((v) => !v)} data-testid="session-minutes-toggle">
          {t('minutes.open')}
        </button>
      </div>
      {minutesOpen ? <SessionMinutes sessionId={session.id} /> : null}
    </li>
  );
}
