import { conditionHolds, conditionVariables } from './conditions';
import type { AgreementClause, AgreementContent, AgreementVariables, ClauseCondition } from './content';
import type { AgreementLibrary, AgreementTemplate, LibraryClauseDefinition } from './library';
import { type AgreementCaseFacts, caseVariables, inputsOf, variableSpec } from './variables';

/**
 * A template turned into version 1 of an agreement for a case: the template's clauses in
 * order, variables from the case, the template's defaults, and every other variable the text
 * uses present as null (so the editor lists what is left to fill).
 */

export interface InstantiatedAgreement {
  readonly content: AgreementContent;
  readonly variables: AgreementVariables;
}

export interface InstantiateOptions {
  /** Clause ids; crypto.randomUUID by default (tests pass a counter). */
  readonly newId?: () => string;
}

const dependsOnCaseOnly = (condition: ClauseCondition): boolean => conditionVariables(condition).every((name) => variableSpec(name)?.source === 'case');

/**
 * A library clause as an agreement clause. Conditions on case facts are settled now (the clause
 * is dropped — null — when one fails); conditions on values the mediator enters are kept in
 * `when` for rendering.
 */
export function clauseFromLibrary(definition: LibraryClauseDefinition, variables: AgreementVariables, newId: () => string): AgreementClause | null {
  const settled = definition.when.filter(dependsOnCaseOnly);
  if (!settled.every((condition) => conditionHolds(condition, variables))) return null;
  const open = definition.when.filter((condition) => !dependsOnCaseOnly(condition));
  return {
    id: newId(),
    clauseKey: definition.key,
    title: definition.title,
    blocks: definition.blocks.map((block) => ({ type: block.type, runs: block.runs.map((run) => ({ ...run })) })),
    ...(open.length > 0 ? { when: open } : {}),
  };
}

export function instantiateTemplate(template: AgreementTemplate, library: AgreementLibrary, facts: AgreementCaseFacts, options: InstantiateOptions = {}): InstantiatedAgreement {
  const newId = options.newId ?? (() => globalThis.crypto.randomUUID());
  const fromCase = caseVariables(facts);
  const defaults = Object.fromEntries(
    Object.entries(template.defaults).map(([name, value]) => [name, value !== null && typeof value === 'object' ? (fromCase[value.from] ?? null) : value]),
  );
  const variables: AgreementVariables = { ...fromCase, ...defaults };
  const clauses = template.clauseKeys.flatMap((key) => {
    const definition = library.clauses.get(key);
    const clause = definition ? clauseFromLibrary(definition, variables, newId) : null;
    return clause ? [clause] : [];
  });
  const used = new Set(clauses.flatMap((clause) => library.clauses.get(clause.clauseKey ?? '')?.variables ?? []));
  for (const clause of clauses) for (const condition of clause.when ?? []) for (const name of conditionVariables(condition)) used.add(name);
  for (const name of used) for (const input of inputsOf(name, used)) if (!(input in variables)) variables[input] = null;
  return { content: { templateId: template.id, title: template.documentTitle, clauses }, variables };
}
