import { allHold, checkConditions } from './conditions';
import type { AgreementContent, AgreementVariables, Block } from './content';
import { issue, type AgreementIssue } from './issues';
import { clauseOrdinal } from './legal-format';
import { clauseTexts, segmentText, variablesIn } from './segments';
import { inputsOf, resolveVariables, variableSpec } from './variables';

/**
 * An agreement as it will be read: conditions applied, placeholders filled. What the exports
 * print and what the editor previews. A placeholder without a value stays as `{{name}}` in the
 * text and its stored inputs are listed in `unfilled`; exports refuse while `unfilled` or
 * `errors` is not empty.
 */

export interface RenderedClause {
  readonly id: string;
  readonly clauseKey: string | null;
  /** 1-based position among the clauses that apply (PRIMERO = 1). */
  readonly number: number;
  readonly title: string;
  readonly blocks: readonly Block[];
}

export interface RenderedAgreement {
  readonly title: string;
  readonly clauses: readonly RenderedClause[];
  /** Clauses left out because a condition does not hold (or is invalid: see errors). */
  readonly omittedClauseIds: readonly string[];
  /** Stored variables that the rendered text needs and that have no value, in order of use. */
  readonly unfilled: readonly string[];
  readonly errors: readonly AgreementIssue[];
  /** The agreed fulfilment deadline ('YYYY-MM-DD'): variable fecha_cumplimiento, null while unknown. */
  readonly fulfilmentDate: string | null;
  /** Display text of every variable (null = no value), for the editor's highlighting. */
  readonly display: Readonly<Record<string, string | null>>;
}

/** "PRIMERO: Reembolso." — how the acta heads a clause (the title's final period is not doubled). */
export const clauseHeading = (clause: Pick<RenderedClause, 'number' | 'title'>): string =>
  clause.title.trim() === '' ? `${clauseOrdinal(clause.number)}:` : `${clauseOrdinal(clause.number)}: ${clause.title.trim().replace(/\.$/, '')}.`;

const isBlank = (value: unknown): boolean => value === null || value === undefined || (typeof value === 'string' && value.trim() === '');

export function renderAgreement(content: AgreementContent, variables: AgreementVariables): RenderedAgreement {
  const errors: AgreementIssue[] = [];
  const included = content.clauses.filter((clause) => {
    const problems = checkConditions(clause.when, `clauses.${clause.id}`);
    errors.push(...problems);
    return problems.length === 0 && allHold(clause.when, variables);
  });
  const omittedClauseIds = content.clauses.filter((clause) => !included.includes(clause)).map((clause) => clause.id);

  const textsWithPaths: [string, string[]][] = [
    ['title', [content.title]],
    ...included.map((clause): [string, string[]] => [`clauses.${clause.id}`, clauseTexts(clause)]),
  ];
  for (const [path, texts] of textsWithPaths) {
    for (const segment of texts.flatMap(segmentText)) {
      if (segment.kind === 'malformed') errors.push(issue('malformed_content', path, `malformed placeholder ${segment.raw}`));
      if (segment.kind === 'variable' && !variableSpec(segment.name)) errors.push(issue('missing_variable', path, `{{${segment.name}}} is not an agreement variable`));
    }
  }

  const used = variablesIn(textsWithPaths.flatMap(([, texts]) => texts)).filter((name) => variableSpec(name));
  const resolved = resolveVariables(variables, used);
  errors.push(...resolved.issues);

  const unfilled = new Set<string>();
  const fill = (text: string): string =>
    segmentText(text)
      .map((segment) => {
        if (segment.kind !== 'variable') return segment.kind === 'text' ? segment.text : segment.raw;
        const shown = resolved.display[segment.name];
        if (shown !== null && shown !== undefined) return shown;
        if (variableSpec(segment.name)) for (const input of inputsOf(segment.name, used)) if (isBlank(variables[input])) unfilled.add(input);
        return segment.raw;
      })
      .join('');

  const clauses = included.map((clause, index) => ({
    id: clause.id,
    clauseKey: clause.clauseKey,
    number: index + 1,
    title: fill(clause.title),
    blocks: clause.blocks.map((block) => ({ type: block.type, runs: block.runs.map((run) => ({ ...run, text: fill(run.text) })) })),
  }));
  return {
    title: fill(content.title),
    clauses,
    omittedClauseIds,
    unfilled: [...unfilled],
    errors,
    fulfilmentDate: resolved.dates.fecha_cumplimiento ?? null,
    display: resolved.display,
  };
}

/**
 * Problems that make a draft unsavable, whatever is still unfilled: unknown variables and
 * conditions (in every clause, applying or not), malformed placeholders, values of the wrong type.
 */
export function checkDraft(content: AgreementContent, variables: AgreementVariables): AgreementIssue[] {
  const always = content.clauses.map((clause) => ({ ...clause, when: undefined }));
  const conditionIssues = content.clauses.flatMap((clause) => checkConditions(clause.when, `clauses.${clause.id}`));
  return [...conditionIssues, ...renderAgreement({ ...content, clauses: always }, variables).errors];
}

/** The rendered agreement as plain text ("PRIMERO: Título." headings, "• " bullets), e.g. for the platform. */
export function renderedText(rendered: Pick<RenderedAgreement, 'title' | 'clauses'>, heading: (clause: RenderedClause) => string = clauseHeading): string {
  const lines = [rendered.title.toUpperCase(), ''];
  for (const clause of rendered.clauses) {
    lines.push(heading(clause));
    for (const block of clause.blocks) lines.push(`${block.type === 'bullet' ? '• ' : ''}${block.runs.map((run) => run.text).join('')}`);
    lines.push('');
  }
  return lines.join('\n').trimEnd();
}
