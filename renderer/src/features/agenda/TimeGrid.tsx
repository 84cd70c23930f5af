import { useLayoutEffect, useMemo, useRef } from 'react';
import type { Agenda, AgendaDeadline, BusyBlock, SessionView } from '../../../../shared/contract/schedule';
import { localDateOf } from '../../../../shared/domain/deadlines';
import { epochDay, isoWeekdayOfEpochDay } from '../../../../shared/domain/zoned-day';
import { isLabelKey } from '../../../../shared/i18n';
import { useI18n } from '../../i18n/i18n-context';
import { otherClocks, timeSpan } from './session-text';
import { byLocalDay, layoutDay, minutesToPx, MINUTES_PER_DAY, wallClock, WORKDAY_VIEW, type TimedItem } from './week-layout';

/** Pixels per hour: 14 hours (07:00–21:00) fit the visible part of the grid on a 900 px high window. */
const HOUR_PX = 48;
const HOURS = Array.from({ length: 24 }, (_, h) => h);

type GridItem = TimedItem & ({ readonly type: 'session'; readonly session: SessionView } | { readonly type: 'busy'; readonly busy: BusyBlock });

const minutesBetween = (from: string, to: string): number => Math.max(1, Math.round((Date.parse(to) - Date.parse(from)) / 60_000));

type Props = Readonly<{
  days: readonly string[];
  agenda: Agenda;
  zone: string;
  nowIso: string;
  onOpenCase: (caseId: string) => void;
}>;

/** Day or week grid: sessions and imported busy blocks as blocks, deadlines as markers above the hours. */
export function TimeGrid({ days, agenda, zone, nowIso, onOpenCase }: Props) {
  const { t, locale } = useI18n();
  const scrollRef = useRef<HTMLDivElement>(null);
  const today = localDateOf(nowIso, zone);
  const now = wallClock(nowIso, zone);

  // Open on the working part of the day; the rest is a scroll away.
  useLayoutEffect(() => {
    // A few pixels above 07:00 so its label is not cut by the edge.
    if (scrollRef.current) scrollRef.current.scrollTop = WORKDAY_VIEW.startHour * HOUR_PX - 8;
  }, []);

  const items = useMemo<readonly GridItem[]>(
    () => [
      ...agenda.sessions.map((session) => ({ id: session.id, startsAt: session.startsAt, durationMinutes: session.durationMinutes, type: 'session' as const, session })),
      ...agenda.busy.map((busy) => ({ id: busy.id, startsAt: busy.startsAt, durationMinutes: minutesBetween(busy.startsAt, busy.endsAt), type: 'busy' as const, busy })),
    ],
    [agenda],
  );
  const deadlinesByDay = useMemo(() => byLocalDay(agenda.deadlines, (d) => d.dueAt, zone), [agenda.deadlines, zone]);

  return (
    <div className={`time-grid time-grid-${days.length === 1 ? 'day' : 'week'}`} data-testid="agenda-grid" style={{ ['--days' as string]: days.length, ['--hour' as string]: `${HOUR_PX}px` }}>
      <div className="grid-head" role="row">
        <div className="grid-corner" />
        {days.map((day) => {
          const weekday = `weekday.short.${isoWeekdayOfEpochDay(epochDay(day))}`;
          return (
            <div key={day} className="grid-day-head" aria-current={day === today ? 'date' : undefined} data-testid="agenda-day-head" data-day={day}>
              <span className="grid-weekday">{isLabelKey(weekday) ? t(weekday) : ''}</span>
              <span className="grid-daynum num">{Number(day.slice(8, 10))}</span>
            </div>
          );
        })}
      </div>
      <div className="grid-deadlines">
        <div className="grid-corner grid-corner-label">{t('agenda.deadlinesRow')}</div>
        {days.map((day) => (
          <div key={day} className="grid-deadline-cell">
            {(deadlinesByDay.get(day) ?? []).map((deadline) => (
              <DeadlineMarker key={deadline.id} deadline={deadline} onOpenCase={onOpenCase} />
            ))}
          </div>
        ))}
      </div>
      <div className="grid-scroll" ref={scrollRef} data-testid="agenda-scroll">
        <div className="grid-body">
          <div className="grid-gutter" aria-hidden="true">
            {HOURS.map((hour) => (
              <span key={hour} className="grid-hour num" style={{ top: hour * HOUR_PX }}>
                {hour === 0 ? '' : `${String(hour).padStart(2, '0')}:00`}
              </span>
            ))}
          </div>
          {days.map((day) => (
            <div key={day} className="grid-col" data-testid="agenda-day" data-day={day} aria-current={day === today ? 'date' : undefined}>
              {layoutDay(items, day, zone).map((placed) => {
                const style = {
                  top: minutesToPx(placed.top, HOUR_PX),
                  height: Math.max(minutesToPx(placed.bottom - placed.top, HOUR_PX), 18),
                  left: `calc(${(placed.lane / placed.lanes) * 100}% + 2px)`,
                  width: `calc(${100 / placed.lanes}% - 4px)`,
                };
                const { item } = placed;
                if (item.type === 'busy') {
                  const title = t('agenda.busy.title', { summary: item.busy.summary ?? t('agenda.busy') });
                  return (
                    <div key={item.id} className="grid-block block-busy" style={style} title={title} data-testid="agenda-busy">
                      <span className="block-line">{item.busy.summary ?? t('agenda.busy')}</span>
                    </div>
                  );
                }
                const session = item.session;
                const clocks = otherClocks(session, zone, locale);
                const kind = t(`sessionKind.${session.kind}`);
                const status = t(`sessionStatus.${session.status}`);
                return (
                  <button
                    key={item.id}
                    type="button"
                    className={`grid-block block-session kind-${session.kind} status-${session.status}`}
                    style={style}
                    title={t('agenda.session.title', { kind, folio: session.folio, status })}
                    onClick={() => onOpenCase(session.caseId)}
                    data-testid="agenda-session"
                    data-session-id={session.id}
                    data-status={session.status}
                    data-start={wallClock(session.startsAt, zone).minute}
                  >
                    <span className="block-line block-time num">
                      {timeSpan(session, zone)}
                      {clocks.map((clock) => (
                        <span key={clock.zone} className="block-other-clock">
                          {' · '}
                          {t('agenda.partyTime', { time: clock.time, place: clock.zoneLabel })}
                        </span>
                      ))}
                    </span>
                    <span className="block-line block-kind">{kind}</span>
                    <span className="block-line block-folio">
                      {session.folio} · {status}
                    </span>
                  </button>
                );
              })}
              {day === today ? <div className="grid-now" style={{ top: minutesToPx(Math.min(now.minute, MINUTES_PER_DAY), HOUR_PX) }} aria-label={t('agenda.now')} /> : null}
            </div>
          ))}
        </div>
      </div>
    </div>
  );
}

function DeadlineMarker({ deadline, onOpenCase }: Readonly<{ deadline: AgendaDeadline; onOpenCase: (caseId: string) => void }>) {
  const { t } = useI18n();
  const kind = t(`deadlineKind.${deadline.kind}`);
  return (
    <button
      type="button"
      className={`deadline-marker deadline-${deadline.state}`}
      title={t('agenda.deadline.title', { kind, folio: deadline.folio, state: t(`deadlineState.${deadline.state}`) })}
      onClick={() => onOpenCase(deadline.caseId)}
      data-testid="agenda-deadline"
      data-state={deadline.state}
    >
      <span className="dot" aria-hidden="true" />
      <span className="deadline-marker-text">
        {kind} · {deadline.folio}
      </span>
    </button>
  );
}
