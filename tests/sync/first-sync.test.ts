import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseListPage } from '../../shared/contract/cases';
import type { ChatMessage, SyncStatus } from '../../shared/contract/sync';
import { PLATFORM_TOKEN_KEY } from '../../electron/core/sync/secret-store';
import { control, makeTempDir, mediatorAccount, openSyncedCore, platformQuery, removeDir, signInAndSync, startServer, waitFor, type PlatformServer, type SyncedCore } from './support/platform';

let dir: string;
let server: PlatformServer;
beforeAll(async () => {
  dir = await makeTempDir();
  server = await startServer(dir, { cases: 120, messagesPerCase: 6 });
});
afterAll(async () => {
  await server.close();
  await removeDir(dir);
});

const allCases = async (synced: SyncedCore): Promise<CaseListPage['rows']> => (await synced.call<CaseListPage>('listCases', { limit: 500 })).rows;

describe('first and incremental sync against the reference platform', () => {
  it('brings every assigned case and message, nothing of other mediators, and keeps the token out of SQLite', async () => {
    const account = mediatorAccount(server, 0);
    const synced = await openSyncedCore(join(dir, 'first.sqlite'), server);
    try {
      const status = await signInAndSync(synced, account);
      expect(status).toMatchObject({ state: 'idle', accountEmail: account.email, error: null, pendingWrites: 0 });
      expect(synced.statuses.some((s) => s.state === 'syncing')).toBe(true);

      const expectedCases = platformQuery<{ id: string }>(dir, 'SELECT id FROM cases WHERE mediator_id = ? ORDER BY id', account.userId).map((r) => r.id);
      expect(expectedCases.length).toBeGreaterThan(0);
      const local = (await allCases(synced)).map((r) => r.id).sort();
      expect(local).toEqual(expectedCases);

      const expectedMessages = platformQuery<{ n: number }>(
        dir,
        'SELECT count(*) AS n FROM messages WHERE case_id IN (SELECT id FROM cases WHERE mediator_id = ?)',
        account.userId,
      )[0]?.n;
      let localMessages = 0;
      for (const caseId of expectedCases) {
        for (const channel of ['negotiation', 'joint', 'caucus_consumer', 'caucus_company'] as const) {
          const messages = await synced.call<ChatMessage[]>('listMessages', { caseId, channel });
          localMessages += messages.length;
          const order = messages.map((m) => `${m.sentAt}|${m.id}`);
          expect(order).toEqual([...order].sort());
          expect(messages.every((m) => m.delivery === 'sent' && m.caseId === caseId && m.channel === channel)).toBe(true);
        }
      }
      expect(localMessages).toBe(expectedMessages);

      // The token lives in the secret store only.
      const token = synced.secrets.values.get(PLATFORM_TOKEN_KEY);
      expect(token).toBeTruthy();
      const raw = readFileSync(join(dir, 'first.sqlite'));
      expect(raw.includes(Buffer.from(token ?? 'x'))).toBe(false);
    } finally {
      await synced.core.close();
    }
  });

  it('pulls what changed on the platform: a party message, a touched case; search finds message text', async () => {
    const account = mediatorAccount(server, 1);
    const synced = await openSyncedCore(join(dir, 'incremental.sqlite'), server);
    try {
      await signInAndSync(synced, account);
      const mediationCase = platformQuery<{ id: string }>(dir, `SELECT id FROM cases WHERE mediator_id = ? AND json_extract(bundle, '$.case.stage') = 'mediation' LIMIT 1`, account.userId)[0];
      if (!mediationCase) throw new Error('seed has no mediation case for this mediator');
      const caseId = mediationCase.id;
      const changed: string[] = [];
      synced.core.events.subscribe((name, payload) => {
        if (name === 'messagesChanged' && 'channel' in payload) changed.push(`${payload.caseId}:${payload.channel}`);
      });

      await control(server, 'POST', `/__control/cases/${caseId}/party-messages`, { role: 'consumer', channel: 'caucus_consumer', body: 'Adjunto la boleta escaneada, zapallo' });
      const before = await synced.call<{ version: number }>('getCase', { caseId });
      const touched = (await control(server, 'POST', `/__control/cases/${caseId}/touch`)) as { bundle: { case: { version: number } } };
      await synced.call<SyncStatus>('syncNow');

      const caucus = await synced.call<ChatMessage[]>('listMessages', { caseId, channel: 'caucus_consumer' });
      expect(caucus.at(-1)).toMatchObject({ body: 'Adjunto la boleta escaneada, zapallo', authorRole: 'consumer', delivery: 'sent' });
      expect(changed).toContain(`${caseId}:caucus_consumer`);
      const after = await synced.call<{ version: number }>('getCase', { caseId });
      expect(after.version).toBe(touched.bundle.case.version);
      expect(after.version).toBeGreaterThan(before.version);

      const found = await synced.call<CaseListPage>('listCases', { search: 'zapallo' });
      expect(found.rows.map((r) => r.id)).toEqual([caseId]);
    } finally {
      await synced.core.close();
    }
  });

  it('a new start with a stored token resumes from its cursor (no second download)', async () => {
    const account = mediatorAccount(server, 2);
    const path = join(dir, 'restart.sqlite');
    const first = await openSyncedCore(path, server);
    await signInAndSync(first, account);
    const count = (await allCases(first)).length;
    await first.core.close();

    const second = await openSyncedCore(path, server, { secrets: first.secrets });
    try {
      const progress: number[] = [];
      second.core.events.subscribe((name, payload) => {
        if (name === 'syncStatusChanged' && 'progress' in payload && payload.progress) progress.push(payload.progress.changes);
      });
      const status = await waitFor(async () => {
        const s = await second.call<SyncStatus>('getSyncStatus');
        return s.state === 'idle' && s.lastSyncedAt !== null ? s : null;
      }, 'the restarted engine to sync');
      expect(status.accountEmail).toBe(account.email);
      expect((await allCases(second)).length).toBe(count);
      expect(Math.max(0, ...progress)).toBe(0);
    } finally {
      await second.core.close();
    }
  });

  it('refuses bad credentials as a status error, and signs out keeping local data', async () => {
    const synced = await openSyncedCore(join(dir, 'signout.sqlite'), server);
    try {
      const refused = await synced.call<SyncStatus>('signIn', { email: mediatorAccount(server, 0).email, password: 'wrong' });
      expect(refused).toMatchObject({ state: 'signed_out', error: { code: 'unauthorized' } });
      await signInAndSync(synced, mediatorAccount(server, 0));
      const count = (await allCases(synced)).length;
      const out = await synced.call<SyncStatus>('signOut');
      expect(out).toMatchObject({ state: 'signed_out', accountEmail: null });
      expect(synced.secrets.values.has(PLATFORM_TOKEN_KEY)).toBe(false);
      expect((await allCases(synced)).length).toBe(count);
    } finally {
      await synced.core.close();
    }
  });
});
