import { useState } from 'react';
import type { AppErrorShape } from '../../../../../shared/contract/errors';
import type { FileLink } from '../../../../../shared/contract/files';
import type { Result } from '../../../../../shared/contract/result';
import { useMesa } from '../../../api/mesa-context';
import { useI18n } from '../../../i18n/i18n-context';
import { documentErrorText } from '../refusal';
import { saveLink } from '../save-link';

/** "Exportar hoja (PDF)" and "Exportar expediente de evidencia (PDF)": each saves one file. */
export function HearingExports({ caseId }: Readonly<{ caseId: string }>) {
  const api = useMesa();
  const i18n = useI18n();
  const { t } = i18n;
  const [busy, setBusy] = useState<'sheet' | 'bundle' | null>(null);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const [note, setNote] = useState<string | null>(null);

  const run = async (which: 'sheet' | 'bundle', action: () => Promise<Result<{ link: FileLink; listed: number }>>) => {
    setBusy(which);
    setNote(null);
    const result = await action();
    setBusy(null);
    setError(result.ok ? null : result.error);
    if (!result.ok) return;
    saveLink(result.value.link);
    if (result.value.listed > 0) setNote(i18n.plural('documents.bundle.listedOnly', result.value.listed));
  };

  const exportSheet = async (): Promise<Result<{ link: FileLink; listed: number }>> => {
    const result = await api.exportHearingSheetPdf({ caseId });
    return result.ok ? { ok: true, value: { link: result.value, listed: 0 } } : result;
  };
  const exportBundle = async (): Promise<Result<{ link: FileLink; listed: number }>> => {
    const result = await api.exportEvidenceBundle({ caseId });
    return result.ok ? { ok: true, value: { link: result.value.link, listed: result.value.listedOnly.length } } : result;
  };

  return (
    <div className="hearing-exports">
      <button type="button" className="btn" onClick={() => void run('sheet', exportSheet)} disabled={busy !== null} data-testid="export-sheet">
        {busy === 'sheet' ? <span className="spinner spinner-sm" /> : null}
        {t('documents.sheet.export')}
      </button>
      <button type="button" className="btn" onClick={() => void run('bundle', exportBundle)} disabled={busy !== null} data-testid="export-bundle">
        {busy === 'bundle' ? <span className="spinner spinner-sm" /> : null}
        {t('documents.bundle.export')}
      </button>
      {note ? <p className="muted">{note}</p> : null}
      {error ? (
        <p className="doc-error" role="alert">
          {documentErrorText(i18n, error)}
        </p>
      ) : null}
    </div>
  );
}
