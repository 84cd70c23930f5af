import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { openStore, type Store } from '../../../electron/core/db/store';
import { DEMO_MEDIATORS, generateDemoCases } from '../../../electron/core/demo/generator';
import { importCaseBundlesIn } from '../../../electron/core/repositories/case-import';
import { removeDir } from '../support/fixtures';

/**
 * The feed may carry a case's agreement before the case. No trigger watches inserted cases
 * (one cost the import a third of its rate), so the case import refreshes the Acuerdos row
 * of a case whose agreement is already there.
 */
let dir: string;
let store: Store;
afterEach(async () => {
  store.close();
  await removeDir(dir);
});

it('lists an agreement that arrived before its case once the case is imported, and only then', async () => {
  dir = mkdtempSync(join(tmpdir(), 'mesa-overview-order-'));
  store = await openStore(join(dir, 'mesa.sqlite3'));
  const now = new Date('2026-11-02T15:00:00Z');
  const [bundle] = [...generateDemoCases({ seed: 11, count: 1, now, mediators: DEMO_MEDIATORS })];
  if (!bundle) throw new Error('no demo case');
  const overviewRows = () => store.sqlite.prepare('SELECT case_id, number, state FROM agreement_overview').all();

  store.sqlite
    .prepare(`INSERT INTO agreements (id, case_id, number, status, consumer_decision, company_decision, updated_at, version) VALUES (?, ?, 1, 'sent', 'accepted', 'pending', ?, 1)`)
    .run('agr-early', bundle.case.id, now.toISOString());
  expect(overviewRows()).toEqual([]);

  await store.write((trx) => importCaseBundlesIn(trx, store.sqlite, [bundle], now, { actorId: DEMO_MEDIATORS[0]?.id ?? 'x', audit: 'every' }));
  expect(overviewRows()).toEqual([{ case_id: bundle.case.id, number: 1, state: 'decision_received' }]);
});
