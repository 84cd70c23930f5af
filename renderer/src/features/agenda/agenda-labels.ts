import type { Locale } from '../../../../shared/contract/app';

/**
 * Words of the capped deadline row that the shared catalogues (shared/i18n) do not have yet.
 * Kept here, per locale, until they move there as 'agenda.deadlines.more' and '.showAll'.
 */
const labels: Readonly<Record<Locale, { readonly more: (n: number) => string; readonly showAll: (n: number) => string }>> = {
  'es-CL': { more: (n) => `+${n} más`, showAll: (n) => `Ver los ${n} plazos del día` },
  en: { more: (n) => `+${n} more`, showAll: (n) => `Show all ${n} deadlines of the day` },
};

export const moreDeadlinesLabel = (locale: Locale, hidden: number): string => labels[locale].more(hidden);
export const allDeadlinesLabel = (locale: Locale, total: number): string => labels[locale].showAll(total);
