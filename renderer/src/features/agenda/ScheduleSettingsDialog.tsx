import { useEffect, useState } from 'react';
import type { AppErrorShape } from '../../../../shared/contract/errors';
import type { ScheduleSettings } from '../../../../shared/contract/schedule';
import type { MessageKey } from '../../../../shared/i18n';
import { useMesa } from '../../api/mesa-context';
import { useI18n } from '../../i18n/i18n-context';
import { Dialog } from '../../ui/Dialog';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { normalizeTime } from '../cases/sessions/schedule-form';
import { ZoneSelect } from '../cases/sessions/ZoneSelect';
import { DEADLINE_LEAD_OPTIONS, SESSION_LEAD_OPTIONS, WEEKDAYS, settingsForm, settingsOf, settingsProblems, toggled, type ScheduleSettingsForm } from './schedule-settings-form';

type Props = Readonly<{ onSaved: (settings: ScheduleSettings) => void; onCancel: () => void }>;

/** "Preferencias de agenda": working days and hours, their zone, and reminder lead times. */
export function ScheduleSettingsDialog({ onSaved, onCancel }: Props) {
  const api = useMesa();
  const { t } = useI18n();
  const [form, setForm] = useState<ScheduleSettingsForm | null>(null);
  const [loadError, setLoadError] = useState<AppErrorShape | null>(null);
  const [saveError, setSaveError] = useState<AppErrorShape | null>(null);
  const [busy, setBusy] = useState(false);
  const [revision, setRevision] = useState(0);

  useEffect(() => {
    let current = true;
    void api.getScheduleSettings({}).then((result) => {
      if (!current) return;
      if (result.ok) setForm(settingsForm(result.value));
      setLoadError(result.ok ? null : result.error);
    });
    return () => {
      current = false;
    };
  }, [api, revision]);

  const set = (patch: Partial<ScheduleSettingsForm>) => {
    setForm((prev) => (prev ? { ...prev, ...patch } : prev));
    setSaveError(null);
  };
  const problems = form ? settingsProblems(form) : [];
  const settings = form ? settingsOf(form) : null;

  const save = async () => {
    if (!settings) return;
    setBusy(true);
    const result = await api.updateScheduleSettings(settings);
    setBusy(false);
    if (result.ok) onSaved(result.value);
    else setSaveError(result.error);
  };

  const timeField = (field: 'start' | 'end', label: MessageKey) =>
    form ? (
      <label className="form-field">
        <span className="form-label">{t(label)}</span>
        <input
          className="input num"
          inputMode="numeric"
          value={form[field]}
          maxLength={5}
          placeholder="HH:mm"
          aria-invalid={problems.includes(`${field}_invalid`) || (field === 'end' && problems.includes('end_before_start'))}
          onChange={(event) => set({ [field]: event.target.value })}
          onBlur={() => {
            const normal = normalizeTime(form[field]);
            if (normal !== null && normal !== form[field]) set({ [field]: normal });
          }}
          data-testid={`schedule-settings-${field}`}
        />
        {problems.includes(`${field}_invalid`) ? <span className="field-error">{t('schedule.timeInvalid')}</span> : null}
        {field === 'end' && problems.includes('end_before_start') ? <span className="field-error">{t('scheduleSettings.endBeforeStart')}</span> : null}
      </label>
    ) : null;

  const leads = (legend: MessageKey, options: readonly number[], key: 'sessionLeadMinutes' | 'deadlineLeadMinutes') =>
    form ? (
      <fieldset className="form-field">
        <legend className="form-label">{t(legend)}</legend>
        <div className="settings-checks">
          {options.map((minutes) => (
            <label key={minutes} className="settings-check">
              <input
                type="checkbox"
                checked={form[key].includes(minutes)}
                onChange={(event) => set({ [key]: toggled(form[key], minutes, event.target.checked, 'desc') })}
                data-testid={`schedule-settings-${key === 'sessionLeadMinutes' ? 'session' : 'deadline'}-lead-${minutes}`}
              />
              {t(`scheduleSettings.lead.${minutes}` as MessageKey)}
            </label>
          ))}
        </div>
      </fieldset>
    ) : null;

  return (
    <Dialog
      title={t('scheduleSettings.title')}
      confirmLabel={t('app.save')}
      cancelLabel={t('app.cancel')}
      confirmDisabled={settings === null}
      busy={busy}
      onConfirm={() => void save()}
      onCancel={onCancel}
      testId="schedule-settings"
      confirmTestId="schedule-settings-save"
      wide
    >
      {loadError ? (
        <ErrorNotice error={loadError} title={t('scheduleSettings.loadError')} onRetry={() => setRevision((n) => n + 1)} testId="schedule-settings-load-error" />
      ) : !form ? (
        <div className="spinner" />
      ) : (
        <div className="schedule-form">
          <fieldset className="form-field form-field-wide">
            <legend className="form-label">{t('scheduleSettings.days')}</legend>
            <div className="segmented">
              {WEEKDAYS.map((day) => (
                <button
                  key={day}
                  type="button"
                  className="segment"
                  aria-pressed={form.days.includes(day)}
                  onClick={() => set({ days: toggled(form.days, day, !form.days.includes(day), 'asc') })}
                  data-testid={`schedule-settings-day-${day}`}
                >
                  {t(`weekday.short.${day}` as MessageKey)}
                </button>
              ))}
            </div>
            {problems.includes('no_days') ? <span className="field-error">{t('scheduleSettings.noDays')}</span> : null}
          </fieldset>
          {timeField('start', 'scheduleSettings.start')}
          {timeField('end', 'scheduleSettings.end')}
          <div className="form-field form-field-wide">
            <span className="form-label">{t('schedule.zone')}</span>
            <ZoneSelect value={form.zone} onChange={(zone) => set({ zone })} testId="schedule-settings-zone" />
          </div>
          {leads('scheduleSettings.sessionReminders', SESSION_LEAD_OPTIONS, 'sessionLeadMinutes')}
          {leads('scheduleSettings.deadlineReminders', DEADLINE_LEAD_OPTIONS, 'deadlineLeadMinutes')}
        </div>
      )}
      {saveError ? <ErrorNotice error={saveError} title={t('scheduleSettings.saveError')} testId="schedule-settings-error" /> : null}
    </Dialog>
  );
}
