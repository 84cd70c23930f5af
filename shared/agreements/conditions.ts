import type { AgreementVariables, ClauseCondition } from './content';
import { issue, type AgreementIssue } from './issues';
import { variableSpec } from './variables';

/**
 * When a clause applies. A condition is a name from the closed vocabulary below or a test on
 * one stored (non-computed) variable: `{ variable, isSet }`, `{ variable, equals }`,
 * `{ variable, greaterThan }`. A clause's `when` list holds when every condition holds.
 * An unset variable makes `equals` and `greaterThan` false. Anything outside this language is
 * an `unknown_condition` (or `missing_variable` for a variable outside the catalogue).
 */

type Read = (name: string) => AgreementVariables[string] | undefined;

interface NamedCondition {
  /** Spanish, for the editor ("se incluye cuando…"). */
  readonly description: string;
  readonly uses: readonly string[];
  readonly holds: (read: Read) => boolean;
}

const isSet = (value: unknown): boolean => value !== null && value !== undefined && !(typeof value === 'string' && value.trim() === '');
const amount = (value: unknown): number | null => (typeof value === 'number' ? value : null);

function refundCompared(read: Read, total: boolean): boolean {
  const refund = amount(read('monto_reembolso'));
  const claimed = amount(read('monto_caso'));
  if (refund === null || claimed === null) return false;
  return total ? refund >= claimed : refund < claimed;
}

export const NAMED_CONDITIONS: Readonly<Record<string, NamedCondition>> = Object.freeze({
  refund_total: { description: 'el reembolso cubre todo el monto reclamado', uses: ['monto_reembolso', 'monto_caso'], holds: (read) => refundCompared(read, true) },
  refund_partial: { description: 'el reembolso es menor que el monto reclamado', uses: ['monto_reembolso', 'monto_caso'], holds: (read) => refundCompared(read, false) },
  product_return_required: { description: 'el consumidor debe devolver el producto', uses: ['devolucion_producto'], holds: (read) => read('devolucion_producto') === true },
  review_platform_case: { description: 'el reclamo se publicó en una plataforma de reseñas', uses: ['plataforma_resenas'], holds: (read) => isSet(read('plataforma_resenas')) },
  has_voucher: { description: 'se entrega un cupón con código', uses: ['codigo_cupon'], holds: (read) => isSet(read('codigo_cupon')) },
  card_payment: { description: 'la compra se pagó con tarjeta (emisor informado)', uses: ['emisor_tarjeta'], holds: (read) => isSet(read('emisor_tarjeta')) },
  has_representative: { description: 'la empresa comparece representada', uses: ['nombre_representante'], holds: (read) => isSet(read('nombre_representante')) },
  no_representative: { description: 'la empresa comparece sin representante', uses: ['nombre_representante'], holds: (read) => !isSet(read('nombre_representante')) },
});

const named = (name: string): NamedCondition | undefined => (Object.hasOwn(NAMED_CONDITIONS, name) ? NAMED_CONDITIONS[name] : undefined);

/** The stored variables a condition reads. */
export const conditionVariables = (condition: ClauseCondition): readonly string[] =>
  typeof condition === 'string' ? (named(condition)?.uses ?? []) : [condition.variable];

/** Problems with one condition; `path` locates it (e.g. `clauses.reembolso.when.0`). */
export function checkCondition(condition: ClauseCondition, path: string): AgreementIssue[] {
  if (typeof condition === 'string') {
    return named(condition) ? [] : [issue('unknown_condition', path, `unknown condition "${condition}" (known: ${Object.keys(NAMED_CONDITIONS).join(', ')})`)];
  }
  const spec = variableSpec(condition.variable);
  if (!spec) return [issue('missing_variable', path, `condition on ${condition.variable}, which is not an agreement variable`)];
  if (spec.compute) return [issue('unknown_condition', path, `condition on computed ${condition.variable}: test the variable it derives from`)];
  const numeric = spec.kind === 'amount_clp' || spec.kind === 'business_days';
  if ('greaterThan' in condition && !numeric) return [issue('unknown_condition', path, `greaterThan on ${condition.variable}, which is not a number`)];
  if ('equals' in condition) {
    const expected = spec.kind === 'boolean' ? 'boolean' : numeric ? 'number' : 'string';
    if (typeof condition.equals !== expected) return [issue('unknown_condition', path, `${condition.variable} is compared with a ${typeof condition.equals}, expected a ${expected}`)];
  }
  return [];
}

export const checkConditions = (when: readonly ClauseCondition[] | undefined, path: string): AgreementIssue[] =>
  (when ?? []).flatMap((condition, index) => checkCondition(condition, `${path}.when.${index}`));

/** Whether one condition holds. An invalid condition (see checkCondition) never holds. */
export function conditionHolds(condition: ClauseCondition, variables: AgreementVariables): boolean {
  const read: Read = (name) => (Object.hasOwn(variables, name) ? variables[name] : undefined);
  if (typeof condition === 'string') return named(condition)?.holds(read) ?? false;
  if (checkCondition(condition, '').length > 0) return false;
  const value = read(condition.variable);
  if ('isSet' in condition) return isSet(value) === condition.isSet;
  if ('equals' in condition) return isSet(value) && value === condition.equals;
  return typeof value === 'number' && value > condition.greaterThan;
}

/** A clause with no conditions always applies. */
export const allHold = (when: readonly ClauseCondition[] | undefined, variables: AgreementVariables): boolean =>
  (when ?? []).every((condition) => conditionHolds(condition, variables));

/** Spanish text of a condition list for the editor and the catalogue ("" when unconditional). */
export function describeConditions(when: readonly ClauseCondition[] | undefined): string {
  return (when ?? [])
    .map((condition) => {
      if (typeof condition === 'string') return named(condition)?.description ?? condition;
      const label = variableSpec(condition.variable)?.label ?? condition.variable;
      if ('isSet' in condition) return `${label} ${condition.isSet ? 'está informado' : 'no está informado'}`;
      if ('equals' in condition) return `${label} = ${String(condition.equals)}`;
      return `${label} > ${condition.greaterThan}`;
    })
    .join(' y ');
}
