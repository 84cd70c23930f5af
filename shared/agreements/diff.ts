import { diffWordsWithSpace } from 'diff';
import type { AgreementContent, AgreementVariables, Block, ClauseCondition } from './content';
import { renderAgreement } from './render';

/**
 * Two versions of an agreement compared for a side-by-side view. Clauses are matched by id (a
 * clause keeps its id across versions however much its text changes); the rows follow the newer
 * version's order, with removed clauses at the place they had. A clause counts as moved when it
 * is outside the longest run of clauses that kept their relative order. Inside a clause the
 * text (title, then one line per block, bullets as "• ") is diffed word by word: joining a
 * side's parts gives back exactly that side's text.
 */

export interface DiffPart {
  readonly text: string;
  readonly change: 'same' | 'added' | 'removed';
}

export interface ClauseSide {
  /** 0-based position in that version. */
  readonly index: number;
  readonly title: string;
  /** Left: same + removed parts; right: same + added parts. */
  readonly parts: readonly DiffPart[];
}

export type ClauseStatus = 'unchanged' | 'changed' | 'added' | 'removed';

export interface ClauseDiffRow {
  readonly clauseId: string;
  readonly status: ClauseStatus;
  readonly moved: boolean;
  /** Same words, different bold/italic or paragraph/bullet. */
  readonly formattingChanged: boolean;
  readonly conditionsChanged: boolean;
  readonly left: ClauseSide | null;
  readonly right: ClauseSide | null;
}

export interface VariableChange {
  readonly name: string;
  readonly before: AgreementVariables[string] | null;
  readonly after: AgreementVariables[string] | null;
}

export interface AgreementDiff {
  readonly title: { readonly before: string; readonly after: string } | null;
  readonly rows: readonly ClauseDiffRow[];
  readonly variables: readonly VariableChange[];
  readonly summary: { readonly added: number; readonly removed: number; readonly changed: number; readonly moved: number; readonly variables: number };
}

export interface AgreementSnapshot {
  readonly content: AgreementContent;
  readonly variables: AgreementVariables;
}

export interface DiffOptions {
  /**
   * 'source' (default) compares the text as written, with `{{placeholders}}`; 'rendered'
   * compares what the parties read: conditions applied, values filled in.
   */
  readonly mode?: 'source' | 'rendered';
}

interface Comparable {
  readonly id: string;
  readonly title: string;
  readonly blocks: readonly Block[];
  readonly when?: readonly ClauseCondition[];
}

const blockText = (block: Block): string => `${block.type === 'bullet' ? '• ' : ''}${block.runs.map((run) => run.text).join('')}`;
const clauseText = (clause: Comparable): string => [clause.title, ...clause.blocks.map(blockText)].join('\n');
const formatting = (blocks: readonly Block[]): string => JSON.stringify(blocks.map((block) => [block.type, block.runs.map((run) => [run.text.length, [...(run.marks ?? [])].sort()])]));
const conditions = (when: readonly ClauseCondition[] | undefined): string => JSON.stringify(when ?? []);

/** Ids in the longest common subsequence of the two orders: the clauses that did not move. */
function stableIds(before: readonly string[], after: readonly string[]): Set<string> {
  const inBoth = new Set(after);
  const a = before.filter((id) => inBoth.has(id));
  const common = new Set(a);
  const b = after.filter((id) => common.has(id));
  // O(n·m) table: agreements have at most 200 clauses.
  const table = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      const row = table[i] as number[];
      row[j] = a[i] === b[j] ? ((table[i + 1] as number[])[j + 1] as number) + 1 : Math.max((table[i + 1] as number[])[j] as number, row[j + 1] as number);
    }
  }
  const stable = new Set<string>();
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    if (a[i] === b[j]) {
      stable.add(a[i] as string);
      i++;
      j++;
    } else if (((table[i + 1] as number[])[j] as number) >= ((table[i] as number[])[j + 1] as number)) i++;
    else j++;
  }
  return stable;
}

function pairRow(before: Comparable, beforeIndex: number, after: Comparable, afterIndex: number, moved: boolean): ClauseDiffRow {
  const changes = diffWordsWithSpace(clauseText(before), clauseText(after));
  const left = changes.filter((change) => !change.added).map((change): DiffPart => ({ text: change.value, change: change.removed ? 'removed' : 'same' }));
  const right = changes.filter((change) => !change.removed).map((change): DiffPart => ({ text: change.value, change: change.added ? 'added' : 'same' }));
  const textChanged = changes.some((change) => change.added || change.removed);
  const formattingChanged = !textChanged && formatting(before.blocks) !== formatting(after.blocks);
  const conditionsChanged = conditions(before.when) !== conditions(after.when);
  return {
    clauseId: after.id,
    status: textChanged || formattingChanged || conditionsChanged ? 'changed' : 'unchanged',
    moved,
    formattingChanged,
    conditionsChanged,
    left: { index: beforeIndex, title: before.title, parts: left },
    right: { index: afterIndex, title: after.title, parts: right },
  };
}

const soloRow = (clause: Comparable, index: number, side: 'left' | 'right'): ClauseDiffRow => {
  const parts: DiffPart[] = [{ text: clauseText(clause), change: side === 'left' ? 'removed' : 'added' }];
  const sideValue: ClauseSide = { index, title: clause.title, parts };
  return {
    clauseId: clause.id,
    status: side === 'left' ? 'removed' : 'added',
    moved: false,
    formattingChanged: false,
    conditionsChanged: false,
    left: side === 'left' ? sideValue : null,
    right: side === 'right' ? sideValue : null,
  };
};

function clauseRows(before: readonly Comparable[], after: readonly Comparable[]): ClauseDiffRow[] {
  const oldIndex = new Map(before.map((clause, index) => [clause.id, index]));
  const newIds = new Set(after.map((clause) => clause.id));
  const stable = stableIds(
    before.map((clause) => clause.id),
    after.map((clause) => clause.id),
  );
  const rows: ClauseDiffRow[] = [];
  let i = 0;
  const flushRemovedUntilStable = (): void => {
    // Old clauses up to the next stable one: removed ones get their row here; moved ones are shown where they now are.
    while (i < before.length && !stable.has((before[i] as Comparable).id)) {
      const clause = before[i] as Comparable;
      if (!newIds.has(clause.id)) rows.push(soloRow(clause, i, 'left'));
      i++;
    }
  };
  after.forEach((clause, j) => {
    const from = oldIndex.get(clause.id);
    if (from === undefined) {
      rows.push(soloRow(clause, j, 'right'));
      return;
    }
    if (stable.has(clause.id)) {
      flushRemovedUntilStable();
      i = from + 1;
    }
    rows.push(pairRow(before[from] as Comparable, from, clause, j, !stable.has(clause.id)));
  });
  flushRemovedUntilStable();
  return rows;
}

function variableChanges(before: AgreementVariables, after: AgreementVariables): VariableChange[] {
  const names = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  const value = (record: AgreementVariables, name: string) => (Object.hasOwn(record, name) ? (record[name] ?? null) : null);
  return names.filter((name) => value(before, name) !== value(after, name)).map((name) => ({ name, before: value(before, name), after: value(after, name) }));
}

const renderedClauses = (snapshot: AgreementSnapshot): Comparable[] => [...renderAgreement(snapshot.content, snapshot.variables).clauses];

export function diffAgreements(before: AgreementSnapshot, after: AgreementSnapshot, options: DiffOptions = {}): AgreementDiff {
  const rendered = options.mode === 'rendered';
  const rows = clauseRows(rendered ? renderedClauses(before) : before.content.clauses, rendered ? renderedClauses(after) : after.content.clauses);
  const variables = variableChanges(before.variables, after.variables);
  const count = (test: (row: ClauseDiffRow) => boolean): number => rows.filter(test).length;
  return {
    title: before.content.title === after.content.title ? null : { before: before.content.title, after: after.content.title },
    rows,
    variables,
    summary: {
      added: count((row) => row.status === 'added'),
      removed: count((row) => row.status === 'removed'),
      changed: count((row) => row.status === 'changed'),
      moved: count((row) => row.moved),
      variables: variables.length,
    },
  };
}
