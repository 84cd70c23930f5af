import type { AgreementContent } from '../../../../shared/agreements/content';
import { clauseTexts, variablesIn } from '../../../../shared/agreements/segments';
import { variableSpec } from '../../../../shared/agreements/variables';
import type { LibraryClause, TemplateSummary } from '../../../../shared/contract/agreements';
import type { Category } from '../../../../shared/domain/case';

/** Lookups over the template catalogue and the draft that the editor's panels share. */

/** Suggested templates (the case's category) first, keeping the catalogue's order within each group. */
export const orderTemplates = (templates: readonly TemplateSummary[], category: Category): TemplateSummary[] => [
  ...templates.filter((template) => template.categories.includes(category)),
  ...templates.filter((template) => !template.categories.includes(category)),
];

/**
 * The data fields the editor shows for a text: the stored inputs behind every variable it uses
 * (`monto_reembolso` for `{{monto_reembolso_texto}}`), in order of first use, and the computed
 * variables with no input of their own to show them under (fecha_cumplimiento).
 */
export function dataFields(content: AgreementContent): { readonly inputs: string[]; readonly computed: string[] } {
  const used = variablesIn([content.title, ...content.clauses.flatMap(clauseTexts)]);
  const inputs = new Set<string>();
  for (const name of used) {
    const spec = variableSpec(name);
    if (!spec) inputs.add(name); // unknown: listed so the mediator sees it is wrong
    else if (!spec.compute) inputs.add(name);
    else if (spec.compute.kind !== 'fulfilment_date') inputs.add(spec.compute.from);
  }
  const computed = used.filter((name) => variableSpec(name)?.compute?.kind === 'fulfilment_date');
  return { inputs: [...inputs], computed };
}

/** Lower case without accents, so "indemnizacion" finds "Indemnización". */
const fold = (text: string): string => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

export interface LibraryMatch {
  readonly clause: LibraryClause;
  /** Part of the template the agreement started from. */
  readonly suggested: boolean;
  /** Already in the agreement. */
  readonly inAgreement: boolean;
}

/** Library clauses matching a search over title and text; the template's own first. */
export function searchLibrary(library: readonly LibraryClause[], query: string, template: TemplateSummary | undefined, content: AgreementContent): LibraryMatch[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  const present = new Set(content.clauses.map((clause) => clause.clauseKey));
  const suggested = new Set(template?.clauseKeys ?? []);
  const matches = library
    .filter((clause) => {
      const text = fold(`${clause.title} ${clause.blocks.map((block) => block.runs.map((run) => run.text).join('')).join(' ')}`);
      return words.every((word) => text.includes(word));
    })
    .map((clause) => ({ clause, suggested: suggested.has(clause.key), inAgreement: present.has(clause.key) }));
  return [...matches.filter((match) => match.suggested), ...matches.filter((match) => !match.suggested)];
}
