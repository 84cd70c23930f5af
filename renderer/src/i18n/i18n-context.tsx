import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Locale } from '../../../shared/contract/app';
import { createTranslator, defaultLocale, type Translator } from '../../../shared/i18n';
import type { Result } from '../../../shared/contract/result';

export interface I18nValue extends Translator {
  /** Switches the UI language and persists it through `persist` (updateSettings). */
  readonly setLocale: (locale: Locale) => Promise<Result<unknown>>;
}

const I18nContext = createContext<I18nValue | null>(null);

type Props = Readonly<{
  initialLocale?: Locale;
  persist: (locale: Locale) => Promise<Result<unknown>>;
  children: ReactNode;
}>;

export function I18nProvider({ initialLocale = defaultLocale, persist, children }: Props) {
  const [locale, setLocaleState] = useState<Locale>(initialLocale);

  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  const setLocale = useCallback(
    async (next: Locale) => {
      const result = await persist(next);
      if (result.ok) setLocaleState(next);
      return result;
    },
    [persist],
  );

  const value = useMemo<I18nValue>(() => ({ ...createTranslator(locale), setLocale }), [locale, setLocale]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n() outside <I18nProvider>');
  return value;
}
