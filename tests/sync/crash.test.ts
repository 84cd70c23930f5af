import { spawn } from 'node:child_process';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openCore } from '../../electron/core/core';
import { PLATFORM_TOKEN_KEY } from '../../electron/core/sync/secret-store';
import { prng } from '../core/support/fixtures';
import { control, makeTempDir, mediatorAccount, openSyncedCore, platformQuery, removeDir, signInAndSync, startServer, type PlatformServer } from './support/platform';

let dir: string;
let server: PlatformServer;
beforeAll(async () => {
  dir = await makeTempDir();
  server = await startServer(dir, { cases: 1_500, messagesPerCase: 12 });
});
afterAll(async () => {
  await server.close();
  await removeDir(dir);
});

const CHILD = join(import.meta.dirname, 'support', 'sync-child.ts');

/** Runs the child; kills it with SIGKILL `killAfterMs` after it reported "started" (never when null). */
function runChild(env: Record<string, string>, killAfterMs: number | null): Promise<{ finished: boolean }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (killAfterMs !== null && out.includes('started')) setTimeout(() => child.kill('SIGKILL'), killAfterMs).unref();
    });
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') return resolve({ finished: out.includes('done') });
      if (code !== 0) return reject(new Error(`child exited ${code}: ${err}`));
      resolve({ finished: out.includes('done') });
    });
  });
}

/** What a store holds of the platform's data, independent of local ids and local times. */
function platformView(path: string): string {
  const db = new BetterSqlite3(path, { readonly: true });
  try {
    const q = (sql: string) => JSON.stringify(db.prepare(sql).all());
    return [
      q('SELECT id, folio, stage, sub_state, version, updated_at, next_deadline_at FROM cases ORDER BY id'),
      q('SELECT * FROM parties ORDER BY id'),
      q('SELECT * FROM deadlines ORDER BY id'),
      q('SELECT platform_id, client_id, case_id, channel, author_role, body, sent_at, delivery FROM messages ORDER BY platform_id'),
      q('SELECT case_id, status FROM case_assignments ORDER BY case_id'),
      q('SELECT * FROM platform_documents ORDER BY id'),
      q('SELECT * FROM sessions ORDER BY id'),
      q('SELECT * FROM agreements ORDER BY id'),
      q('SELECT count(*) FROM outbox'),
    ].join('\n');
  } finally {
    db.close();
  }
}

it('a sync process killed with SIGKILL at random points resumes exactly: sound file, same data as a clean sync, no duplicate on the server', async () => {
  const account = mediatorAccount(server, 0);
  const path = join(dir, 'crashy.sqlite');
  const first = await openSyncedCore(path, server);
  await first.call('signIn', { email: account.email, password: account.password });
  const token = first.secrets.values.get(PLATFORM_TOKEN_KEY) ?? '';
  await first.core.close(); // mid-sync, most likely: close waits for the page in flight
  const caseRow = platformQuery<{ id: string }>(dir, `SELECT id FROM cases WHERE mediator_id = ? AND json_extract(bundle, '$.case.stage') = 'mediation' LIMIT 1`, account.userId)[0];
  if (!caseRow) throw new Error('no mediation case');
  const env = { MESA_DB: path, MESA_PLATFORM_URL: server.url, MESA_TOKEN: token, MESA_CASE: caseRow.id, MESA_SEND: '3' };

  const random = prng(20_260_404);
  let kills = 0;
  const cases = platformQuery<{ id: string }>(dir, `SELECT id FROM cases WHERE mediator_id = ? AND json_extract(bundle, '$.case.stage') = 'mediation' LIMIT 40`, account.userId).map((r) => r.id);
  for (let round = 0; round < 6; round += 1) {
    // Work for every round: parties write on the platform while the app is down.
    for (let batch = 0; batch < 10; batch += 1) {
      await Promise.all(
        cases.slice(0, 30).map((caseId, i) => control(server, 'POST', `/__control/cases/${caseId}/party-messages`, { role: i % 2 ? 'consumer' : 'company', channel: 'joint', body: `Ronda ${round}.${batch}` })),
      );
    }
    const { finished } = await runChild(env, Math.floor(random() * 150));
    if (!finished) kills += 1;
  }
  expect(kills).toBeGreaterThanOrEqual(3);
  const last = await runChild({ ...env, MESA_SEND: '0' }, null);
  expect(last.finished).toBe(true);

  const db = new BetterSqlite3(path, { readonly: true });
  let own: Array<{ client_id: string; delivery: string }>;
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    own = db.prepare(`SELECT client_id, delivery FROM messages WHERE author_role = 'mediator' AND body LIKE 'Mensaje %'`).all() as Array<{ client_id: string; delivery: string }>;
  } finally {
    db.close();
  }
  expect(own.length).toBeGreaterThan(0);
  expect(own.every((m) => m.delivery === 'sent')).toBe(true);
  const duplicates = platformQuery(dir, 'SELECT client_id, count(*) AS n FROM messages WHERE client_id IS NOT NULL GROUP BY client_id HAVING n > 1');
  expect(duplicates).toEqual([]);
  // Every message queued locally reached the platform exactly once, and nothing else did.
  const onServer = platformQuery<{ client_id: string }>(dir, `SELECT client_id FROM messages WHERE body LIKE 'Mensaje %' ORDER BY client_id`).map((r) => r.client_id);
  expect(onServer).toEqual(own.map((m) => m.client_id).sort());

  const clean = await openSyncedCore(join(dir, 'clean.sqlite'), server);
  try {
    await signInAndSync(clean, account);
  } finally {
    await clean.core.close();
  }
  // Both stores once more through openCore, whose start-up sweep settles elapsed rating
  // windows (a local derivation from the clock), so they are compared in the same state.
  for (const file of [path, join(dir, 'clean.sqlite')]) await (await openCore({ databasePath: file, host: 'web', appVersion: 'test' })).close();
  expect(platformView(path).split('\n')).toEqual(platformView(join(dir, 'clean.sqlite')).split('\n'));
}, 180_000);
