/**
 * Store benchmark (not a test: figures, no assertions). Run: npx tsx tests/core/bench/store-bench.ts [cases]
 * - import rate of caseRepository.importBundles vs raw better-sqlite3 prepared single-row inserts
 *   of the same case/party/deadline rows in one transaction, into the same schema;
 * - time of one case-list page for every sort field, with and without filters and search.
 */
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { CaseListQuery, CaseSortField } from '../../../shared/contract/cases';
import { openStore } from '../../../electron/core/db/store';
import { caseRepository } from '../../../electron/core/repositories/case-repository';
import { caseColumns } from '../../../electron/core/repositories/rows';
import { NOW, makeBundles, makeTempDir, openTestStore, removeDir } from '../support/fixtures';

const count = Number(process.argv[2] ?? 100_000);
const dir = await makeTempDir();
try {
  const bundles = makeBundles(count, 1);

  // Baseline: raw prepared inserts, one row per run(), one transaction.
  const raw = await openStore(join(dir, 'raw.sqlite'));
  const cols = Object.keys(caseColumns((bundles[0] as (typeof bundles)[number]).case));
  const insertCase = raw.sqlite.prepare(
    `INSERT INTO cases (${cols.join(', ')}, consumer_name, next_deadline_at, next_deadline_kind) VALUES (${cols.map(() => '?').join(', ')}, ?, ?, ?)`,
  );
  const insertParty = raw.sqlite.prepare('INSERT INTO parties (id, case_id, role, name, rut, email, phone, representative) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  const insertDeadline = raw.sqlite.prepare('INSERT INTO deadlines (id, case_id, kind, starts_at, due_at, count, days, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  let t = performance.now();
  raw.sqlite.transaction(() => {
    for (const b of bundles) {
      insertCase.run(...Object.values(caseColumns(b.case)), b.parties[0]?.name ?? '', null, null);
      for (const p of b.parties) insertParty.run(p.id, p.caseId, p.role, p.name, p.rut, p.email, p.phone, null);
      for (const d of b.deadlines) insertDeadline.run(d.id, d.caseId, d.kind, d.startsAt, d.dueAt, d.count, d.days, d.status);
    }
  })();
  const rawMs = performance.now() - t;
  raw.close();

  const store = await openTestStore(dir);
  t = performance.now();
  await caseRepository.importBundles(store, bundles, NOW);
  const importMs = performance.now() - t;

  const rate = (ms: number) => Math.round((count / ms) * 1000);
  console.log(`cases: ${count}`);
  console.log(`raw prepared inserts (cases+parties+deadlines, no FTS/audit): ${rawMs.toFixed(0)} ms, ${rate(rawMs)} cases/s`);
  console.log(`importBundles (same + cases_fts + audit rows):               ${importMs.toFixed(0)} ms, ${rate(importMs)} cases/s`);
  console.log(`ratio import/raw rate: ${(rawMs / importMs).toFixed(2)}`);

  if (process.env.ANALYZE) store.sqlite.exec('ANALYZE');
  const time = async (label: string, query: CaseListQuery) => {
    await caseRepository.listPage(store, query, NOW); // warm
    const runs = 5;
    const start = performance.now();
    let total = 0;
    for (let i = 0; i < runs; i += 1) total = (await caseRepository.listPage(store, query, NOW)).total;
    console.log(`${label.padEnd(58)} ${((performance.now() - start) / runs).toFixed(1).padStart(7)} ms  (total ${total})`);
  };
  const fields: CaseSortField[] = ['filedAt', 'updatedAt', 'nextDeadline', 'amount', 'folio'];
  for (const field of fields) {
    for (const direction of ['asc', 'desc'] as const) {
      await time(`sort ${field} ${direction}`, { sort: { field, direction } });
      await time(`sort ${field} ${direction}, stage=mediation`, { sort: { field, direction }, stages: ['mediation'] });
      await time(`sort ${field} ${direction}, category=warranty`, { sort: { field, direction }, categories: ['warranty'] });
    }
  }
  await time('stages new+negotiation, sort filedAt desc', { stages: ['new', 'negotiation'] });
  await time('deadline overdue+due_soon, sort nextDeadline asc', { deadlineStates: ['overdue', 'due_soon'], sort: { field: 'nextDeadline', direction: 'asc' } });
  await time('search "devolucion"', { search: 'devolucion' });
  await time('search "devolucion" + stage=closed', { search: 'devolucion', stages: ['closed'] });
  await time('search folio prefix "RL-2026-0999"', { search: 'RL-2026-0999' });
  await time('offset 90 000', { offset: Math.max(0, count - 10_000), limit: 100 });
  store.close();

  t = performance.now();
  const reopened = await openStore(join(dir, 'mesa.sqlite'));
  console.log(`reopen (read-only preflight incl. quick_check, migrations check): ${(performance.now() - t).toFixed(0)} ms`);
  reopened.close();
} finally {
  await removeDir(dir);
}
