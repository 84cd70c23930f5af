import { describe, expect, it } from 'vitest';
import type { AgreementContent } from '../../../shared/agreements/content';
import type { LibraryClause } from '../../../shared/contract/agreements';
import { applyDraftChange, blankClause, clauseFromLibrary, draftDiffers, type AgreementDraft } from '../../../renderer/src/features/agreements/agreement-draft';
import { createDraftStorage } from '../../../renderer/src/features/agreements/draft-storage';

const id = (n: number) => `0194f5c2-7d7e-7a3b-8c1d-00000000000${n}`;
const content: AgreementContent = {
  templateId: 'reembolso_total',
  title: 'Acta de acuerdo',
  clauses: [1, 2, 3].map((n) => ({ id: id(n), clauseKey: `c${n}`, title: `Cláusula ${n}`, blocks: [{ type: 'paragraph', runs: [{ text: `Texto ${n}` }] }] })),
};
const draft: AgreementDraft = { caseId: 'case-1', basedOn: 2, content, variables: { monto_reembolso: 150000, empresa: 'Tienda Sur SpA' } };
const order = (d: AgreementDraft) => d.content.clauses.map((c) => c.title);

describe('draft changes', () => {
  it('moves a clause up, down, to the ends, and clamps out-of-range targets', () => {
    expect(order(applyDraftChange(draft, { type: 'moveClause', clauseId: id(3), toIndex: 0 }))).toEqual(['Cláusula 3', 'Cláusula 1', 'Cláusula 2']);
    expect(order(applyDraftChange(draft, { type: 'moveClause', clauseId: id(1), toIndex: 1 }))).toEqual(['Cláusula 2', 'Cláusula 1', 'Cláusula 3']);
    expect(order(applyDraftChange(draft, { type: 'moveClause', clauseId: id(1), toIndex: 99 }))).toEqual(['Cláusula 2', 'Cláusula 3', 'Cláusula 1']);
    expect(order(applyDraftChange(draft, { type: 'moveClause', clauseId: id(2), toIndex: -1 }))).toEqual(['Cláusula 2', 'Cláusula 1', 'Cláusula 3']);
    expect(applyDraftChange(draft, { type: 'moveClause', clauseId: 'missing', toIndex: 0 }).content.clauses).toEqual(content.clauses);
  });

  it('adds library and blank clauses at a position, removes, retitles and edits text without touching the original', () => {
    const library: LibraryClause = { key: 'confidencialidad', title: 'Confidencialidad', blocks: [{ type: 'paragraph', runs: [{ text: 'Las partes…', marks: ['italic'] }] }], condition: null, variables: [] };
    let next = applyDraftChange(draft, { type: 'addClause', clause: clauseFromLibrary(library, id(4)), index: 1 });
    next = applyDraftChange(next, { type: 'addClause', clause: blankClause(id(5), 'Nueva cláusula') });
    next = applyDraftChange(next, { type: 'removeClause', clauseId: id(2) });
    next = applyDraftChange(next, { type: 'clauseTitle', clauseId: id(1), title: 'Primera' });
    next = applyDraftChange(next, { type: 'clauseBlocks', clauseId: id(3), blocks: [{ type: 'bullet', runs: [{ text: 'Otro' }] }] });
    expect(order(next)).toEqual(['Primera', 'Confidencialidad', 'Cláusula 3', 'Nueva cláusula']);
    expect(next.content.clauses[1]).toMatchObject({ clauseKey: 'confidencialidad', id: id(4) });
    expect(next.content.clauses[2]?.blocks).toEqual([{ type: 'bullet', runs: [{ text: 'Otro' }] }]);
    expect(order(draft)).toEqual(['Cláusula 1', 'Cláusula 2', 'Cláusula 3']);
    expect(library.blocks[0]?.runs[0]).toEqual({ text: 'Las partes…', marks: ['italic'] });
  });

  it('tells a changed draft from an unchanged one, whatever the order of the variables', () => {
    expect(draftDiffers(draft, { content, variables: { empresa: 'Tienda Sur SpA', monto_reembolso: 150000 } })).toBe(false);
    expect(draftDiffers(applyDraftChange(draft, { type: 'variable', name: 'monto_reembolso', value: 120000 }), draft)).toBe(true);
    expect(draftDiffers(applyDraftChange(draft, { type: 'title', title: 'Otra' }), draft)).toBe(true);
  });
});

class MemoryStorage {
  readonly items = new Map<string, string>();
  getItem = (key: string) => this.items.get(key) ?? null;
  setItem = (key: string, value: string) => void this.items.set(key, value);
  removeItem = (key: string) => void this.items.delete(key);
}

describe('draft storage', () => {
  it('keeps a draft per case until cleared', () => {
    const memory = new MemoryStorage();
    const storage = createDraftStorage(memory);
    storage.write(draft, '2026-11-22T19:30:00.000Z');
    storage.write({ ...draft, caseId: 'case-2' }, '2026-11-22T19:31:00.000Z');
    expect(storage.read('case-1')).toEqual({ ...draft, storedAt: '2026-11-22T19:30:00.000Z' });
    storage.clear('case-1');
    expect(storage.read('case-1')).toBeNull();
    expect(storage.read('case-2')?.storedAt).toBe('2026-11-22T19:31:00.000Z');
  });

  it('ignores damaged, foreign or invalid entries instead of restoring them', () => {
    const memory = new MemoryStorage();
    const storage = createDraftStorage(memory);
    const key = 'mesa.agreement-draft.case-1';
    for (const raw of ['{not json', 'null', '[]', JSON.stringify({ ...draft, caseId: 'case-9', storedAt: '2026-11-22T19:30:00.000Z' }), JSON.stringify({ ...draft, storedAt: 'yesterday' }), JSON.stringify({ ...draft, storedAt: '2026-11-22T19:30:00.000Z', variables: { 'Mal Nombre': 1 } })]) {
      memory.setItem(key, raw);
      expect(storage.read('case-1')).toBeNull();
      expect(memory.getItem(key)).toBe(raw);
    }
  });

  it('survives a full or disabled storage on write', () => {
    const storage = createDraftStorage({ getItem: () => null, removeItem: () => undefined, setItem: () => { throw new DOMException('QuotaExceededError'); } });
    expect(() => storage.write(draft, '2026-11-22T19:30:00.000Z')).not.toThrow();
  });
});
