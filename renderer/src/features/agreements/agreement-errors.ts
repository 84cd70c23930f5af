import type { AppErrorShape } from '../../../../shared/contract/errors';
import { AgreementRefusal, type VariableDefinition } from '../../../../shared/contract/agreements';
import type { Translator } from '../../../../shared/i18n';

/**
 * What a refused agreement operation says to the mediator: the translated reason, and for
 * variables the labels of the ones concerned ("Faltan datos: Monto del reembolso, Plazo").
 * Null when the error carries no reason (the generic text for its code is shown instead).
 */
export function refusalDetail(i18n: Translator, error: AppErrorShape, definitions: ReadonlyMap<string, VariableDefinition>, context: 'export' | 'other' = 'other'): string | null {
  const issues = error.issues ?? [];
  const reason = AgreementRefusal.safeParse(issues.find((issue) => issue.reason)?.reason);
  if (!reason.success) return null;
  const variables = issues
    .filter((issue) => issue.reason === reason.data)
    .map((issue) => issue.path.split('.').at(-1) ?? '')
    .map((name) => definitions.get(name)?.label)
    .filter((label): label is string => Boolean(label));
  const labels = [...new Set(variables)].join(', ');
  // The general wording speaks of sending; an export says what it lacks.
  if (context === 'export' && reason.data === 'unfilled_variables' && labels) return i18n.t('agreements.export.unfilled', { labels });
  const text = i18n.t(`agreementRefusal.${reason.data}`);
  return labels ? `${text} ${labels}.` : text;
}
