import { useCallback, useEffect, useState } from 'react';
import type { AppInfo, Locale } from '../../../shared/contract/app';
import type { Result } from '../../../shared/contract/result';
import { createTranslator, defaultLocale } from '../../../shared/i18n';
import { isWebHost } from '../api/create-mesa-client';
import { useMesa } from '../api/mesa-context';
import { I18nProvider } from '../i18n/i18n-context';
import { ErrorNotice } from '../ui/ErrorNotice';
import { AppShell } from './AppShell';
import './shell.css';

/** Loads the app info (user, locale) once, then mounts the translated shell. */
export function Bootstrap() {
  const api = useMesa();
  const [info, setInfo] = useState<Result<AppInfo> | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let current = true;
    void api.getAppInfo({}).then((result) => {
      if (current) setInfo(result);
    });
    return () => {
      current = false;
    };
  }, [api, attempt]);

  // Before the user's locale is known, startup errors are in the default language.
  const { t } = createTranslator(info?.ok ? info.value.locale : defaultLocale);
  const persist = useCallback((locale: Locale) => api.updateSettings({ locale }), [api]);

  if (info === null) {
    return (
      <div className="splash" aria-busy="true">
        <div className="spinner" />
      </div>
    );
  }
  return (
    <I18nProvider initialLocale={info.ok ? info.value.locale : defaultLocale} persist={persist}>
      {info.ok ? (
        <AppShell info={info.value} />
      ) : (
        <div className="splash">
          <div className="splash-error">
            <ErrorNotice
              error={info.error}
              title={t('app.startupError')}
              detail={info.error.code === 'forbidden' && isWebHost() ? t('web.sessionMissing') : undefined}
              onRetry={() => {
                setInfo(null);
                setAttempt((n) => n + 1);
              }}
            />
          </div>
        </div>
      )}
    </I18nProvider>
  );
}
