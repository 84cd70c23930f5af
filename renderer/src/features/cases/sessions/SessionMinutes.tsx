import { useEffect, useState } from 'react';
import type { AppErrorShape } from '../../../../../shared/contract/errors';
import { useMesa } from '../../../api/mesa-context';
import { formatDateTime } from '../../../format';
import { useI18n } from '../../../i18n/i18n-context';
import { ErrorNotice } from '../../../ui/ErrorNotice';
import { PrivacyNotice } from '../../../ui/PrivacyNotice';

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
      <PrivacyNotice text={t('minutes.privacy')} />
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
