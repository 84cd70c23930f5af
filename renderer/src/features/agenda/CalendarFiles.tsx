import { useRef, useState, type ChangeEvent } from 'react';
import { MAX_CALENDAR_IMPORT_BYTES, type AgendaRange, type CalendarImportResult } from '../../../../shared/contract/schedule';
import type { AppErrorShape } from '../../../../shared/contract/errors';
import { isLabelKey } from '../../../../shared/i18n';
import { useMesa } from '../../api/mesa-context';
import { useI18n } from '../../i18n/i18n-context';
import { downloadText } from '../../ui/download';
import { ErrorNotice } from '../../ui/ErrorNotice';

type Outcome =
  | { readonly type: 'imported'; readonly result: CalendarImportResult }
  | { readonly type: 'exported'; readonly fileName: string }
  | { readonly type: 'error'; readonly title: 'import' | 'export'; readonly error: AppErrorShape; readonly detail?: string };

const MB = 1024 * 1024;

/** "Importar calendario (.ics)" and "Exportar agenda (.ics)", with what happened shown below the toolbar. */
export function CalendarFiles({ exportRange }: Readonly<{ exportRange: AgendaRange }>) {
  const api = useMesa();
  const i18n = useI18n();
  const { t } = i18n;
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  // A refusal names its reason in the first issue; the reason's words replace the generic text.
  const refusalDetail = (error: AppErrorShape): string | undefined => {
    const reason = error.issues?.find((issue) => issue.reason)?.reason;
    const key = reason ? `calendarImportRefusal.${reason}` : '';
    return isLabelKey(key) ? t(key) : undefined;
  };

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    if (file.size > MAX_CALENDAR_IMPORT_BYTES) {
      const size = (file.size / MB).toFixed(1);
      setOutcome({ type: 'error', title: 'import', error: { code: 'invalid_input', message: 'too large' }, detail: t('agenda.import.tooLarge', { size, max: String(MAX_CALENDAR_IMPORT_BYTES / MB) }) });
      return;
    }
    setBusy(true);
    let content: string;
    try {
      content = await file.text();
    } catch {
      setBusy(false);
      setOutcome({ type: 'error', title: 'import', error: { code: 'invalid_input', message: 'unreadable' }, detail: t('agenda.import.unreadable') });
      return;
    }
    const result = await api.importBusyCalendar({ fileName: file.name, content });
    setBusy(false);
    setOutcome(result.ok ? { type: 'imported', result: result.value } : { type: 'error', title: 'import', error: result.error, detail: refusalDetail(result.error) });
  };

  const onExport = async () => {
    setBusy(true);
    const result = await api.exportAgendaIcs(exportRange);
    setBusy(false);
    if (!result.ok) {
      setOutcome({ type: 'error', title: 'export', error: result.error });
      return;
    }
    downloadText(result.value.fileName, result.value.content);
    setOutcome({ type: 'exported', fileName: result.value.fileName });
  };

  return (
    <>
      <div className="agenda-files">
        <input ref={input} type="file" accept=".ics,text/calendar" hidden onChange={(event) => void onFile(event)} data-testid="agenda-import-input" />
        <button type="button" className="btn btn-sm" disabled={busy} onClick={() => input.current?.click()} title={t('agenda.import.help')} data-testid="agenda-import">
          {t('agenda.import')}
        </button>
        <button type="button" className="btn btn-sm" disabled={busy} onClick={() => void onExport()} data-testid="agenda-export">
          {t('agenda.export')}
        </button>
      </div>
      {outcome ? (
        <div className="agenda-outcome" data-testid="agenda-file-outcome" data-outcome={outcome.type}>
          {outcome.type === 'error' ? (
            <ErrorNotice error={outcome.error} title={outcome.title === 'import' ? t('agenda.import.error') : t('agenda.export.error')} detail={outcome.detail} testId="agenda-file-error" />
          ) : (
            <div className="info-notice" role="status">
              {outcome.type === 'exported' ? (
                <p>{t('agenda.export.done', { file: outcome.fileName })}</p>
              ) : (
                <>
                  <p>
                    {i18n.plural('agenda.import.imported', outcome.result.imported)}
                    {outcome.result.skipped > 0 ? ` ${i18n.plural('agenda.import.skipped', outcome.result.skipped)}` : ''}
                  </p>
                  {outcome.result.warnings.length > 0 ? (
                    <ul className="import-warnings" aria-label={t('agenda.import.warnings')}>
                      {outcome.result.warnings.map((warning) => (
                        <li key={warning.code}>{t(`calendarImportWarning.${warning.code}`, { count: warning.count })}</li>
                      ))}
                    </ul>
                  ) : null}
                </>
              )}
              <button type="button" className="btn btn-ghost btn-sm" onClick={() => setOutcome(null)} aria-label={t('app.close')}>
                ×
              </button>
            </div>
          )}
        </div>
      ) : null}
    </>
  );
}
