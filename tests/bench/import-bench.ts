import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { CaseBundle } from '../../shared/domain/case';
import { openStore } from '../../electron/core/db/store';
import { caseRepository } from '../../electron/core/repositories/case-repository';
import { profileRepository } from '../../electron/core/repositories/profile-repository';
import { caseColumns } from '../../electron/core/repositories/rows';
import { DEMO_MEDIATORS } from '../../electron/core/demo/generator';

export interface ImportFigures {
  readonly rawCasesPerSecond: number;
  readonly importCasesPerSecond: number;
}

/**
 * The baseline: better-sqlite3 prepared single-row inserts of the same case, party and deadline
 * rows into the same schema, in one transaction. importBundles also fills the FTS index and
 * writes one audit row per case, which the baseline does not: the ratio is conservative.
 */
async function rawInsert(path: string, bundles: readonly CaseBundle[]): Promise<number> {
  const store = await openStore(path);
  const first = bundles[0];
  if (!first) throw new Error('no bundles');
  const cols = Object.keys(caseColumns(first.case));
  const insertCase = store.sqlite.prepare(
    `INSERT INTO cases (${cols.join(', ')}, consumer_name, next_deadline_at, next_deadline_kind) VALUES (${cols.map(() => '?').join(', ')}, ?, ?, ?)`,
  );
  const insertParty = store.sqlite.prepare(
    'INSERT INTO parties (id, case_id, role, name, rut, email, phone, representative) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const insertDeadline = store.sqlite.prepare(
    'INSERT INTO deadlines (id, case_id, kind, starts_at, due_at, count, days, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const start = performance.now();
  store.sqlite.transaction(() => {
    for (const b of bundles) {
      insertCase.run(...Object.values(caseColumns(b.case)), b.parties[0]?.name ?? '', null, null);
      for (const p of b.parties) insertParty.run(p.id, p.caseId, p.role, p.name, p.rut, p.email, p.phone, null);
      for (const d of b.deadlines) insertDeadline.run(d.id, d.caseId, d.kind, d.startsAt, d.dueAt, d.count, d.days, d.status);
    }
  })();
  const elapsed = performance.now() - start;
  store.close();
  return elapsed;
}

/** Imports `bundles` into `databasePath` as the app's own import does, after the raw baseline. */
export async function benchImport(dir: string, databasePath: string, bundles: readonly CaseBundle[], now: Date): Promise<ImportFigures> {
  const rawMs = await rawInsert(join(dir, 'raw-baseline.sqlite3'), bundles);

  const store = await openStore(databasePath);
  await store.write(async (trx) => {
    await profileRepository.upsertMediators(trx, DEMO_MEDIATORS);
    const user = DEMO_MEDIATORS.find((m) => m.role === 'mediator');
    if (user) await profileRepository.setCurrentUser(trx, user.id);
  });
  const start = performance.now();
  await caseRepository.importBundles(store, bundles, now);
  const importMs = performance.now() - start;
  store.close();

  const perSecond = (elapsed: number) => (bundles.length / elapsed) * 1000;
  return { rawCasesPerSecond: perSecond(rawMs), importCasesPerSecond: perSecond(importMs) };
}
