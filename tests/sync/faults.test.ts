import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ChatMessage, SyncStatus } from '../../shared/contract/sync';
import { parseRetryAfter } from '../../electron/core/sync/platform-error';
import { backoffDelay } from '../../electron/core/sync/backoff';
import {
  contentHash,
  control,
  makeTempDir,
  mediatorAccount,
  openSyncedCore,
  platformQuery,
  removeDir,
  setFaults,
  signInAndSync,
  startServer,
  waitFor,
  type PlatformServer,
  type SyncedCore,
} from './support/platform';

let dir: string;
let server: PlatformServer;
let n = 0;
const open: SyncedCore[] = [];
beforeAll(async () => {
  dir = await makeTempDir();
  server = await startServer(dir, { cases: 100, messagesPerCase: 4 });
});
afterEach(async () => {
  await control(server, 'DELETE', '/__control/faults');
  await Promise.all(open.splice(0).map((s) => s.core.close()));
});
afterAll(async () => {
  await server.close();
  await removeDir(dir);
});

/** A core signed in and fully synced as mediator `index`, plus a raw read-only view of its file. */
async function syncedCore(index = 0, options: Parameters<typeof openSyncedCore>[2] = {}) {
  n += 1;
  const path = join(dir, `faults-${n}.sqlite`);
  const synced = await openSyncedCore(path, server, options);
  open.push(synced);
  await signInAndSync(synced, mediatorAccount(server, index));
  const hash = () => {
    const db = new BetterSqlite3(path, { readonly: true });
    try {
      return contentHash(db);
    } finally {
      db.close();
    }
  };
  return { synced, path, hash };
}

const mediationCase = (userId: string): string => {
  const row = platformQuery<{ id: string }>(dir, `SELECT id FROM cases WHERE mediator_id = ? AND json_extract(bundle, '$.case.stage') = 'mediation' ORDER BY id LIMIT 1`, userId)[0];
  if (!row) throw new Error('no mediation case');
  return row.id;
};

const statusOf = (synced: SyncedCore) => synced.call<SyncStatus>('getSyncStatus');

describe('fault switches of the reference platform', () => {
  it('added latency: slower, still correct', async () => {
    const { synced } = await syncedCore(0);
    const caseId = mediationCase(mediatorAccount(server, 0).userId);
    await control(server, 'POST', `/__control/cases/${caseId}/party-messages`, { role: 'company', channel: 'joint', body: 'Respuesta lenta' });
    await setFaults(server, { latencyMs: 150 });
    const status = await synced.call<SyncStatus>('syncNow');
    expect(status).toMatchObject({ state: 'idle', error: null });
    expect((await synced.call<ChatMessage[]>('listMessages', { caseId, channel: 'joint' })).at(-1)?.body).toBe('Respuesta lenta');
  });

  it('a request slower than the time limit is a timeout (state offline), retried on its own', async () => {
    const { synced } = await syncedCore(0, { requestTimeoutMs: 100 });
    await setFaults(server, { latencyMs: 400 });
    const status = await synced.call<SyncStatus>('syncNow');
    expect(status).toMatchObject({ state: 'offline', error: { code: 'timeout' } });
    await setFaults(server, {});
    await waitFor(async () => (await statusOf(synced)).state === 'idle', 'recovery after the timeout');
  });

  it('dropped connections: offline, then the engine retries and the message goes once (answer lost after the write)', async () => {
    const { synced } = await syncedCore(0);
    const caseId = mediationCase(mediatorAccount(server, 0).userId);
    // The platform stores the message, then the socket dies before the answer: the retry with
    // the same client id must not create a second one.
    await setFaults(server, { dropConnections: { count: 2, phase: 'after', routes: ['postMessage'] } });
    const message = await synced.call<ChatMessage>('sendMessage', { caseId, channel: 'joint', body: 'Mensaje con conexión inestable' });
    await waitFor(async () => (await synced.call<ChatMessage[]>('listMessages', { caseId, channel: 'joint' })).find((m) => m.id === message.id && m.delivery === 'sent'), 'delivery');
    expect(synced.statuses.some((s) => s.state === 'offline' && s.error?.code === 'offline')).toBe(true);
    expect(platformQuery<{ n: number }>(dir, 'SELECT count(*) AS n FROM messages WHERE client_id = ?', message.clientId)[0]?.n).toBe(1);
    const joint = await synced.call<ChatMessage[]>('listMessages', { caseId, channel: 'joint' });
    expect(joint.filter((m) => m.clientId === message.clientId)).toHaveLength(1);
  });

  it('500s: state error server_error with a retry time, then recovers by itself', async () => {
    const { synced } = await syncedCore(1);
    await setFaults(server, { serverError: { count: 2, routes: ['feed'] } });
    const status = await synced.call<SyncStatus>('syncNow');
    expect(status).toMatchObject({ state: 'error', error: { code: 'server_error' } });
    expect(Date.parse(status.error?.retryAt ?? '')).toBeGreaterThan(Date.now() - 1000);
    await waitFor(async () => (await statusOf(synced)).state === 'idle', 'recovery after 500s');
  });

  it('429 with Retry-After: the engine waits at least that long (recorded retryAt) before trying again', async () => {
    const { synced } = await syncedCore(1);
    await setFaults(server, { rateLimit: { count: 1, routes: ['feed'], retryAfterSeconds: 2 } });
    const before = Date.now();
    const status = await synced.call<SyncStatus>('syncNow');
    expect(status).toMatchObject({ state: 'error', error: { code: 'rate_limited' } });
    const retryAt = Date.parse(status.error?.retryAt ?? '');
    expect(retryAt - before).toBeGreaterThanOrEqual(1_900);
    // syncNow before retryAt does not call the platform (the switch would be spent otherwise).
    expect((await synced.call<SyncStatus>('syncNow')).error?.code).toBe('rate_limited');
    const recovered = await waitFor(async () => {
      const s = await statusOf(synced);
      return s.state === 'idle' ? s : null;
    }, 'the retry after Retry-After');
    expect(Date.parse(recovered.lastSyncedAt ?? '')).toBeGreaterThanOrEqual(retryAt - 5);
  });

  it('expired token: state error unauthorized, the outbox is kept, signing in again sends it', async () => {
    const account = mediatorAccount(server, 2);
    const { synced } = await syncedCore(2);
    const caseId = mediationCase(account.userId);
    await setFaults(server, { expireTokens: true });
    const message = await synced.call<ChatMessage>('sendMessage', { caseId, channel: 'joint', body: 'Escrito con la sesión vencida' });
    const status = await waitFor(async () => {
      const s = await statusOf(synced);
      return s.error?.code === 'unauthorized' ? s : null;
    }, 'the unauthorized state');
    expect(status).toMatchObject({ state: 'error', pendingWrites: 1, error: { retryAt: null } });
    expect((await synced.call<ChatMessage[]>('listMessages', { caseId, channel: 'joint' })).find((m) => m.id === message.id)?.delivery).toBe('pending');
    await synced.call('signIn', { email: account.email, password: account.password });
    await waitFor(async () => (await synced.call<ChatMessage[]>('listMessages', { caseId, channel: 'joint' })).find((m) => m.id === message.id && m.delivery === 'sent'), 'delivery after signing in again');
  });

  for (const fault of ['malformedJson', 'schemaInvalid'] as const) {
    it(`${fault} feed page: refused without any partial write (cursor and data unchanged)`, async () => {
      const { synced, hash } = await syncedCore(0);
      const caseId = mediationCase(mediatorAccount(server, 0).userId);
      await control(server, 'POST', `/__control/cases/${caseId}/party-messages`, { role: 'consumer', channel: 'joint', body: 'No debe aplicarse todavía' });
      await control(server, 'POST', `/__control/cases/${caseId}/touch`);
      const before = hash();
      await setFaults(server, { [fault]: { count: 1, routes: ['feed'] } });
      const status = await synced.call<SyncStatus>('syncNow');
      expect(status).toMatchObject({ state: 'error', error: { code: 'invalid_response' } });
      expect(hash()).toBe(before);
      await waitFor(async () => (await statusOf(synced)).state === 'idle', 'recovery');
      expect(hash()).not.toBe(before);
      expect((await synced.call<ChatMessage[]>('listMessages', { caseId, channel: 'joint' })).at(-1)?.body).toBe('No debe aplicarse todavía');
    });
  }

  it('duplicated feed pages: nothing is applied twice', async () => {
    const localPath = join(dir, 'dup.sqlite');
    const synced = await openSyncedCore(localPath, server);
    open.push(synced);
    await setFaults(server, { duplicateFeedPages: { count: 5 } });
    // A mediator no other test here uses: the server repeats the USER's previous page.
    await signInAndSync(synced, mediatorAccount(server, 3));
    await waitFor(async () => (await statusOf(synced)).state === 'idle', 'idle');
    const db = new BetterSqlite3(localPath, { readonly: true });
    try {
      const userId = mediatorAccount(server, 3).userId;
      const expected = platformQuery<{ n: number }>(dir, 'SELECT count(*) AS n FROM messages WHERE case_id IN (SELECT id FROM cases WHERE mediator_id = ?)', userId)[0]?.n;
      expect((db.prepare('SELECT count(*) AS n FROM messages').get() as { n: number }).n).toBe(expected);
      expect(db.prepare('SELECT platform_id FROM messages GROUP BY platform_id HAVING count(*) > 1').all()).toEqual([]);
      const imported = db.prepare(`SELECT case_id FROM audit_log WHERE action = 'case.imported' GROUP BY case_id HAVING count(*) > 1`).all();
      expect(imported).toEqual([]);
    } finally {
      db.close();
    }
    const faults = (await control(server, 'GET', '/__control/faults')) as { remaining: Record<string, number> };
    expect(faults.remaining.duplicateFeedPages).toBeLessThan(5); // the switch did fire
  });
});

describe('retry timing helpers', () => {
  it('parses Retry-After as seconds or an HTTP-date', () => {
    const now = Date.parse('2026-04-04T15:00:00.000Z');
    expect(parseRetryAfter('120', now)).toBe(now + 120_000);
    expect(parseRetryAfter('Sat, 04 Apr 2026 15:00:30 GMT', now)).toBe(now + 30_000);
    expect(parseRetryAfter('garbage', now)).toBeNull();
    expect(parseRetryAfter(null, now)).toBeNull();
  });

  it('backs off exponentially with jitter, capped', () => {
    const policy = { baseMs: 1_000, maxMs: 30_000 };
    expect(backoffDelay(1, policy, () => 0)).toBe(500);
    expect(backoffDelay(3, policy, () => 0.999)).toBeLessThanOrEqual(4_000);
    expect(backoffDelay(3, policy, () => 0)).toBe(2_000);
    expect(backoffDelay(50, policy, () => 0.999)).toBeLessThanOrEqual(30_000);
  });
});
