import type { AppErrorShape } from '../../../../shared/contract/errors';
import { AgreementRefusal, type VariableDefinition } from '../../../../shared/contract/agreements';
import type { Translator } from '../../../../shared/i18n';

/**
 * What a refused agreement operation says to the mediator: the translated reason, and for
 * variables the labels of the ones concerned ("Faltan datos: Monto del reembolso, Plazo").
 * Null when the error carries no reason (the generic text for its code is shown instead).
 */
export function refusalDetail(i18n: Translator, error: AppErrorShape, definitions: ReadonlyMap<string, VariableDefinition>): string | null {
  const issues = error.issues ?? [];
  const reason = AgreementRefusal.safeParse(issues.find((issue) => issue.reason)?.reason);
  if (!reason.success) return null;
  const text = i18n.t(`agreementRefusal.${reason.data}`);
  const variables = issues
    .filter((issue) => issue.reason === reason.data)
    .map((issue) => issue.path.split('.').at(-1) ?? '')
    .map((name) => definitions.get(name)?.label)
    .filter((label): label is string => Boolean(label));
  return variables.length > 0 ? `${text} ${[...new Set(variables)].join(', ')}.` : text;
}
