import { useState } from 'react';
import type { AppErrorShape } from '../../../../../shared/contract/errors';
import { ScheduleRefusal, type SessionView } from '../../../../../shared/contract/schedule';
import { refusalText, warningText } from '../../../../../shared/i18n';
import { wallTime, zoneLabel } from '../../../../../shared/schedule/local-time';
import { MAX_DURATION_MINUTES, MIN_DURATION_MINUTES, SessionKind } from '../../../../../shared/schedule/session';
import { useMesa } from '../../../api/mesa-context';
import { useI18n } from '../../../i18n/i18n-context';
import { Dialog } from '../../../ui/Dialog';
import { ErrorNotice } from '../../../ui/ErrorNotice';
import { dateFieldText, durationOf, durationRefusal, isHttpsUrl, localDateTimeOfForm, modeOf, newSessionForm, normalizeDate, normalizeTime, sessionForm, type ScheduleForm } from './schedule-form';
import { useScheduleCheck } from './use-schedule-check';
import { ZoneSelect } from './ZoneSelect';

type Props = Readonly<{
  caseId: string;
  /** The session being rescheduled; absent for a new one. */
  session?: SessionView;
  mediatorZone: string;
  onDone: (session: SessionView) => void;
  onCancel: () => void;
}>;

/**
 * Schedule or reschedule a session. Warnings from checkSchedule appear as the mediator types
 * and never block; an impossible time (the skipped DST hour), an end before the start or a
 * missing link does.
 */
export function ScheduleDialog({ caseId, session, mediatorZone, onDone, onCancel }: Props) {
  const api = useMesa();
  const i18n = useI18n();
  const { t, locale } = i18n;
  const [form, setForm] = useState<ScheduleForm>(() => (session ? sessionForm(session) : newSessionForm(new Date().toISOString(), mediatorZone)));
  const [busy, setBusy] = useState(false);
  const [submitError, setSubmitError] = useState<{ error: AppErrorShape; detail?: string } | null>(null);
  const [touchedLink, setTouchedLink] = useState(false);
  const set = (patch: Partial<ScheduleForm>) => {
    setForm((prev) => ({ ...prev, ...patch }));
    setSubmitError(null);
  };

  const localDateTime = localDateTimeOfForm(form);
  const duration = durationOf(form);
  const durationProblem = durationRefusal(duration);
  const mode = modeOf(form);
  const check = useScheduleCheck(
    localDateTime && duration !== null && durationProblem === null ? { caseId, localDateTime, zone: form.zone, durationMinutes: duration, ...(session ? { sessionId: session.id } : {}) } : null,
  );
  const done = check.status === 'done' ? check.check : null;
  const refusal = done?.refusal ?? null;
  const start = localDateTime ? { localDateTime, zone: form.zone } : undefined;
  const blocking = refusal !== null || durationProblem !== null || mode === null || localDateTime === null;

  const submit = async () => {
    if (blocking || !localDateTime || duration === null || !mode) return;
    setBusy(true);
    const result = session
      ? await api.rescheduleSession({ sessionId: session.id, start: { localDateTime, zone: form.zone }, durationMinutes: duration, mode, expectedVersion: session.version })
      : await api.scheduleSession({ caseId, kind: form.kind, mode, start: { localDateTime, zone: form.zone }, durationMinutes: duration });
    setBusy(false);
    if (result.ok) {
      onDone(result.value);
      return;
    }
    const reason = ScheduleRefusal.safeParse(result.error.issues?.find((issue) => issue.reason)?.reason);
    setSubmitError({ error: result.error, detail: reason.success ? refusalText(i18n, reason.data, start) : undefined });
  };

  const inMediatorZone = done?.startsAt && form.zone !== mediatorZone ? wallTime(done.startsAt, mediatorZone) : null;

  return (
    <Dialog
      title={session ? t('schedule.rescheduleTitle') : t('schedule.title')}
      confirmLabel={session ? t('schedule.resubmit') : t('schedule.submit')}
      cancelLabel={t('app.cancel')}
      confirmDisabled={blocking}
      busy={busy}
      onConfirm={() => void submit()}
      onCancel={onCancel}
      testId="schedule-dialog"
      wide
    >
      <div className="schedule-form">
        <label className="form-field">
          <span className="form-label">{t('schedule.kind')}</span>
          <select className="select" value={form.kind} disabled={session !== undefined} onChange={(event) => set({ kind: SessionKind.parse(event.target.value) })} data-testid="schedule-kind">
            {SessionKind.options.map((kind) => (
              <option key={kind} value={kind}>
                {t(`sessionKind.${kind}`)}
              </option>
            ))}
          </select>
        </label>
        <fieldset className="form-field">
          <legend className="form-label">{t('schedule.mode')}</legend>
          <div className="segmented">
            {(['video', 'place'] as const).map((type) => (
              <button key={type} type="button" className="segment" aria-pressed={form.modeType === type} onClick={() => set({ modeType: type })} data-testid={`schedule-mode-${type}`}>
                {t(`sessionMode.${type}`)}
              </button>
            ))}
          </div>
        </fieldset>
        {form.modeType === 'video' ? (
          <label className="form-field form-field-wide">
            <span className="form-label">{t('schedule.url')}</span>
            <input
              className="input"
              type="url"
              inputMode="url"
              value={form.url}
              placeholder={t('schedule.urlPlaceholder')}
              aria-invalid={touchedLink && !isHttpsUrl(form.url)}
              onChange={(event) => set({ url: event.target.value })}
              onBlur={() => setTouchedLink(true)}
              data-testid="schedule-url"
            />
            {touchedLink && !isHttpsUrl(form.url) ? <span className="field-error">{t('schedule.urlInvalid')}</span> : null}
          </label>
        ) : (
          <label className="form-field form-field-wide">
            <span className="form-label">{t('schedule.address')}</span>
            <input className="input" value={form.address} maxLength={300} placeholder={t('schedule.addressPlaceholder')} onChange={(event) => set({ address: event.target.value })} data-testid="schedule-address" />
          </label>
        )}
        <label className="form-field">
          <span className="form-label">{t('schedule.date')}</span>
          {/* A dd-mm-aaaa text field: the native date input follows the OS locale (it showed 09/05/2027). */}
          <input
            className="input num"
            inputMode="numeric"
            value={form.date}
            maxLength={10}
            placeholder={t('schedule.datePlaceholder')}
            required
            aria-invalid={form.date !== '' && normalizeDate(form.date) === null}
            onChange={(event) => set({ date: event.target.value })}
            onBlur={() => {
              const normal = normalizeDate(form.date);
              if (normal !== null && dateFieldText(normal) !== form.date) set({ date: dateFieldText(normal) });
            }}
            data-testid="schedule-date"
          />
          {form.date !== '' && normalizeDate(form.date) === null ? <span className="field-error">{t('schedule.dateInvalid')}</span> : null}
        </label>
        <label className="form-field">
          <span className="form-label">{t('schedule.time')}</span>
          {/* A 24-hour text field: the native time input follows the OS locale and may show AM/PM. */}
          <input
            className="input num"
            inputMode="numeric"
            value={form.time}
            maxLength={5}
            placeholder="HH:mm"
            aria-invalid={form.time !== '' && normalizeTime(form.time) === null}
            onChange={(event) => set({ time: event.target.value })}
            onBlur={() => {
              const normal = normalizeTime(form.time);
              if (normal !== null && normal !== form.time) set({ time: normal });
            }}
            data-testid="schedule-time"
          />
          {form.time !== '' && normalizeTime(form.time) === null ? <span className="field-error">{t('schedule.timeInvalid')}</span> : null}
        </label>
        <div className="form-field">
          <span className="form-label">{t('schedule.zone')}</span>
          <ZoneSelect value={form.zone} onChange={(zone) => set({ zone })} testId="schedule-zone" />
        </div>
        <label className="form-field">
          <span className="form-label">{t('schedule.duration')}</span>
          <input className="input" type="number" step={15} value={form.duration} onChange={(event) => set({ duration: event.target.value })} data-testid="schedule-duration" />
        </label>
      </div>

      <div className="schedule-feedback" aria-live="polite">
        {durationProblem !== null ? (
          <p className="form-error" role="alert" data-testid="schedule-refusal" data-reason={durationProblem}>
            {durationProblem === 'end_before_start'
              ? t('schedule.endBeforeStart', { min: MIN_DURATION_MINUTES })
              : t('schedule.durationInvalid', { min: MIN_DURATION_MINUTES, max: MAX_DURATION_MINUTES })}
          </p>
        ) : refusal ? (
          <p className="form-error" role="alert" data-testid="schedule-refusal" data-reason={refusal.reason}>
            {refusalText(i18n, refusal.reason, start)}
          </p>
        ) : check.status === 'checking' ? (
          <p className="muted schedule-checking">{t('schedule.checking')}</p>
        ) : check.status === 'failed' ? (
          <p className="muted">{t('schedule.checkError')}</p>
        ) : done ? (
          <>
            {inMediatorZone ? <p className="muted">{t('schedule.inYourZone', { zone: zoneLabel(mediatorZone, locale), time: inMediatorZone.time })}</p> : null}
            {done.warnings.length > 0 ? (
              <div className="schedule-warnings" data-testid="schedule-warnings">
                <p className="schedule-warnings-title">{t('schedule.warnings')}</p>
                <ul>
                  {done.warnings.map((warning, index) => (
                    <li key={index} data-testid="schedule-warning" data-kind={warning.kind}>
                      {warningText(i18n, warning, mediatorZone)}
                    </li>
                  ))}
                </ul>
              </div>
            ) : (
              <p className="schedule-clear" data-testid="schedule-clear">
                {t('schedule.clear')}
              </p>
            )}
          </>
        ) : null}
        {submitError ? <ErrorNotice error={submitError.error} detail={submitError.detail} testId="schedule-error" /> : null}
      </div>
    </Dialog>
  );
}
