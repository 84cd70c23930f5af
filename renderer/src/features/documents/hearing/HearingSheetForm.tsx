import { useEffect, useState } from 'react';
import type { HearingSheet } from '../../../../../shared/contract/documents';
import type { AppErrorShape } from '../../../../../shared/contract/errors';
import { useMesa } from '../../../api/mesa-context';
import { formatTime } from '../../../format';
import { useDebouncedValue } from '../../../hooks/use-debounced-value';
import { useI18n } from '../../../i18n/i18n-context';
import { ErrorNotice } from '../../../ui/ErrorNotice';
import { SHEET_FIELDS, SHEET_MAX_CHARS, sheetChanged, type SheetField } from './sheet-fields';
import { PrivacyNotice } from '../../../ui/PrivacyNotice';

type Draft = Readonly<Record<SheetField, string>>;

const draftOf = (sheet: HearingSheet): Draft => Object.fromEntries(SHEET_FIELDS.map((f) => [f, sheet[f]])) as Record<SheetField, string>;

/** The mediator's private preparation sheet; saved on this machine as it is typed (never synced). */
export function HearingSheetForm({ caseId }: Readonly<{ caseId: string }>) {
  const api = useMesa();
  const { t } = useI18n();
  const [draft, setDraft] = useState<Draft | null>(null);
  const [saved, setSaved] = useState<Draft | null>(null);
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const debounced = useDebouncedValue(draft, 800);

  useEffect(() => {
    let current = true;
    void api.getHearingSheet({ caseId }).then((result) => {
      if (!current) return;
      if (!result.ok) {
        setError(result.error);
        return;
      }
      const loaded = draftOf(result.value);
      setSaved(loaded);
      setDraft(loaded);
      setSavedAt(result.value.updatedAt);
    });
    return () => {
      current = false;
    };
  }, [api, caseId]);

  useEffect(() => {
    if (!debounced || !saved || !sheetChanged(debounced, saved)) return;
    void api.saveHearingSheet({ caseId, ...debounced }).then((result) => {
      if (result.ok) {
        setSaved(debounced);
        setSavedAt(result.value.updatedAt);
      }
      setError(result.ok ? null : result.error);
    });
  }, [api, caseId, debounced, saved]);

  const dirty = draft !== null && saved !== null && sheetChanged(draft, saved);
  return (
    <section className="hearing-sheet" aria-labelledby="hearing-sheet-title" data-testid="hearing-sheet">
      <div className="hearing-sheet-head">
        <h3 id="hearing-sheet-title">{t('documents.sheet.title')}</h3>
        <span className="muted hearing-save-state" aria-live="polite" data-testid="hearing-sheet-state">
          {dirty ? t('documents.sheet.saving') : savedAt ? t('documents.sheet.saved', { time: formatTime(savedAt) }) : ''}
        </span>
      </div>
      <PrivacyNotice text={t('documents.sheet.privacy')} />
      {error ? <ErrorNotice error={error} testId="hearing-sheet-error" /> : null}
      {draft ? (
        <div className="hearing-fields">
          {SHEET_FIELDS.map((field) => (
            <label key={field} className={`doc-field hearing-field-${field}`}>
              <span className="doc-label">{t(`documents.sheet.${field}`)}</span>
              <textarea
                className="textarea"
                value={draft[field]}
                maxLength={SHEET_MAX_CHARS}
                placeholder={t(`documents.sheet.${field}.hint`)}
                onChange={(event) => setDraft({ ...draft, [field]: event.target.value })}
                data-testid={`hearing-sheet-${field}`}
              />
            </label>
          ))}
        </div>
      ) : null}
    </section>
  );
}
