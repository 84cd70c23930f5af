/**
 * Sync benchmark: the first sync of 10 000 cases and 200 000 messages from the reference
 * platform, then an incremental sync of 100 changes. The platform runs in a CHILD process (this
 * file, with --platform-server-child), so its CPU and memory are not counted as the app's.
 * Measured on the app side: wall time, cases/s, messages/s, peak RSS (sampled every 25 ms) and
 * the longest event-loop stall (perf_hooks.monitorEventLoopDelay) during the sync.
 * MESA_BENCH_SYNC_CASES / MESA_BENCH_SYNC_MESSAGES override the size.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { dispatch } from '../../electron/core/api/dispatch';
import { openCore } from '../../electron/core/core';
import type { SyncStatus } from '../../shared/contract/sync';
import { createMemorySecretStore } from '../sync/support/memory-secret-store';
import { percentile, timeEach } from './stats';

export interface SyncBenchFigures {
  readonly cases: number;
  readonly messages: number;
  readonly firstSyncMs: number;
  readonly casesPerSecond: number;
  readonly messagesPerSecond: number;
  readonly peakRssMb: number;
  readonly maxEventLoopDelayMs: number;
  readonly incrementalChanges: number;
  readonly incrementalSyncMs: number;
  /** Seeding the platform (child process; not part of the sync). */
  readonly platformSeedMs: number;
  /** Case search on the synced store, where message text is searched too (p50 / p95). */
  readonly searchWithMessagesP50Ms: number;
  readonly searchWithMessagesP95Ms: number;
}

interface ChildReady {
  url: string;
  controlToken: string;
  accounts: Array<{ email: string; password: string; role: string }>;
  seedMs: number;
}

const CHILD_FLAG = '--platform-server-child';

async function runPlatformChild(): Promise<void> {
  const { startPlatformServer } = await import('../../electron/platform-server/server');
  const cases = Number(process.env.MESA_BENCH_SYNC_CASES ?? 10_000);
  const messages = Number(process.env.MESA_BENCH_SYNC_MESSAGES ?? 200_000);
  const start = performance.now();
  const server = await startPlatformServer({
    databasePath: join(process.env.MESA_BENCH_DIR ?? tmpdir(), 'platform.sqlite'),
    seed: { cases, messagesPerCase: Math.max(1, Math.round(messages / cases)) },
    control: true,
  });
  const ready: ChildReady = { url: server.url, controlToken: server.controlToken ?? '', accounts: server.accounts, seedMs: performance.now() - start };
  process.stdout.write(`${JSON.stringify(ready)}\n`);
  process.on('SIGTERM', () => void server.close().then(() => process.exit(0)));
}

function startPlatformChild(dir: string): Promise<{ ready: ChildReady; stop: () => void }> {
  const tsx = join(import.meta.dirname, '..', '..', 'node_modules', '.bin', 'tsx');
  const child = spawn(tsx, [import.meta.filename, CHILD_FLAG], { env: { ...process.env, MESA_BENCH_DIR: dir }, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    lines.once('line', (line) => resolve({ ready: JSON.parse(line) as ChildReady, stop: () => child.kill('SIGTERM') }));
    child.once('exit', (code) => reject(new Error(`platform child exited (${code})`)));
  });
}

export async function benchSync(): Promise<SyncBenchFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'mesa-sync-bench-'));
  const platform = await startPlatformChild(dir);
  try {
    const { ready } = platform;
    const admin = ready.accounts.find((a) => a.role === 'administrator');
    if (!admin) throw new Error('the platform has no administrator account');
    const core = await openCore({
      databasePath: join(dir, 'mesa.sqlite3'),
      host: 'web',
      appVersion: 'bench',
      platform: { url: ready.url, secretStore: createMemorySecretStore(), pollIntervalMs: 3_600_000 },
    });
    const call = async <T>(name: string, input: unknown = {}): Promise<T> => {
      const result = await dispatch(core.handlers, name, input);
      if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
      return result.value as T;
    };
    try {
      let peakRss = process.memoryUsage().rss;
      const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 25);
      const loop = monitorEventLoopDelay({ resolution: 10 });
      loop.enable();
      const start = performance.now();
      // The administrator sees every case of the center: the whole seeded platform.
      await call('signIn', { email: admin.email, password: admin.password });
      let status = await call<SyncStatus>('syncNow');
      while (status.state !== 'idle') status = await call<SyncStatus>('syncNow');
      const firstSyncMs = performance.now() - start;
      loop.disable();
      clearInterval(sampler);
      peakRss = Math.max(peakRss, process.memoryUsage().rss);

      const cases = (await call<{ caseCount: number }>('getAppInfo')).caseCount;
      const db = (await import('better-sqlite3')).default;
      const raw = new db(join(dir, 'mesa.sqlite3'), { readonly: true });
      const messages = (raw.prepare('SELECT count(*) AS n FROM messages').get() as { n: number }).n;
      const someCases = raw.prepare(`SELECT id FROM cases WHERE stage = 'mediation' LIMIT 100`).pluck().all() as string[];
      raw.close();

      // 100 changes on the platform (party messages), then one incremental sync.
      const incrementalChanges = 100;
      for (let i = 0; i < incrementalChanges; i += 1) {
        const caseId = someCases[i % someCases.length];
        const response = await fetch(`${ready.url}/__control/cases/${caseId}/party-messages`, {
          method: 'POST',
          headers: { 'x-control-token': ready.controlToken, 'content-type': 'application/json' },
          body: JSON.stringify({ role: 'consumer', channel: 'joint', body: `Cambio incremental ${i}` }),
        });
        if (!response.ok) throw new Error(`party message: ${response.status}`);
      }
      const incStart = performance.now();
      await call('syncNow');
      const incrementalSyncMs = performance.now() - incStart;

      // What a mediator types, now that 200 000 messages are searched with the cases.
      const terms = ['devolución', 'gracias', 'producto', 'reembolso', 'despacho', 'garantía', 'Cambio incremental', 'acuerdo', 'tienda', 'boleta'];
      const searchTimes = await timeEach(
        Array.from({ length: 100 }, (_, i) => terms[i % terms.length] ?? ''),
        (search) => call('listCases', { search, limit: 100 }),
      );

      return {
        cases,
        messages,
        firstSyncMs,
        casesPerSecond: cases / (firstSyncMs / 1000),
        messagesPerSecond: messages / (firstSyncMs / 1000),
        peakRssMb: peakRss / 1024 / 1024,
        maxEventLoopDelayMs: loop.max / 1e6,
        incrementalChanges,
        incrementalSyncMs,
        platformSeedMs: ready.seedMs,
        searchWithMessagesP50Ms: percentile(searchTimes, 50),
        searchWithMessagesP95Ms: percentile(searchTimes, 95),
      };
    } finally {
      await core.close();
    }
  } finally {
    platform.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv.includes(CHILD_FLAG)) {
  await runPlatformChild();
} else if (process.argv[1] === import.meta.filename) {
  console.log(await benchSync());
}
