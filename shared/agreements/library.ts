import { z } from 'zod';
import type { AgreementCatalogue } from '../contract/agreements';
import { Category } from '../domain/case';
import { checkConditions, describeConditions } from './conditions';
import { type Block, ClauseCondition, type TextRun, VariableName, VariableValue } from './content';
import { issue, type AgreementIssue } from './issues';
import { clauseTexts, segmentText, variablesIn } from './segments';
import { checkVariables, VARIABLE_CATALOGUE, variableSpec } from './variables';

/**
 * The template and clause library shipped in resources/agreements (clauses.json,
 * templates.json), validated here from parsed JSON (pure: the Node loader in
 * electron/core/agreements reads the files). Clause text is written as one string per block:
 * "- " starts a bullet item, `**bold**` and `*italic*` mark runs, `{{variable}}` names a
 * catalogue variable. Every problem is collected and thrown at once as AgreementLibraryError.
 */

const Key = z.string().regex(/^[a-z][a-z0-9_]{0,79}$/);

const ClauseSource = z.strictObject({
  key: Key,
  title: z.string().min(1).max(300),
  when: z.array(ClauseCondition).max(10).optional(),
  text: z.array(z.string().min(1).max(20_000)).min(1).max(200),
});

/** A default is a value or `{ "from": "<case variable>" }` (e.g. refund = the amount claimed). */
const DefaultValue = z.union([VariableValue, z.strictObject({ from: VariableName })]);

const TemplateSource = z.strictObject({
  id: Key,
  /** What the editor lists ("Reembolso total"). */
  title: z.string().min(1).max(300),
  /** The heading of the acta itself. */
  documentTitle: z.string().min(1).max(300),
  description: z.string().max(2_000),
  categories: z.array(Category),
  clauses: z.array(Key).min(1).max(200),
  defaults: z.record(VariableName, DefaultValue).optional(),
});

export const ClauseFile = z.strictObject({ version: z.literal(1), clauses: z.array(ClauseSource).max(500) });
export const TemplateFile = z.strictObject({ version: z.literal(1), templates: z.array(TemplateSource).max(200) });

export interface LibraryClauseDefinition {
  readonly key: string;
  readonly title: string;
  readonly when: readonly ClauseCondition[];
  readonly blocks: readonly Block[];
  /** Variables its title and text use. */
  readonly variables: readonly string[];
}

export type TemplateDefault = z.infer<typeof DefaultValue>;

export interface AgreementTemplate {
  readonly id: string;
  readonly title: string;
  readonly documentTitle: string;
  readonly description: string;
  readonly categories: readonly Category[];
  readonly clauseKeys: readonly string[];
  readonly defaults: Readonly<Record<string, TemplateDefault>>;
}

export interface AgreementLibrary {
  readonly clauses: ReadonlyMap<string, LibraryClauseDefinition>;
  readonly templates: readonly AgreementTemplate[];
}

export class AgreementLibraryError extends Error {
  readonly issues: readonly AgreementIssue[];
  constructor(issues: readonly AgreementIssue[]) {
    super(`Agreement library is invalid:\n${issues.map((problem) => `- ${problem.path}: ${problem.message}`).join('\n')}`);
    this.name = 'AgreementLibraryError';
    this.issues = issues;
  }
}

const MARK = /(\*\*[^*]+\*\*|\*[^*]+\*)/;

/** "El **consumidor** acepta" → runs with marks. A stray asterisk is a mistake, not text. */
function parseRuns(text: string, path: string, issues: AgreementIssue[]): TextRun[] {
  return text
    .split(MARK)
    .filter((part) => part !== '')
    .map((part): TextRun => {
      if (part.startsWith('**') && part.endsWith('**') && part.length > 4) return { text: part.slice(2, -2), marks: ['bold'] };
      if (part.startsWith('*') && part.endsWith('*') && part.length > 2) return { text: part.slice(1, -1), marks: ['italic'] };
      if (part.includes('*')) issues.push(issue('malformed_content', path, `unbalanced * in "${text.slice(0, 80)}"`));
      return { text: part };
    });
}

function parseBlock(text: string, path: string, issues: AgreementIssue[]): Block {
  const bullet = text.startsWith('- ');
  return { type: bullet ? 'bullet' : 'paragraph', runs: parseRuns(bullet ? text.slice(2) : text, path, issues) };
}

/** Placeholders that are malformed or name no catalogue variable. */
function placeholderIssues(texts: readonly string[], path: string): AgreementIssue[] {
  return texts.flatMap((text) =>
    segmentText(text).flatMap((segment) => {
      if (segment.kind === 'malformed') return [issue('malformed_content', path, `malformed placeholder ${segment.raw}`)];
      if (segment.kind === 'variable' && !variableSpec(segment.name)) return [issue('missing_variable', path, `{{${segment.name}}} is not an agreement variable`)];
      return [];
    }),
  );
}

const zodIssues = (error: z.ZodError, file: string): AgreementIssue[] =>
  error.issues.map((problem) => issue('malformed_content', [file, ...problem.path.map(String)].join('.'), problem.message));

function buildClauses(source: z.infer<typeof ClauseFile>, issues: AgreementIssue[]): Map<string, LibraryClauseDefinition> {
  const clauses = new Map<string, LibraryClauseDefinition>();
  for (const clause of source.clauses) {
    const path = `clauses.${clause.key}`;
    if (clauses.has(clause.key)) issues.push(issue('malformed_content', path, `duplicate clause key ${clause.key}`));
    const blocks = clause.text.map((text, index) => parseBlock(text, `${path}.text.${index}`, issues));
    issues.push(...checkConditions(clause.when, path), ...placeholderIssues([clause.title, ...clause.text], path));
    clauses.set(clause.key, { key: clause.key, title: clause.title, when: clause.when ?? [], blocks, variables: variablesIn(clauseTexts({ title: clause.title, blocks })) });
  }
  return clauses;
}

function defaultIssues(name: string, value: TemplateDefault, path: string): AgreementIssue[] {
  const spec = variableSpec(name);
  if (!spec) return [issue('missing_variable', path, `default for ${name}, which is not an agreement variable`)];
  if (spec.compute) return [issue('invalid_variable', path, `${name} is computed and takes no default`)];
  if (value !== null && typeof value === 'object') {
    const from = variableSpec(value.from);
    if (!from || from.source !== 'case') return [issue('missing_variable', path, `default of ${name} comes from ${value.from}, which is not a case variable`)];
    return from.kind === spec.kind ? [] : [issue('invalid_variable', path, `${name} (${spec.kind}) cannot default to ${value.from} (${from.kind})`)];
  }
  return checkVariables({ [name]: value }).map((problem) => ({ ...problem, path }));
}

function buildTemplates(source: z.infer<typeof TemplateFile>, clauses: ReadonlyMap<string, LibraryClauseDefinition>, issues: AgreementIssue[]): AgreementTemplate[] {
  const seen = new Set<string>();
  return source.templates.map((template) => {
    const path = `templates.${template.id}`;
    if (seen.has(template.id)) issues.push(issue('malformed_content', path, `duplicate template id ${template.id}`));
    seen.add(template.id);
    for (const key of template.clauses) if (!clauses.has(key)) issues.push(issue('malformed_content', `${path}.clauses`, `unknown clause ${key}`));
    const defaults = template.defaults ?? {};
    for (const [name, value] of Object.entries(defaults)) issues.push(...defaultIssues(name, value, `${path}.defaults.${name}`));
    return {
      id: template.id,
      title: template.title,
      documentTitle: template.documentTitle,
      description: template.description,
      categories: template.categories,
      clauseKeys: template.clauses,
      defaults,
    };
  });
}

/** Validates the parsed clauses.json and templates.json. Throws AgreementLibraryError listing every problem. */
export function loadAgreementLibrary(files: { readonly clauses: unknown; readonly templates: unknown }): AgreementLibrary {
  const clauseFile = ClauseFile.safeParse(files.clauses);
  const templateFile = TemplateFile.safeParse(files.templates);
  if (!clauseFile.success || !templateFile.success) {
    throw new AgreementLibraryError([
      ...(clauseFile.success ? [] : zodIssues(clauseFile.error, 'clauses')),
      ...(templateFile.success ? [] : zodIssues(templateFile.error, 'templates')),
    ]);
  }
  const issues: AgreementIssue[] = [];
  const clauses = buildClauses(clauseFile.data, issues);
  const templates = buildTemplates(templateFile.data, clauses, issues);
  if (issues.length > 0) throw new AgreementLibraryError(issues);
  return { clauses, templates };
}

/** Templates for a case category, in library order (the first is the usual outcome). */
export const suggestTemplates = (library: AgreementLibrary, category: Category): AgreementTemplate[] =>
  library.templates.filter((template) => template.categories.includes(category));

/** The library in the contract's shape (listAgreementTemplates). */
export function toCatalogue(library: AgreementLibrary): AgreementCatalogue {
  return {
    templates: library.templates.map((template) => ({
      id: template.id,
      title: template.title,
      description: template.description,
      categories: [...template.categories],
      clauseKeys: [...template.clauseKeys],
    })),
    clauses: [...library.clauses.values()].map((clause) => ({
      key: clause.key,
      title: clause.title,
      blocks: clause.blocks.map((block) => ({ type: block.type, runs: block.runs.map((run) => ({ ...run })) })),
      condition: clause.when.length > 0 ? describeConditions(clause.when) : null,
      variables: [...clause.variables],
    })),
    variables: VARIABLE_CATALOGUE.map(({ name, label, kind, source }) => ({ name, label, kind, source })),
  };
}
