import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { Agenda, AgendaDeadline, BusyBlock, SessionView } from '../../../../shared/contract/schedule';
import { localDateOf } from '../../../../shared/domain/deadlines';
import { epochDay, isoWeekdayOfEpochDay } from '../../../../shared/domain/zoned-day';
import { isLabelKey } from '../../../../shared/i18n';
import { formatLocalDate } from '../../format';
import { useI18n } from '../../i18n/i18n-context';
import { deadlineCell } from './deadline-row';
import { wallTime } from '../../../../shared/schedule/local-time';
import { otherClocks, timeSpan } from './session-text';
import { blockLines, byLocalDay, layoutDay, minutesToPx, MINUTES_PER_DAY, wallClock, WORKDAY_VIEW, type TimedItem } from './week-layout';

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
        {days.map((day, index) => (
          <DeadlineCell key={day} day={day} deadlines={deadlinesByDay.get(day) ?? []} alignEnd={days.length > 1 && index >= days.length / 2} onOpenCase={onOpenCase} />
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
                const span = timeSpan(session, zone);
                const start = wallTime(session.startsAt, zone).time;
                const clockTexts = clocks.map((clock) => t('agenda.partyTime', { time: clock.time, place: clock.zoneLabel }));
                const lines = blockLines(style.height);
                return (
                  <button
                    key={item.id}
                    type="button"
                    className={`grid-block block-session block-lines-${lines} kind-${session.kind} status-${session.status}`}
                    style={style}
                    title={[`${span} · ${t('agenda.session.title', { kind, folio: session.folio, status })}`, ...clockTexts].join('\n')}
                    onClick={() => onOpenCase(session.caseId)}
                    data-testid="agenda-session"
                    data-session-id={session.id}
                    data-status={session.status}
                    data-start={wallClock(session.startsAt, zone).minute}
                  >
                    {lines === 1 ? (
                      // Short session: one line, "07:00 RL-2026-000903 · Caucus con empresa". The folio
                      // comes before the kind: in a narrow column the ellipsis then cuts the kind,
                      // which the block's colour also tells, not the case number.
                      <span className="block-line">
                        <span className="block-time num">{start}</span>
                        <span className="block-more">
                          {' '}
                          {session.folio} · {kind}
                        </span>
                      </span>
                    ) : (
                      <>
                        <span className="block-line block-time num">
                          {start}
                          <span className="block-more">{`–${wallTime(session.endsAt, zone).time}`}</span>
                          {clockTexts.map((text) => (
                            <span key={text} className="block-other-clock">
                              {' · '}
                              {text}
                            </span>
                          ))}
                        </span>
                        {lines === 2 ? (
                          <span className="block-line block-more">
                            {session.folio} · {kind}
                          </span>
                        ) : (
                          <>
                            <span className="block-line block-kind block-more">{kind}</span>
                            <span className="block-line block-folio block-more">
                              {session.folio} · {status}
                            </span>
                          </>
                        )}
                      </>
                    )}
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

/**
 * One day of the "Plazos" row: the most urgent few markers and, when there are more, a "+N"
 * button opening the day's full list in a popover (Escape or a click elsewhere closes it).
 */
function DeadlineCell({ day, deadlines, alignEnd, onOpenCase }: Readonly<{ day: string; deadlines: readonly AgendaDeadline[]; alignEnd: boolean; onOpenCase: (caseId: string) => void }>) {
  const { t, locale } = useI18n();
  const [open, setOpen] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const moreRef = useRef<HTMLButtonElement>(null);
  const popoverRef = useRef<HTMLDivElement>(null);
  const { all, shown, hidden } = useMemo(() => deadlineCell(deadlines), [deadlines]);

  useEffect(() => {
    if (!open) return;
    popoverRef.current?.querySelector<HTMLElement>('button')?.focus();
    const onPointer = (event: PointerEvent) => {
      if (event.target instanceof Node && !rootRef.current?.contains(event.target)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpen(false);
      moreRef.current?.focus();
    };
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  return (
    <div className="grid-deadline-cell" ref={rootRef} data-day={day} data-count={all.length}>
      {shown.map((deadline) => (
        <DeadlineMarker key={deadline.id} deadline={deadline} onOpenCase={onOpenCase} />
      ))}
      {hidden > 0 ? (
        <button
          type="button"
          ref={moreRef}
          className="deadline-more"
          aria-expanded={open}
          aria-haspopup="dialog"
          aria-label={t('agenda.deadlines.showAll', { count: all.length })}
          onClick={() => setOpen((v) => !v)}
          data-testid="agenda-deadline-more"
        >
          {t('agenda.deadlines.more', { count: hidden })}
        </button>
      ) : null}
      {open ? (
        <div
          ref={popoverRef}
          className={`deadline-popover${alignEnd ? ' deadline-popover-end' : ''}`}
          role="dialog"
          aria-label={`${t('agenda.deadlinesRow')} · ${formatLocalDate(day, locale, 'text')}`}
          data-testid="agenda-deadline-popover"
        >
          <div className="deadline-popover-title">
            {t('agenda.deadlinesRow')} · {formatLocalDate(day, locale, 'text')} <span className="muted num">({all.length})</span>
          </div>
          <div className="deadline-popover-list">
            {all.map((deadline) => (
              <DeadlineMarker key={deadline.id} deadline={deadline} onOpenCase={onOpenCase} />
            ))}
          </div>
        </div>
      ) : null}
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
