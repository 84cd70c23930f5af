import { DOCUMENT_LIMITS } from '../../../../shared/contract/documents';
import type { AppErrorShape } from '../../../../shared/contract/errors';
import { errorMessage, isLabelKey } from '../../../../shared/i18n';
import type { I18nValue } from '../../i18n/i18n-context';

/** The size limit in MB, as the refusal and the import dialog state it. */
export const MAX_MB = DOCUMENT_LIMITS.maxBytes / (1024 * 1024);

/** The DocumentRefusal code an error carries in its issues, if any. */
export const refusalOf = (error: Pick<AppErrorShape, 'issues'>): string | null => error.issues?.find((issue) => issue.reason)?.reason ?? null;

/** The words for a refusal code (documentRefusal.*), or null when the code has none. */
export function refusalText(i18n: Pick<I18nValue, 't'>, reason: string | null): string | null {
  const key = reason ? `documentRefusal.${reason}` : '';
  return isLabelKey(key) ? i18n.t(key, { maxMb: MAX_MB }) : null;
}

/** What to tell the mediator about a failed document operation: the refusal's words, else the code's. */
export function documentErrorText(i18n: I18nValue, error: AppErrorShape): string {
  return refusalText(i18n, refusalOf(error)) ?? errorMessage(i18n, error);
}
