import { describe, expect, it } from 'vitest';
import type { AgreementClause, AgreementContent } from '../../../shared/agreements/content';
import { type AgreementDiff, type ClauseDiffRow, diffAgreements } from '../../../shared/agreements/diff';
import { instantiateTemplate } from '../../../shared/agreements/instantiate';
import { counterIds, FACTS, shippedLibrary } from './fixtures';

const library = shippedLibrary();
const template = library.templates.find((entry) => entry.id === 'reembolso_total');
if (!template) throw new Error('template');
const base = instantiateTemplate(template, library, FACTS, { newId: counterIds() });
const clauses = base.content.clauses;
const at = (index: number): AgreementClause => {
  const clause = clauses[index];
  if (!clause) throw new Error(`no clause ${index}`);
  return clause;
};
const withClauses = (list: AgreementClause[]): AgreementContent => ({ ...base.content, clauses: list });
const joined = (row: ClauseDiffRow, side: 'left' | 'right'): string => (row[side]?.parts ?? []).map((part) => part.text).join('');
const rowOf = (diff: AgreementDiff, id: string): ClauseDiffRow => {
  const row = diff.rows.find((entry) => entry.clauseId === id);
  if (!row) throw new Error(`no row ${id}`);
  return row;
};

describe('diffAgreements', () => {
  it('finds nothing between a version and itself', () => {
    const diff = diffAgreements(base, base);
    expect(diff.rows.every((row) => row.status === 'unchanged' && !row.moved)).toBe(true);
    expect(diff.summary).toEqual({ added: 0, removed: 0, changed: 0, moved: 0, variables: 0 });
    expect(diff.title).toBeNull();
  });

  it('marks changed words inside a clause, each side reading back as its own text', () => {
    const reembolso = at(2);
    const edited = { ...reembolso, blocks: [reembolso.blocks[0], { type: 'paragraph' as const, runs: [{ text: 'El reembolso se hará en quince días hábiles.' }] }].filter((block) => block !== undefined) };
    const diff = diffAgreements(base, { ...base, content: withClauses(clauses.map((clause) => (clause.id === reembolso.id ? edited : clause))) });
    const row = rowOf(diff, reembolso.id);
    expect(row.status).toBe('changed');
    expect(row.moved).toBe(false);
    expect(row.left?.parts.filter((part) => part.change === 'removed').map((part) => part.text).join('')).toContain('plazo_reembolso_texto');
    expect(row.right?.parts.filter((part) => part.change === 'added').map((part) => part.text).join('')).toContain('quince');
    expect(row.right?.parts.some((part) => part.change === 'same' && part.text.includes('restituir al consumidor'))).toBe(true);
    expect(joined(row, 'right')).toBe(`Reembolso\n${edited.blocks.map((block) => block.runs.map((run) => run.text).join('')).join('\n')}`);
    expect(diff.summary.changed).toBe(1);
  });

  it('shows added, removed and moved clauses in the newer order, removed ones where they were', () => {
    const added: AgreementClause = { id: '00000000-0000-4000-8000-0000000000aa', clauseKey: null, title: 'Cláusula adicional', blocks: [{ type: 'paragraph', runs: [{ text: 'Nueva.' }] }] };
    // Remove index 3, move the last clause to the front of the body (index 1), add one after it.
    const last = at(clauses.length - 1);
    const reordered = [at(0), last, added, ...clauses.slice(1, clauses.length - 1).filter((clause) => clause.id !== at(3).id)];
    const diff = diffAgreements(base, { ...base, content: withClauses(reordered) });
    expect(diff.summary).toMatchObject({ added: 1, removed: 1, moved: 1, changed: 0 });
    expect(rowOf(diff, last.id)).toMatchObject({ status: 'unchanged', moved: true, left: { index: clauses.length - 1 }, right: { index: 1 } });
    expect(rowOf(diff, added.id)).toMatchObject({ status: 'added', left: null, right: { index: 2, title: 'Cláusula adicional' } });
    const removedRow = rowOf(diff, at(3).id);
    expect(removedRow).toMatchObject({ status: 'removed', right: null, left: { index: 3 } });
    // The removed row sits between the clauses that surrounded it.
    const order = diff.rows.map((row) => row.clauseId);
    expect(order.indexOf(at(3).id)).toBe(order.indexOf(at(2).id) + 1);
  });

  it('tells formatting and condition changes apart from text changes', () => {
    const first = at(0);
    const plain = { ...first, blocks: first.blocks.map((block) => ({ ...block, runs: block.runs.map((run) => ({ text: run.text })) })) };
    const conditional = { ...at(1), when: ['has_voucher' as const] };
    const diff = diffAgreements(base, { ...base, content: withClauses(clauses.map((clause) => (clause.id === first.id ? plain : clause.id === conditional.id ? conditional : clause))) });
    expect(rowOf(diff, first.id)).toMatchObject({ status: 'changed', formattingChanged: true, conditionsChanged: false });
    expect(rowOf(diff, conditional.id)).toMatchObject({ status: 'changed', formattingChanged: false, conditionsChanged: true });
  });

  it('lists variable changes, and in rendered mode shows them inside the text', () => {
    const after = { ...base, variables: { ...base.variables, monto_reembolso: 90_000, plataforma_resenas: 'Reclamos.cl' } };
    const diff = diffAgreements(base, after, { mode: 'rendered' });
    expect(diff.variables).toEqual([
      { name: 'monto_reembolso', before: 150_000, after: 90_000 },
      { name: 'plataforma_resenas', before: null, after: 'Reclamos.cl' },
    ]);
    const reembolso = rowOf(diff, at(2).id);
    expect(reembolso.left?.parts.filter((part) => part.change === 'removed').map((part) => part.text.trim())).toEqual(expect.arrayContaining(['150', 'ciento', 'cincuenta']));
    expect(reembolso.right?.parts.filter((part) => part.change === 'added').map((part) => part.text.trim())).toEqual(expect.arrayContaining(['90', 'noventa']));
    // refund_total stops holding (90 000 < 150 000) and the review clause starts to.
    expect(diff.summary).toMatchObject({ removed: 1, added: 1 });
    expect(diffAgreements(base, after).summary).toMatchObject({ removed: 0, added: 0, changed: 0, variables: 2 });
  });

  it('random edits (seeded): every clause appears once per side, sides read back exactly, rows follow the new order', () => {
    let seed = 42;
    const random = (n: number): number => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed % n;
    };
    const nextId = counterIds();
    for (let round = 0; round < 300; round++) {
      let list = [...clauses];
      for (let edit = 0; edit < 1 + random(6); edit++) {
        const index = random(list.length);
        const clause = list[index] as AgreementClause;
        const kind = random(4);
        if (kind === 0 && list.length > 1) list.splice(index, 1);
        else if (kind === 1) list.splice(index, 0, { id: nextId().replace('00000000', '11111111'), clauseKey: null, title: `Nueva ${round}`, blocks: [] });
        else if (kind === 2) list = [...list.slice(0, index), ...list.slice(index + 1)].toSpliced(random(list.length), 0, clause);
        else list[index] = { ...clause, title: `${clause.title} revisada`, blocks: clause.blocks.slice(1) };
      }
      const diff = diffAgreements(base, { ...base, content: withClauses(list) });
      const lefts = diff.rows.filter((row) => row.left).map((row) => row.clauseId);
      const rights = diff.rows.filter((row) => row.right).map((row) => row.clauseId);
      expect(new Set(lefts)).toEqual(new Set(clauses.map((clause) => clause.id)));
      expect(lefts).toHaveLength(clauses.length);
      expect(rights).toEqual(list.map((clause) => clause.id));
      for (const row of diff.rows) {
        const before = clauses.find((clause) => clause.id === row.clauseId);
        const after = list.find((clause) => clause.id === row.clauseId);
        const text = (clause: AgreementClause) => [clause.title, ...clause.blocks.map((block) => `${block.type === 'bullet' ? '• ' : ''}${block.runs.map((run) => run.text).join('')}`)].join('\n');
        if (before) expect(joined(row, 'left')).toBe(text(before));
        if (after) expect(joined(row, 'right')).toBe(text(after));
      }
    }
  });
});
