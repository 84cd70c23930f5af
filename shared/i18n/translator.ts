import type { Locale } from '../contract/app';
import { en } from './catalogues/en';
import { esCL, type MessageKey } from './catalogues/es-CL';

export type { MessageKey };

/** Values for `{name}` placeholders. Numbers are formatted with the locale's digit grouping. */
export type MessageParams = Readonly<Record<string, string | number>>;

/** The base of every key that has plural forms: `cases.total` for `cases.total.one|other`. */
export type PluralBase = MessageKey extends infer K ? (K extends `${infer B}.other` ? B : never) : never;

export const defaultLocale: Locale = 'es-CL';
export const locales: readonly Locale[] = ['es-CL', 'en'];

const catalogues: Readonly<Record<Locale, Readonly<Record<MessageKey, string>>>> = { 'es-CL': esCL, en };

export interface Translator {
  readonly locale: Locale;
  /** The message for `key` with `{name}` placeholders replaced. */
  t(key: MessageKey, params?: MessageParams): string;
  /** The plural form of `base` for `count` (Intl.PluralRules), with `{count}` available. */
  plural(base: PluralBase, count: number, params?: MessageParams): string;
  formatNumber(value: number): string;
}

const PLACEHOLDER = /\{([a-zA-Z0-9_]+)\}/g;

/** Replaces `{name}`; an unknown placeholder stays visible so the mistake shows instead of vanishing. */
export function interpolate(template: string, params: MessageParams | undefined, formatNumber: (n: number) => string): string {
  if (!params) return template;
  return template.replace(PLACEHOLDER, (whole, name: string) => {
    if (!Object.prototype.hasOwnProperty.call(params, name)) return whole;
    const value = params[name];
    return typeof value === 'number' ? formatNumber(value) : String(value);
  });
}

const isMessageKey = (key: string): key is MessageKey => Object.prototype.hasOwnProperty.call(esCL, key);

export function createTranslator(locale: Locale): Translator {
  const catalogue = catalogues[locale];
  const numbers = new Intl.NumberFormat(locale);
  const plurals = new Intl.PluralRules(locale);
  const formatNumber = (value: number): string => numbers.format(value);
  const t = (key: MessageKey, params?: MessageParams): string => interpolate(catalogue[key], params, formatNumber);
  const plural = (base: PluralBase, count: number, params?: MessageParams): string => {
    const candidate = `${base}.${plurals.select(count)}`;
    const key: MessageKey = isMessageKey(candidate) ? candidate : (`${base}.other` as MessageKey);
    return t(key, { ...params, count });
  };
  return { locale, t, plural, formatNumber };
}

/** Accepts whatever a host reports ('es', 'es-CL', 'en-US'…) and returns a supported locale. */
export function resolveLocale(requested: string | null | undefined): Locale {
  if (!requested) return defaultLocale;
  const lower = requested.toLowerCase();
  if (lower === 'en' || lower.startsWith('en-')) return 'en';
  return defaultLocale;
}
