import { useEffect, useState } from 'react';
import type { AppErrorShape } from '../../../../../shared/contract/errors';
import { useMesa } from '../../../api/mesa-context';
import { formatDateTime } from '../../../format';
import { useI18n } from '../../../i18n/i18n-context';
import { ErrorNotice } from '../../../ui/ErrorNotice';

/** The mediator's private minutes of one session: stored on this machine only, never synced or exported. */
export function SessionMinutes({ sessionId }: Readonly<{ sessionId: string }>) {
  const api = useMesa();
  const { t, locale } = useI18n();
  const [text, setText] = useState<string | null>(null);
  const [saved, setSaved] = useState<{ text: string; at: string | null }>({ text: '', at: null });
  const [error, setError] = useState<AppErrorShape | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    let current = true;
    void api.getSessionMinutes({ sessionId }).then((result) => {
      if (!current) return;
      if (result.ok) {
        setText(result.value.minutes);
        setSaved({ text: result.value.minutes, at: result.value.updatedAt });
      }
      setError(result.ok ? null : result.error);
    });
    return () => {
      current = false;
    };
  }, [api, sessionId]);

  const save = async () => {
    if (text === null) return;
    setSaving(true);
    const result = await api.saveSessionMinutes({ sessionId, minutes: text });
    setSaving(false);
    if (result.ok) setSaved({ text: result.value.minutes, at: result.value.updatedAt });
    setError(result.ok ? null : result.error);
  };

  return (
    <div className="session-minutes" data-testid="session-minutes">
      <p className="privacy">
        <svg viewBox="0 0 20 20" width="14" height="14" aria-hidden="true">
          <path d="M6 9V6.5a4 4 0 0 1 8 0V9M5 9h10v8H5z" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinejoin="round" />
        </svg>
        {t('minutes.privacy')}
      </p>
      <textarea
        className="textarea"
        value={text ?? ''}
        disabled={text === null}
        maxLength={50_000}
        placeholder={t('minutes.placeholder')}
        aria-label={t('minutes.title')}
        onChange={(event) => setText(event.target.value)}
        data-testid="session-minutes-input"
      />
      <div className="session-minutes-actions">
        {saved.at ? <span className="muted">{t('minutes.saved', { date: formatDateTime(saved.at, locale) })}</span> : <span />}
        <button type="button" className="btn btn-primary btn-sm" disabled={saving || text === null || text === saved.text} onClick={() => void save()} data-testid="session-minutes-save">
          {t('minutes.save')}
        </button>
      </div>
      {error ? <ErrorNotice error={error} testId="session-minutes-error" /> : null}
    </div>
  );
}
