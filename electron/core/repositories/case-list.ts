import { sql, type ExpressionBuilder, type RawBuilder, type SqlBool } from 'kysely';
import type { z } from 'zod';
import type { CaseListQuery, CaseListPage, CaseSortField } from '../../../shared/contract/cases';
import type { Stage } from '../../../shared/domain/case';
import type { DeadlineState } from '../../../shared/domain/deadline';
import { DUE_SOON_MS } from '../../../shared/domain/deadlines';
import type { Database } from '../db/schema';
import type { Store } from '../db/store';
import { toSafeFtsQuery } from './fts-query';
import { caseListRowFromRow } from './rows';

/** The sentinel next_deadline_sort holds when a case has no open deadline (see 0001_initial). */
const NO_DEADLINE_SORT = '9999-12-31T23:59:59.999Z';

const SORT_COLUMNS = {
  filedAt: 'filed_at',
  updatedAt: 'updated_at',
  nextDeadline: 'next_deadline_sort',
  amount: 'amount_clp',
  folio: 'folio',
} as const satisfies Record<CaseSortField, keyof Database['cases']>;

type CasesEb = ExpressionBuilder<Database, 'cases'>;

/** Whether a condition serves the page query (walks a sort index) or the count. */
type Purpose = 'page' | 'count';

/**
 * Deadline states as ranges of the indexed next_deadline_sort column, from `now`, with the
 * boundaries of the domain's deadlineState (shared/domain/deadlines.ts): overdue = due before
 * now; due_soon = due in [now, now + 48 h]; on_track = due after now + 48 h; none = no open
 * deadline. ISO instants compare as strings because the store normalises them (toISOString).
 */
function deadlineStateCondition(eb: CasesEb, state: DeadlineState, now: Date, purpose: Purpose) {
  const nowIso = now.toISOString();
  const soonIso = new Date(now.getTime() + DUE_SOON_MS).toISOString();
  switch (state) {
    case 'overdue':
      return eb('next_deadline_sort', '<', nowIso);
    case 'due_soon':
      return eb.and([eb('next_deadline_sort', '>=', nowIso), eb('next_deadline_sort', '<=', soonIso)]);
    case 'on_track':
      return eb.and([eb('next_deadline_sort', '>', soonIso), eb('next_deadline_sort', '<', NO_DEADLINE_SORT)]);
    case 'none':
      // Most closed cases have no open deadline: for a page this equality is not selective,
      // and the `+` keeps SQLite from choosing it over the sort index (85 000 rows to sort
      // otherwise). A count wants the index range.
      return purpose === 'page' ? sql<SqlBool>`+next_deadline_sort = ${NO_DEADLINE_SORT}` : eb('next_deadline_sort', '=', NO_DEADLINE_SORT);
  }
}

/**
 * Cases whose text, private notes or chat messages match. MATCH only ever receives the output of
 * toSafeFtsQuery, bound as a parameter. The unary `+` keeps SQLite from driving the query from
 * the match set (one lookup of the wide case row per match, then a sort: 40 ms for a word in
 * half the cases): it walks the covering sort index instead and probes the match set, which is
 * built once, stopping after offset + limit hits. Messages join the match set the same way as
 * notes (by their case), so many matching messages of one case still add one rowid; so does the
 * text of its documents (case_documents_fts, migration 0005).
 */
function searchCondition(ftsQuery: string) {
  return sql<SqlBool>`+cases.rowid IN (
    SELECT rowid FROM cases_fts WHERE cases_fts MATCH ${ftsQuery}
    UNION
    SELECT matched.rowid FROM notes_fts
      JOIN notes ON notes.rowid = notes_fts.rowid
      JOIN cases AS matched ON matched.id = notes.case_id
      WHERE notes_fts MATCH ${ftsQuery}
    UNION
    SELECT rowid FROM case_messages_fts WHERE case_messages_fts MATCH ${ftsQuery}
    UNION
    SELECT rowid FROM case_documents_fts WHERE case_documents_fts MATCH ${ftsQuery}
  )`;
}

/**
 * Cases that left the mediator's caseload on the platform (declined or reassigned) leave the
 * list; they stay on disk, read-only, with their private notes. The set is tiny and built once
 * (CROSS JOIN keeps case_assignments, empty without a platform, as the outer loop; driven from
 * cases it read every case). A page probes it by rowid for the rows it walks. Without a
 * search, the total counts the index range as before and subtracts the gone cases that pass the
 * filters, because a probe per row of a 100 000-case count made a list page several times slower.
 */
const GONE_ROWIDS = sql`SELECT gone.rowid FROM case_assignments CROSS JOIN cases AS gone ON gone.id = case_assignments.case_id WHERE case_assignments.status = 'unassigned'`;
const stillAssigned = sql<SqlBool>`+cases.rowid NOT IN (${GONE_ROWIDS})`;
const gone = sql<SqlBool>`cases.rowid IN (${GONE_ROWIDS})`;

type ParsedQuery = z.output<typeof CaseListQuery>;

/**
 * The contract's defaults, without its size limits: dispatch() already enforced those on
 * anything from outside, and the repository must stay safe on its own for any text (the FTS
 * builder bounds the work), not fail because a trusted caller sent a long string.
 */
function withDefaults(query: CaseListQuery): ParsedQuery {
  return {
    stages: query.stages ?? [],
    categories: query.categories ?? [],
    deadlineStates: query.deadlineStates ?? [],
    search: (query.search ?? '').trim(),
    sort: query.sort ?? { field: 'filedAt', direction: 'desc' },
    offset: query.offset ?? 0,
    limit: query.limit ?? 100,
  };
}

const LIST_COLUMNS = [
  'id',
  'folio',
  'stage',
  'sub_state',
  'category',
  'brand_name',
  'consumer_name',
  'amount_clp',
  'filed_at',
  'updated_at',
  'next_deadline_kind',
  'next_deadline_at',
] as const;

/** One page of the case list: filters, full-text search, sort with id tie-break, total. */
export async function listCasePage(store: Store, rawQuery: CaseListQuery, now: Date): Promise<CaseListPage> {
  const query = withDefaults(rawQuery);
  const ftsQuery = toSafeFtsQuery(query.search);

  /** The cases in `stages` (all when empty) that pass every other filter. */
  const filtered = (stages: ReadonlyArray<Stage>, purpose: Purpose = 'page', assignment: RawBuilder<SqlBool> | null = stillAssigned) =>
    store.db
      .selectFrom('cases')
      .$if(stages.length > 0, (qb) => qb.where('stage', 'in', stages))
      .$if(query.categories.length > 0, (qb) => qb.where('category', 'in', query.categories))
      .$if(query.deadlineStates.length > 0, (qb) =>
        qb.where((eb) => eb.or(query.deadlineStates.map((state) => deadlineStateCondition(eb, state, now, purpose)))),
      )
      .$if(ftsQuery !== null, (qb) => qb.where(searchCondition(ftsQuery ?? '')))
      // Last: SQLite tests the terms in order, so only rows that passed every filter are probed.
      .$if(assignment !== null, (qb) => qb.where(assignment ?? sql<SqlBool>`1`));

  const column = SORT_COLUMNS[query.sort.field];
  const direction = query.sort.direction;

  const count = async (assignment: RawBuilder<SqlBool> | null): Promise<number> =>
    Number((await filtered(query.stages, 'count', assignment).select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow()).total);
  // A search matches few cases: probe them. A filter counts a long index range: subtract
  // instead (a second search count would build the full-text match set twice).
  const total = ftsQuery !== null ? await count(stillAssigned) : (await count(null)) - (await count(gone));

  // Two phases: the page's ids come from the covering indexes alone (filters, order and OFFSET
  // never read a wide case row), then the at most `limit` rows are read by id.
  let pageIds;
  if (query.deadlineStates.length > 0 && !query.deadlineStates.includes('none')) {
    // Only cases with an open deadline: a short range of cases_by_next_deadline, which carries
    // every sort key. `+column` stops SQLite from walking a sort index through the whole store
    // looking for those few cases; it reads the range and sorts it inside the index instead.
    pageIds = await filtered(query.stages)
      .select(['id'])
      .orderBy(sql`+${sql.ref(column)}`, direction)
      .orderBy('id', direction)
      .limit(query.limit)
      .offset(query.offset)
      .execute();
  } else {
    // Several stages: one SELECT per stage, UNION ALL (stages are disjoint), so SQLite walks
    // each (stage, sort, id) index in order and MERGEs them, reading ~offset+limit entries.
    // "stage IN (a, b)" would instead collect and sort every matching row.
    const [firstStage, ...otherStages] = query.stages.length >= 2 ? query.stages.map((stage) => [stage]) : [query.stages];
    let page = filtered(firstStage ?? []).select(['id', column]);
    for (const stages of otherStages) page = page.unionAll(filtered(stages).select(['id', column]));
    pageIds = await page.orderBy(column, direction).orderBy('id', direction).limit(query.limit).offset(query.offset).execute();
  }
  const ids = pageIds.map((row) => row.id);
  const byId = new Map(
    ids.length === 0 ? [] : (await store.db.selectFrom('cases').select(LIST_COLUMNS).where('id', 'in', ids).execute()).map((row) => [row.id, row]),
  );
  const rows = ids.flatMap((id) => {
    const row = byId.get(id);
    return row ? [row] : [];
  });
  return { total, offset: query.offset, rows: rows.map(caseListRowFromRow) };
}
