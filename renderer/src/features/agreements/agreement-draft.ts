import type { AgreementClause, AgreementContent, AgreementVariables, Block } from '../../../../shared/agreements/content';
import type { LibraryClause } from '../../../../shared/contract/agreements';

/**
 * The agreement being edited: the text and variable values on top of the version it started
 * from. Pure updates (the editor keeps it in React state and in local storage), so every
 * change the mediator can make is one tested function.
 */
export interface AgreementDraft {
  readonly caseId: string;
  /** The version the draft started from; saving sends it as `basedOn`. */
  readonly basedOn: number;
  readonly content: AgreementContent;
  readonly variables: AgreementVariables;
}

export type DraftChange =
  | { readonly type: 'title'; readonly title: string }
  | { readonly type: 'clauseTitle'; readonly clauseId: string; readonly title: string }
  | { readonly type: 'clauseBlocks'; readonly clauseId: string; readonly blocks: readonly Block[] }
  | { readonly type: 'addClause'; readonly clause: AgreementClause; readonly index?: number }
  | { readonly type: 'removeClause'; readonly clauseId: string }
  | { readonly type: 'moveClause'; readonly clauseId: string; readonly toIndex: number }
  | { readonly type: 'variable'; readonly name: string; readonly value: AgreementVariables[string] };

const mapClause = (content: AgreementContent, clauseId: string, update: (clause: AgreementClause) => AgreementClause): AgreementContent => ({
  ...content,
  clauses: content.clauses.map((clause) => (clause.id === clauseId ? update(clause) : clause)),
});

function moveClause(clauses: readonly AgreementClause[], clauseId: string, toIndex: number): AgreementClause[] {
  const from = clauses.findIndex((clause) => clause.id === clauseId);
  const moving = clauses[from];
  if (!moving) return [...clauses];
  const rest = clauses.filter((clause) => clause.id !== clauseId);
  const target = Math.max(0, Math.min(rest.length, toIndex));
  return [...rest.slice(0, target), moving, ...rest.slice(target)];
}

export function applyDraftChange(draft: AgreementDraft, change: DraftChange): AgreementDraft {
  const { content } = draft;
  switch (change.type) {
    case 'title':
      return { ...draft, content: { ...content, title: change.title } };
    case 'clauseTitle':
      return { ...draft, content: mapClause(content, change.clauseId, (clause) => ({ ...clause, title: change.title })) };
    case 'clauseBlocks':
      return { ...draft, content: mapClause(content, change.clauseId, (clause) => ({ ...clause, blocks: [...change.blocks] })) };
    case 'addClause': {
      const at = change.index ?? content.clauses.length;
      return { ...draft, content: { ...content, clauses: [...content.clauses.slice(0, at), change.clause, ...content.clauses.slice(at)] } };
    }
    case 'removeClause':
      return { ...draft, content: { ...content, clauses: content.clauses.filter((clause) => clause.id !== change.clauseId) } };
    case 'moveClause':
      return { ...draft, content: { ...content, clauses: moveClause(content.clauses, change.clauseId, change.toIndex) } };
    case 'variable':
      return { ...draft, variables: { ...draft.variables, [change.name]: change.value } };
  }
}

/**
 * A clause from the library, as a new clause of this agreement. Chosen by hand, it applies
 * without the library's conditions: the mediator decided it belongs, so its variables are asked
 * for (a condition such as "a coupon code is set" would otherwise hide the clause that asks for it).
 */
export const clauseFromLibrary = (library: LibraryClause, id: string): AgreementClause => ({
  id,
  clauseKey: library.key,
  title: library.title,
  blocks: library.blocks.map((block) => ({ type: block.type, runs: block.runs.map((run) => ({ ...run })) })),
});

/** A clause the mediator writes from scratch. */
export const blankClause = (id: string, title: string): AgreementClause => ({ id, clauseKey: null, title, blocks: [] });

/** Whether the draft differs from what it started from (key order is stable: both come from the same code). */
export const draftDiffers = (draft: AgreementDraft, base: Pick<AgreementDraft, 'content' | 'variables'>): boolean =>
  JSON.stringify(draft.content) !== JSON.stringify(base.content) || JSON.stringify(normalizeVariables(draft.variables)) !== JSON.stringify(normalizeVariables(base.variables));

const normalizeVariables = (variables: AgreementVariables): AgreementVariables =>
  Object.fromEntries(Object.entries(variables).sort(([a], [b]) => a.localeCompare(b)));
