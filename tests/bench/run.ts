/**
 * `npm run bench`: Mesa's benchmarks on a 100 000-case demo store. Prints figures, targets and
 * ratios; asserts nothing (performance is never a timed test). MESA_BENCH_CASES overrides the size.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DEMO_MEDIATORS, generateDemoCases } from '../../electron/core/demo/generator';
import { openCore } from '../../electron/core/core';
import { benchImport } from './import-bench';
import { benchSync } from './sync-bench';
import { benchFirstPaint } from './paint-bench';
import { reportDocumentBenches } from './documents-hash';
import { benchPdfFirstPage } from './pdf-first-page';
import { listQueries, searchQueries, timeQueries } from './query-bench';
import { percentile, report } from './stats';

const CASES = Number(process.env.MESA_BENCH_CASES ?? 100_000);
const now = new Date();
const dir = mkdtempSync(join(tmpdir(), 'mesa-bench-'));
// The web host's CLI opens <data>/mesa.sqlite3, so the benchmark store lives under that name.
const databasePath = join(dir, 'mesa.sqlite3');

try {
  console.log(`Mesa benchmarks — ${CASES.toLocaleString('es-CL')} demo cases, Node ${process.version}, ${new Date().toISOString()}\n`);

  // First, while this process is fresh: its peak RSS is the app side's memory during the sync.
  const sync = await benchSync();
  report(`first sync: ${sync.cases} cases + ${sync.messages} messages`, sync.firstSyncMs / 1000, 's', { max: 60 });
  report('first sync: cases per second', sync.casesPerSecond, 'cases/s');
  report('first sync: messages per second', sync.messagesPerSecond, 'msg/s');
  report('first sync: peak RSS of the app side', sync.peakRssMb, 'MB', { max: 400 });
  report('first sync: longest event-loop stall', sync.maxEventLoopDelayMs, 'ms', { max: 100 });
  report(`incremental sync of ${sync.incrementalChanges} changes`, sync.incrementalSyncMs, 'ms', { max: 300 });
  report('search incl. 200 000 messages p50', sync.searchWithMessagesP50Ms, 'ms');
  report('search incl. 200 000 messages p95', sync.searchWithMessagesP95Ms, 'ms', { max: 30 });

  let start = performance.now();
  const bundles = [...generateDemoCases({ seed: 20_260_404, count: CASES, now, mediators: DEMO_MEDIATORS })];
  report('demo generator', (CASES / (performance.now() - start)) * 1000, 'cases/s');

  const imported = await benchImport(dir, databasePath, bundles, now);
  report('raw better-sqlite3 inserts, one transaction', imported.rawCasesPerSecond, 'cases/s');
  report('import (importBundles: + FTS + audit)', imported.importCasesPerSecond, 'cases/s');
  report('import rate / raw insert rate', imported.importCasesPerSecond / imported.rawCasesPerSecond, 'ratio', { min: 0.5 });

  start = performance.now();
  const core = await openCore({ databasePath, host: 'web', appVersion: 'bench', demoCases: 0 });
  report('open store (preflight + migrations check)', performance.now() - start, 'ms');
  try {
    const listTimes = await timeQueries(core, listQueries(300, CASES));
    report('case-list page (filter + sort + page) p50', percentile(listTimes, 50), 'ms');
    report('case-list page (filter + sort + page) p95', percentile(listTimes, 95), 'ms', { max: 10 });
    const searchTimes = await timeQueries(core, searchQueries(bundles, 300));
    report('full-text search p50', percentile(searchTimes, 50), 'ms');
    report('full-text search p95', percentile(searchTimes, 95), 'ms', { max: 30 });
  } finally {
    core.close();
  }

  const paints = [];
  for (let i = 0; i < 3; i += 1) paints.push(await benchFirstPaint(dir));
  report('web host start → host ready (median of 3)', percentile(paints.map((p) => p.hostReadyMs), 50), 'ms');
  report('web host start → first case list painted (median of 3)', percentile(paints.map((p) => p.paintedMs), 50), 'ms', { max: 1500 });

  const pdf = await benchPdfFirstPage();
  report('300-page PDF: click → page 1 painted (first)', pdf.firstMs, 'ms', { max: 1000 });
  report('300-page PDF: click → page 1 painted (median)', pdf.medianMs, 'ms', { max: 1000 });

  await reportDocumentBenches();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
