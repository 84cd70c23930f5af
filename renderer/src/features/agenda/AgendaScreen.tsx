import { useCallback, useMemo, useRef, useState } from 'react';
import type { MessageKey } from '../../../../shared/i18n';
import { localDateOf } from '../../../../shared/domain/deadlines';
import { addDays, epochDay, isoWeekdayOfEpochDay } from '../../../../shared/domain/zoned-day';
import { zoneLabel } from '../../../../shared/schedule/local-time';
import { useNow } from '../../hooks/use-now';
import { useI18n } from '../../i18n/i18n-context';
import { formatLocalDate } from '../../format';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { CaseView } from '../cases/view/CaseView';
import { CalendarFiles } from './CalendarFiles';
import { ScheduleSettingsDialog } from './ScheduleSettingsDialog';
import { TimeGrid } from './TimeGrid';
import { UpcomingList } from './UpcomingList';
import { useAgenda } from './use-agenda';
import { useMediatorZone } from './use-mediator-zone';
import { rangeOfDays, shiftAnchor, visibleDays, type AgendaView } from './week-layout';
import './agenda.css';

/** How far ahead "Próximas" (and the agenda export) look; the contract allows 62 days per call. */
const UPCOMING_DAYS = 60;

const views: readonly { readonly id: AgendaView; readonly label: MessageKey }[] = [
  { id: 'day', label: 'agenda.view.day' },
  { id: 'week', label: 'agenda.view.week' },
  { id: 'upcoming', label: 'agenda.view.upcoming' },
];

/** The Agenda section: day and week grids, the upcoming list, and the case view on top when a session is opened. */
export function AgendaScreen() {
  const { t, locale } = useI18n();
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [settingsRevision, setSettingsRevision] = useState(0);
  const zone = useMediatorZone(settingsRevision);
  const nowIso = useNow(60_000).toISOString();
  const today = localDateOf(nowIso, zone);
  const [view, setView] = useState<AgendaView>('week');
  const [anchor, setAnchor] = useState<string | null>(null);
  const shown = anchor ?? today;
  const [openCaseId, setOpenCaseId] = useState<string | null>(null);
  const screenRef = useRef<HTMLDivElement>(null);

  const days = useMemo(() => visibleDays(view, shown), [view, shown]);
  const upcomingRange = useMemo(() => rangeOfDays([today, addDays(today, UPCOMING_DAYS - 1)], zone), [today, zone]);
  const range = useMemo(() => (view === 'upcoming' ? upcomingRange : rangeOfDays(days, zone)), [view, upcomingRange, days, zone]);
  const { agenda, error, loading, reload } = useAgenda(range.from, range.to);

  const closeCase = useCallback(() => {
    setOpenCaseId(null);
    window.requestAnimationFrame(() => screenRef.current?.querySelector<HTMLElement>('.agenda-toolbar button')?.focus());
  }, []);

  const first = days[0] ?? shown;
  const last = days.at(-1) ?? shown;
  const weekday = `weekday.short.${isoWeekdayOfEpochDay(epochDay(first))}` as MessageKey;
  const rangeLabel =
    view === 'day' ? `${t(weekday)} ${formatLocalDate(first, locale, 'text')}` : `${formatLocalDate(first, locale, 'text')} – ${formatLocalDate(last, locale, 'text')}`;
  const step = view === 'day' ? 'day' : 'week';

  return (
    <div className="agenda-screen" data-testid="agenda">
      <div className="agenda-main" ref={screenRef} inert={openCaseId !== null}>
        <div className="agenda-toolbar">
          <div className="segmented" role="group" aria-label={t('agenda.views')}>
            {views.map((v) => (
              <button key={v.id} type="button" className="segment" aria-pressed={v.id === view} onClick={() => setView(v.id)} data-testid={`agenda-view-${v.id}`}>
                {t(v.label)}
              </button>
            ))}
          </div>
          {view !== 'upcoming' ? (
            <div className="agenda-nav">
              <button type="button" className="btn btn-sm" onClick={() => setAnchor(null)} disabled={anchor === null || days.includes(today)} data-testid="agenda-today">
                {t('agenda.today')}
              </button>
              <button type="button" className="btn btn-ghost btn-sm icon-btn" aria-label={t(`agenda.prev.${step}`)} onClick={() => setAnchor(shiftAnchor(view, shown, -1))} data-testid="agenda-prev">
                ‹
              </button>
              <button type="button" className="btn btn-ghost btn-sm icon-btn" aria-label={t(`agenda.next.${step}`)} onClick={() => setAnchor(shiftAnchor(view, shown, 1))} data-testid="agenda-next">
                ›
              </button>
              <h2 className="agenda-range" data-testid="agenda-range" aria-live="polite">
                {rangeLabel}
              </h2>
            </div>
          ) : (
            <div className="agenda-nav" />
          )}
          <span className="agenda-zone muted">{t('agenda.zoneNote', { zone: zoneLabel(zone, locale) })}</span>
          <button type="button" className="btn btn-sm" onClick={() => setSettingsOpen(true)} data-testid="agenda-settings">
            {t('scheduleSettings.open')}
          </button>
          <CalendarFiles exportRange={upcomingRange} />
        </div>
        {error ? (
          <div className="agenda-notice">
            <ErrorNotice error={error} title={t('agenda.loadError')} onRetry={reload} testId="agenda-error" />
          </div>
        ) : null}
        <div className="agenda-body" aria-busy={loading}>
          {agenda === null ? (
            !error ? (
              <div className="agenda-loading">
                <div className="spinner" />
              </div>
            ) : null
          ) : view === 'upcoming' ? (
            <UpcomingList sessions={agenda.sessions} zone={zone} nowIso={nowIso} onOpenCase={setOpenCaseId} />
          ) : (
            <TimeGrid key={view} days={days} agenda={agenda} zone={zone} nowIso={nowIso} onOpenCase={setOpenCaseId} />
          )}
        </div>
      </div>
      {settingsOpen ? (
        <ScheduleSettingsDialog
          onSaved={() => {
            setSettingsOpen(false);
            // Working hours change the warnings on the sessions; the zone changes the clock.
            setSettingsRevision((n) => n + 1);
            reload();
          }}
          onCancel={() => setSettingsOpen(false)}
        />
      ) : null}
      {openCaseId ? <CaseView key={openCaseId} caseId={openCaseId} onClose={closeCase} /> : null}
    </div>
  );
}
