import type { CaseListQuery, CaseSortField } from '../../shared/contract/cases';
import { Category, Stage, type CaseBundle } from '../../shared/domain/case';
import { DeadlineState } from '../../shared/domain/deadline';
import { dispatch } from '../../electron/core/api/dispatch';
import type { MesaCore } from '../../electron/core/core';
import { Rng } from '../../electron/core/demo/prng';
import { timeEach } from './stats';

const SORT_FIELDS: CaseSortField[] = ['filedAt', 'updatedAt', 'nextDeadline', 'amount', 'folio'];

/** What a mediator does with the list: filters and sorts, scrolled anywhere in the result. */
export function listQueries(count: number, total: number): CaseListQuery[] {
  const rng = new Rng(7);
  const queries: CaseListQuery[] = [];
  for (let i = 0; i < count; i += 1) {
    const stages = rng.next() < 0.5 ? [] : [rng.pick(Stage.options)];
    const categories = rng.next() < 0.7 ? [] : [rng.pick(Category.options)];
    const deadlineStates = rng.next() < 0.8 ? [] : [rng.pick(DeadlineState.options)];
    const sort = { field: rng.pick(SORT_FIELDS), direction: rng.pick(['asc', 'desc'] as const) };
    const offset = rng.next() < 0.5 ? 0 : Math.floor(rng.next() * Math.min(total, 5_000) / 100) * 100;
    queries.push({ stages, categories, deadlineStates, sort, offset, limit: 100 });
  }
  return queries;
}

/**
 * What a mediator types into the search box: a party's surname or full name, a folio, an order
 * number, a brand, a product word, a common complaint word, a prefix still being typed.
 */
export function searchQueries(bundles: readonly CaseBundle[], count: number): CaseListQuery[] {
  const rng = new Rng(11);
  const common = ['devolución', 'reembolso', 'garantía', 'despacho', 'Chilexpress', 'cargo', 'notebook', 'refrigerador', 'devol', 'tarj'];
  const queries: CaseListQuery[] = [];
  for (let i = 0; i < count; i += 1) {
    const bundle = rng.pick(bundles);
    const consumer = bundle.parties.find((p) => p.role === 'consumer')?.name ?? 'Pérez';
    const kind = i % 6;
    const search =
      kind === 0 ? consumer
      : kind === 1 ? consumer.split(' ').at(-1) ?? consumer
      : kind === 2 ? bundle.case.folio
      : kind === 3 ? bundle.case.orderNumber
      : kind === 4 ? `${bundle.case.brandName} ${rng.pick(common)}`
      : rng.pick(common);
    queries.push({ search, limit: 100 });
  }
  return queries;
}

/** Times each query through dispatch(), exactly what the IPC binding and the web host call. */
export function timeQueries(core: MesaCore, queries: readonly CaseListQuery[]): Promise<number[]> {
  return timeEach(queries, async (query) => {
    const result = await dispatch(core.handlers, 'listCases', query);
    if (!result.ok) throw new Error(`listCases failed: ${result.error.code} ${result.error.message}`);
  });
}
