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

const mediationCase = (userId: string, subState?: string): string => {
  const row = platformQuery<{ id: string }>(
    dir,
    `SELECT id FROM cases WHERE mediator_id = ? AND json_extract(bundle, '$.case.stage') = 'mediation' AND coalesce(json_extract(bundle, '$.case.subState') = ?, 1) ORDER BY id LIMIT 1`,
    userId,
    subState ?? null,
  )[0];
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
    // A message not yet sent is already searchable with its case.
    const found = await synced.call<{ rows: Array<{ id: string }> }>('listCases', { search: 'sesión vencida' });
    expect(found.rows.map((row) => row.id)).toContain(caseId);
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

  it('duplicated (overlapping) feed pages with two instances of one mediator: nothing skipped, nothing applied twice', async () => {
    const account = mediatorAccount(server, 3);
    const a = await openSyncedCore(join(dir, 'dup-a.sqlite'), server);
    const b = await openSyncedCore(join(dir, 'dup-b.sqlite'), server);
    open.push(a, b);
    const caseId = mediationCase(account.userId, 'in_progress');
    // A is at the end of the feed; B has not started. (The old fault answered the USER's
    // previous page — A's — to B: a cursor far ahead of B's, and B silently skipped the lot.)
    await signInAndSync(a, account);
    // Every feed answer from now on overlaps: up to 100 changes the caller has, then new ones.
    await setFaults(server, { duplicateFeedPages: { count: 1_000 } });
    await signInAndSync(b, account);
    // More than a page of new changes, from the parties, the platform and each instance.
    for (let i = 0; i < 260; i += 1) {
      await control(server, 'POST', `/__control/cases/${caseId}/party-messages`, { role: i % 2 === 0 ? 'consumer' : 'company', channel: 'joint', body: `Mensaje ${i}` });
    }
    const fromA = await a.call<ChatMessage>('sendMessage', { caseId, channel: 'joint', body: 'Desde la instancia A' });
    const local = await b.call<{ version: number }>('getCase', { caseId });
    await b.core.handlers.transitionCase({ caseId, transition: { type: 'start_agreement_drafting' }, expectedVersion: local.version });
    await waitFor(async () => (await b.call<SyncStatus>('getSyncStatus')).pendingWrites === 0, 'the stage proposal to be accepted');
    await control(server, 'POST', `/__control/cases/${caseId}/touch`);
    for (const synced of [a, b, a, b]) expect(await synced.call<SyncStatus>('syncNow')).toMatchObject({ state: 'idle', error: null, pendingWrites: 0 });
    const { remaining } = (await control(server, 'GET', '/__control/faults')) as { remaining: Record<string, number> };
    expect(remaining.duplicateFeedPages).toBeLessThan(1_000 - 6); // it did fire, page after page
    await setFaults(server, {});

    const platformMessages = platformQuery<{ id: string }>(dir, 'SELECT id FROM messages WHERE case_id IN (SELECT id FROM cases WHERE mediator_id = ?) ORDER BY id', account.userId).map((m) => m.id);
    const platformCases = platformQuery<{ id: string; version: number }>(dir, 'SELECT id, version FROM cases WHERE mediator_id = ? ORDER BY id', account.userId);
    const stageChanges = platformQuery<{ n: number }>(dir, `SELECT count(*) AS n FROM changes WHERE audience = ? AND type = 'case.stage_changed'`, account.userId)[0]?.n;
    expect(stageChanges).toBeGreaterThan(0);
    for (const [name, synced] of [['A', a], ['B', b]] as const) {
      const db = new BetterSqlite3(join(dir, `dup-${name.toLowerCase()}.sqlite`), { readonly: true });
      try {
        // Nothing skipped: exactly the platform's messages and case versions.
        const messages = db.prepare('SELECT platform_id FROM messages ORDER BY platform_id').pluck().all() as string[];
        expect(messages, name).toEqual(platformMessages);
        expect(db.prepare('SELECT id, version FROM cases ORDER BY id').all(), name).toEqual(platformCases);
        // Nothing applied twice: one audit entry per stage change the feed carried, one import per case.
        const applied = db.prepare(`SELECT count(*) FROM audit_log WHERE action = 'case.stage_changed' AND actor_id = 'platform'`).pluck().get();
        expect(applied, name).toBe(stageChanges);
        expect(db.prepare(`SELECT case_id FROM audit_log WHERE action = 'case.imported' GROUP BY case_id HAVING count(*) > 1`).all(), name).toEqual([]);
      } finally {
        db.close();
      }
      const joint = await synced.call<ChatMessage[]>('listMessages', { caseId, channel: 'joint' });
      expect(joint.filter((m) => m.clientId === fromA.clientId), name).toEqual([expect.objectContaining({ delivery: 'sent' })]);
      expect((await synced.call<{ subState: string }>('getCase', { caseId })).subState, name).toBe('agreement_drafting');
    }
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
