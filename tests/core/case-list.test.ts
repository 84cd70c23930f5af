import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseListQuery, CaseListRow, CaseSortField } from '../../shared/contract/cases';
import type { CaseBundle, Category, Stage } from '../../shared/domain/case';
import type { DeadlineState } from '../../shared/domain/deadline';
import { deadlineState } from '../../shared/domain/deadlines';
import type { Store } from '../../electron/core/db/store';
import { caseRepository } from '../../electron/core/repositories/case-repository';
import { NOW, makeBundles, makeTempDir, openTestStore, prng, removeDir } from './support/fixtures';

const COUNT = 3_000;
let dir: string;
let store: Store;
let bundles: CaseBundle[];

beforeAll(async () => {
  dir = await makeTempDir();
  store = await openTestStore(dir);
  bundles = makeBundles(COUNT, 7);
  expect(await caseRepository.importBundles(store, bundles, NOW)).toBe(COUNT);
});
afterAll(async () => {
  store.close();
  await removeDir(dir);
});

/** The list, computed in plain JS from the bundles: what the SQL must agree with. */
function reference(query: Required<Omit<CaseListQuery, 'search'>>): { total: number; ids: string[] } {
  const NO_DEADLINE = '9999-12-31T23:59:59.999Z';
  const rows = bundles.map((b) => {
    const open = b.deadlines.filter((d) => d.status === 'open').sort((x, y) => x.dueAt.localeCompare(y.dueAt))[0];
    const state: DeadlineState = open ? deadlineState(open.dueAt, 'open', NOW.toISOString()) : 'none';
    return { b, state, next: open?.dueAt ?? NO_DEADLINE };
  });
  const keyOf = (r: (typeof rows)[number], field: CaseSortField): string | number => {
    switch (field) {
      case 'filedAt':
        return r.b.case.filedAt;
      case 'updatedAt':
        return r.b.case.updatedAt;
      case 'nextDeadline':
        return r.next;
      case 'amount':
        return r.b.case.amountClp;
      case 'folio':
        return r.b.case.folio;
    }
  };
  const filtered = rows.filter(
    (r) =>
      (query.stages.length === 0 || query.stages.includes(r.b.case.stage)) &&
      (query.categories.length === 0 || query.categories.includes(r.b.case.category)) &&
      (query.deadlineStates.length === 0 || query.deadlineStates.includes(r.state)),
  );
  const sign = query.sort.direction === 'asc' ? 1 : -1;
  const compare = (a: string | number, b: string | number) => (a < b ? -1 : a > b ? 1 : 0);
  filtered.sort((x, y) => sign * (compare(keyOf(x, query.sort.field), keyOf(y, query.sort.field)) || compare(x.b.case.id, y.b.case.id)));
  return { total: filtered.length, ids: filtered.slice(query.offset, query.offset + query.limit).map((r) => r.b.case.id) };
}

const FIELDS: CaseSortField[] = ['filedAt', 'updatedAt', 'nextDeadline', 'amount', 'folio'];
const STAGES: Stage[] = ['new', 'negotiation', 'mediation', 'closed'];
const CATEGORIES: Category[] = ['delivery_not_received', 'exchange_return', 'product_defect', 'warranty'];
const STATES: DeadlineState[] = ['overdue', 'due_soon', 'on_track', 'none'];

describe('caseRepository.listPage', () => {
  it('matches the JS reference for every sort field and direction, unfiltered, across pages', async () => {
    for (const field of FIELDS) {
      for (const direction of ['asc', 'desc'] as const) {
        for (const offset of [0, 100, COUNT - 50]) {
          const query = { stages: [], categories: [], deadlineStates: [], sort: { field, direction }, offset, limit: 100 };
          const page = await caseRepository.listPage(store, query, NOW);
          const expected = reference(query);
          expect(page.total).toBe(COUNT);
          expect(page.offset).toBe(offset);
          expect(page.rows.map((r) => r.id), `${field} ${direction} @${offset}`).toEqual(expected.ids);
        }
      }
    }
  });

  it('matches the JS reference on random filter combinations', async () => {
    const random = prng(42);
    const some = <T>(items: readonly T[]): T[] => items.filter(() => random() < 0.35);
    for (let round = 0; round < 60; round += 1) {
      const query = {
        stages: some(STAGES),
        categories: some(CATEGORIES),
        deadlineStates: some(STATES),
        sort: { field: FIELDS[round % FIELDS.length] as CaseSortField, direction: round % 2 === 0 ? ('asc' as const) : ('desc' as const) },
        offset: Math.floor(random() * 3) * 40,
        limit: 1 + Math.floor(random() * 120),
      };
      const page = await caseRepository.listPage(store, query, NOW);
      const expected = reference(query);
      expect(page.total, JSON.stringify(query)).toBe(expected.total);
      expect(page.rows.map((r) => r.id), JSON.stringify(query)).toEqual(expected.ids);
    }
  });

  it('pages without overlap or gaps under ties (stable id tie-break)', async () => {
    const seen = new Set<string>();
    for (let offset = 0; offset < COUNT; offset += 250) {
      const page = await caseRepository.listPage(store, { sort: { field: 'amount', direction: 'desc' }, offset, limit: 250 }, NOW);
      for (const row of page.rows) seen.add(row.id);
    }
    expect(seen.size).toBe(COUNT);
  });

  it('fills every list column, with the denormalised consumer and next deadline', async () => {
    const page = await caseRepository.listPage(store, { deadlineStates: ['due_soon'], limit: 5 }, NOW);
    expect(page.rows.length).toBeGreaterThan(0);
    for (const row of page.rows) {
      const bundle = bundles.find((b) => b.case.id === row.id) as CaseBundle;
      const open = bundle.deadlines.filter((d) => d.status === 'open').sort((x, y) => x.dueAt.localeCompare(y.dueAt))[0];
      expect(row).toEqual({
        id: bundle.case.id,
        folio: bundle.case.folio,
        stage: bundle.case.stage,
        subState: bundle.case.subState,
        category: bundle.case.category,
        brandName: bundle.case.brandName,
        consumerName: bundle.parties.find((p) => p.role === 'consumer')?.name ?? '',
        amountClp: bundle.case.amountClp,
        filedAt: bundle.case.filedAt,
        updatedAt: bundle.case.updatedAt,
        nextDeadlineKind: open?.kind ?? null,
        nextDeadlineAt: open?.dueAt ?? null,
      } satisfies CaseListRow);
    }
  });

  it('uses an index (no full sort) for the first page of every sort, with and without a stage filter', () => {
    const columns = { filedAt: 'filed_at', updatedAt: 'updated_at', nextDeadline: 'next_deadline_sort', amount: 'amount_clp', folio: 'folio' };
    for (const column of Object.values(columns)) {
      for (const where of ['', `WHERE stage = 'mediation'`, `WHERE category = 'warranty'`]) {
        const plan = store.sqlite
          .prepare(`EXPLAIN QUERY PLAN SELECT id FROM cases ${where} ORDER BY ${column} DESC, id DESC LIMIT 100`)
          .all()
          .map((row) => (row as { detail: string }).detail)
          .join(' | ');
        expect(plan, `${column} ${where}`).not.toMatch(/TEMP B-TREE/);
      }
    }
  });
});
