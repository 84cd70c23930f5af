import { useState } from 'react';
import type { AppErrorShape } from '../../../shared/contract/errors';
import { errorMessage, locales } from '../../../shared/i18n';
import { useI18n } from '../i18n/i18n-context';

const shortLabel = { 'es-CL': 'ES', en: 'EN' } as const;

/** es-CL / English segmented switch; the choice is persisted with updateSettings. */
export function LanguageSwitch() {
  const i18n = useI18n();
  const [error, setError] = useState<AppErrorShape | null>(null);

  return (
    <div className="lang-switch" role="group" aria-label={i18n.t('header.language')} title={error ? errorMessage(i18n, error) : undefined}>
      {locales.map((locale) => (
        <button
          key={locale}
          type="button"
          lang={locale}
          className="lang-option"
          aria-pressed={i18n.locale === locale}
          aria-label={i18n.t(`locale.${locale}`)}
          data-testid={`locale-${locale}`}
          onClick={async () => {
            const result = await i18n.setLocale(locale);
            setError(result.ok ? null : result.error);
          }}
        >
          {shortLabel[locale]}
        </button>
      ))}
      {error ? (
        <span className="visually-hidden" role="alert">
          {errorMessage(i18n, error)}
        </span>
      ) : null}
    </div>
  );
}
