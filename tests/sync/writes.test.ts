import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseDetail, CaseDetailView, CaseListPage } from '../../shared/contract/cases';
import type { ChatMessage, SyncConflict, SyncStatus } from '../../shared/contract/sync';
import { control, makeTempDir, mediatorAccount, openSyncedCore, platformQuery, removeDir, signInAndSync, startServer, waitFor, type PlatformServer, type SyncedCore } from './support/platform';

let dir: string;
let server: PlatformServer;
beforeAll(async () => {
  dir = await makeTempDir();
  server = await startServer(dir, { cases: 120, messagesPerCase: 4 });
});
afterAll(async () => {
  await server.close();
  await removeDir(dir);
});

const caseIn = (userId: string, stage: string, subState?: string): string => {
  const row = platformQuery<{ id: string }>(
    dir,
    `SELECT id FROM cases WHERE mediator_id = ? AND json_extract(bundle, '$.case.stage') = ? ${subState ? `AND json_extract(bundle, '$.case.subState') = '${subState}'` : ''} ORDER BY id LIMIT 1`,
    userId,
    stage,
  )[0];
  if (!row) throw new Error(`no ${stage} case for ${userId}`);
  return row.id;
};

const serverCountByClientId = (clientId: string): number =>
  platformQuery<{ n: number }>(dir, 'SELECT count(*) AS n FROM messages WHERE client_id = ?', clientId)[0]?.n ?? -1;

const sent = (synced: SyncedCore, caseId: string, channel: string, id: string) =>
  waitFor(async () => (await synced.call<ChatMessage[]>('listMessages', { caseId, channel })).find((m) => m.id === id && m.delivery === 'sent'), `message ${id} sent`);

describe('local-first writes', () => {
  it('two instances of the same mediator converge after each sends messages', async () => {
    const account = mediatorAccount(server, 0);
    const caseId = caseIn(account.userId, 'mediation');
    const a = await openSyncedCore(join(dir, 'two-a.sqlite'), server);
    const b = await openSyncedCore(join(dir, 'two-b.sqlite'), server);
    try {
      await signInAndSync(a, account);
      await signInAndSync(b, account);
      const fromA = await a.call<ChatMessage>('sendMessage', { caseId, channel: 'joint', body: 'Hola desde el portátil' });
      const fromB = await b.call<ChatMessage>('sendMessage', { caseId, channel: 'joint', body: 'Hola desde el escritorio' });
      expect(fromA.delivery).toBe('pending'); // answered before any network
      await sent(a, caseId, 'joint', fromA.id);
      await sent(b, caseId, 'joint', fromB.id);
      await a.call('syncNow');
      await b.call('syncNow');
      const view = async (s: SyncedCore) => (await s.call<ChatMessage[]>('listMessages', { caseId, channel: 'joint' })).map((m) => [m.clientId, m.body, m.sentAt, m.delivery]);
      expect(await view(a)).toEqual(await view(b));
      const bodies = (await view(a)).map((m) => m[1]);
      expect(bodies.filter((body) => body === 'Hola desde el portátil')).toHaveLength(1);
      expect(bodies.filter((body) => body === 'Hola desde el escritorio')).toHaveLength(1);
      expect(serverCountByClientId(fromA.clientId ?? '')).toBe(1);
    } finally {
      await a.core.close();
      await b.core.close();
    }
  });

  it('offline: a message stays pending while the platform is down and is sent exactly once when it is back', async () => {
    const localDir = await makeTempDir();
    const own = await startServer(localDir, { cases: 40, messagesPerCase: 2 });
    const port = own.port;
    const account = mediatorAccount(own, 0);
    const row = platformQuery<{ id: string }>(localDir, `SELECT id FROM cases WHERE mediator_id = ? AND json_extract(bundle, '$.case.stage') = 'mediation' LIMIT 1`, account.userId)[0];
    const synced = await openSyncedCore(join(localDir, 'offline.sqlite'), own, { backoff: { baseMs: 50, maxMs: 200 } });
    let restarted: PlatformServer | null = null;
    try {
      if (!row) throw new Error('no mediation case');
      await signInAndSync(synced, account);
      await own.close();

      const message = await synced.call<ChatMessage>('sendMessage', { caseId: row.id, channel: 'caucus_company', body: 'Escrito sin conexión' });
      expect(message.delivery).toBe('pending');
      const offline = await waitFor(async () => {
        const s = await synced.call<SyncStatus>('getSyncStatus');
        return s.state === 'offline' ? s : null;
      }, 'the offline state');
      expect(offline).toMatchObject({ error: { code: 'offline' }, pendingWrites: 1 });
      expect(offline.error?.retryAt).not.toBeNull();

      restarted = await startServer(localDir, { cases: 40 }, port); // same database, same port
      await sent(synced, row.id, 'caucus_company', message.id); // the engine retries on its own
      expect(serverCountByClientIdIn(localDir, message.clientId ?? '')).toBe(1);
      const status = await waitFor(async () => {
        const s = await synced.call<SyncStatus>('getSyncStatus');
        return s.state === 'idle' ? s : null;
      }, 'idle again');
      expect(status.pendingWrites).toBe(0);
    } finally {
      await synced.core.close();
      await restarted?.close();
      await removeDir(localDir);
    }
  });

  it('a message the platform refuses is marked failed; retry sends it with the same client id', async () => {
    const account = mediatorAccount(server, 1);
    const notMediation = caseIn(account.userId, 'negotiation');
    const synced = await openSyncedCore(join(dir, 'refused.sqlite'), server);
    try {
      await signInAndSync(synced, account);
      const message = await synced.call<ChatMessage>('sendMessage', { caseId: notMediation, channel: 'joint', body: 'No debería aceptarse' });
      const failed = await waitFor(
        async () => (await synced.call<ChatMessage[]>('listMessages', { caseId: notMediation, channel: 'joint' })).find((m) => m.id === message.id && m.delivery === 'failed'),
        'the refusal',
      );
      expect(failed.failure).toBe('rejected'); // a 403 (not in mediation), not a version conflict
      const retried = await synced.call<ChatMessage>('retryMessage', { messageId: message.id });
      expect(retried).toMatchObject({ delivery: 'pending', clientId: message.clientId });
      await waitFor(async () => (await synced.call<ChatMessage[]>('listMessages', { caseId: notMediation, channel: 'joint' })).find((m) => m.id === message.id && m.delivery === 'failed'), 'the second refusal');
      expect(serverCountByClientId(message.clientId ?? '')).toBe(0);
    } finally {
      await synced.core.close();
    }
  });

  it('a stale stage proposal becomes a conflict: the platform state is applied, notes untouched, the mediator decides', async () => {
    const account = mediatorAccount(server, 2);
    const caseId = caseIn(account.userId, 'mediation', 'in_progress');
    const synced = await openSyncedCore(join(dir, 'conflict.sqlite'), server);
    try {
      await signInAndSync(synced, account);
      const note = await synced.call<{ id: string; body: string }>('addNote', { caseId, body: 'Nota privada: la empresa parece dispuesta' });
      const local = await synced.call<CaseDetail>('getCase', { caseId });
      // The platform moves on (another version) before our proposal arrives.
      const touched = (await control(server, 'POST', `/__control/cases/${caseId}/touch`)) as { bundle: { case: { version: number; stage: string } } };
      await synced.core.handlers.transitionCase({ caseId, transition: { type: 'start_agreement_drafting' }, expectedVersion: local.version });

      const conflicts = await waitFor(async () => {
        const list = await synced.call<SyncConflict[]>('listConflicts', { caseId });
        return list.length > 0 ? list : null;
      }, 'the conflict');
      expect(conflicts[0]).toMatchObject({ caseId, kind: 'stage_proposal', mine: { type: 'start_agreement_drafting' }, theirs: { version: touched.bundle.case.version, stage: 'mediation', subState: 'in_progress' } });
      const after = await synced.call<CaseDetail>('getCase', { caseId });
      expect(after).toMatchObject({ version: touched.bundle.case.version, stage: 'mediation', subState: 'in_progress' });
      expect(await synced.call('listNotes', { caseId })).toEqual([expect.objectContaining({ id: note.id, body: note.body })]);
      expect((await synced.call<SyncStatus>('getSyncStatus')).openConflicts).toBe(1);

      // Propose again against the platform's version: accepted this time.
      const conflictId = conflicts[0]?.id;
      await synced.call('resolveConflict', { conflictId, resolution: 'propose_again' });
      await waitFor(async () => {
        const s = await synced.call<SyncStatus>('getSyncStatus');
        return s.pendingWrites === 0 && s.openConflicts === 0 ? s : null;
      }, 'the new proposal to be accepted');
      const platformStage = platformQuery<{ sub: string }>(dir, `SELECT json_extract(bundle, '$.case.subState') AS sub FROM cases WHERE id = ?`, caseId)[0]?.sub;
      expect(platformStage).toBe('agreement_drafting');
      expect((await synced.call<CaseDetail>('getCase', { caseId })).subState).toBe('agreement_drafting');
      expect(await synced.call('listConflicts', { caseId })).toEqual([]);
    } finally {
      await synced.core.close();
    }
  });

  it('assignment: getCase shows a pending designation; accept and decline go through the outbox and stay pending until the platform confirms', async () => {
    // The seed's mediation designations in pending_acceptance are 'pending': take a mediator with two.
    const userId = platformQuery<{ mediator_id: string }>(dir, `SELECT mediator_id FROM cases WHERE assignment = 'pending' GROUP BY mediator_id HAVING count(*) >= 2 ORDER BY mediator_id LIMIT 1`)[0]?.mediator_id;
    const account = server.accounts.find((a) => a.userId === userId);
    if (!account) throw new Error('no mediator with two pending designations in the seed');
    const [toAccept = '', toDecline = ''] = platformQuery<{ id: string }>(dir, `SELECT id FROM cases WHERE mediator_id = ? AND assignment = 'pending' ORDER BY id LIMIT 2`, account.userId).map((r) => r.id);
    const synced = await openSyncedCore(join(dir, 'assignment.sqlite'), server);
    const assignmentOf = async (caseId: string) => (await synced.call<CaseDetailView>('getCase', { caseId })).assignment;
    const listed = async (caseId: string) => (await synced.call<CaseListPage>('listCases', { limit: 500 })).rows.some((row) => row.id === caseId);
    try {
      await signInAndSync(synced, account);
      expect(await assignmentOf(toAccept)).toEqual({ status: 'pending', pendingDecision: null });
      const accepted = platformQuery<{ id: string }>(dir, `SELECT id FROM cases WHERE mediator_id = ? AND assignment = 'accepted' LIMIT 1`, account.userId)[0]?.id ?? '';
      expect(await assignmentOf(accepted)).toEqual({ status: 'accepted', pendingDecision: null });

      // Offline: the decision waits in the outbox and the case says so.
      await control(server, 'PUT', '/__control/faults', { dropConnections: { rate: 1 } });
      const answer = await synced.call<CaseDetailView>('decideAssignment', { caseId: toAccept, decision: 'accept' });
      expect(answer.assignment).toEqual({ status: 'pending', pendingDecision: 'accept' });
      await synced.call<CaseDetailView>('decideAssignment', { caseId: toAccept, decision: 'accept' }); // a double click: nothing more
      await expect(synced.call('decideAssignment', { caseId: toAccept, decision: 'decline' })).rejects.toThrow(/conflict/);
      expect((await synced.call<SyncStatus>('getSyncStatus')).pendingWrites).toBe(1);
      await control(server, 'DELETE', '/__control/faults');
      await synced.call('syncNow');
      expect(await assignmentOf(toAccept)).toEqual({ status: 'accepted', pendingDecision: null });
      expect(platformQuery<{ assignment: string }>(dir, 'SELECT assignment FROM cases WHERE id = ?', toAccept)[0]?.assignment).toBe('accepted');
      await expect(synced.call('decideAssignment', { caseId: toAccept, decision: 'decline' })).rejects.toThrow(/conflict/);

      // Decline with a reason: read-only at once, out of the list once the platform reassigned it.
      expect(await listed(toDecline)).toBe(true);
      await control(server, 'PUT', '/__control/faults', { dropConnections: { rate: 1 } });
      await synced.call('decideAssignment', { caseId: toDecline, decision: 'decline', reason: 'Conflicto de interés con la empresa' });
      expect(await assignmentOf(toDecline)).toEqual({ status: 'pending', pendingDecision: 'decline' });
      await expect(synced.call('sendMessage', { caseId: toDecline, channel: 'joint', body: 'No debería poder' })).rejects.toThrow(/forbidden/);
      await control(server, 'DELETE', '/__control/faults');
      await synced.call('syncNow');
      expect(await assignmentOf(toDecline)).toEqual({ status: 'unassigned', pendingDecision: null });
      expect(await listed(toDecline)).toBe(false);
      expect(await synced.call<CaseDetailView>('getCase', { caseId: toDecline })).toMatchObject({ id: toDecline }); // still on disk, read-only
      expect(platformQuery<{ mediator_id: string }>(dir, 'SELECT mediator_id FROM cases WHERE id = ?', toDecline)[0]?.mediator_id).not.toBe(account.userId);
    } finally {
      await control(server, 'DELETE', '/__control/faults');
      await synced.core.close();
    }
  });
});

function serverCountByClientIdIn(platformDir: string, clientId: string): number {
  return platformQuery<{ n: number }>(platformDir, 'SELECT count(*) AS n FROM messages WHERE client_id = ?', clientId)[0]?.n ?? -1;
}
