import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseBundle } from '../../shared/domain/case';
import type { FeedPage } from '../../shared/platform/feed';
import type { PlatformMessage } from '../../shared/platform/messages';
import { MAX_BODY_BYTES } from '../../electron/platform-server/http';
import { call, casesInDb, control, errorCode, mediationCase, newClientId, request, signIn, startHarness, type Harness } from './support';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ cases: 200, messagesPerCase: 4 });
});
afterAll(() => h.close());

const messagesWithClientId = (clientId: string): number =>
  (h.db.prepare('SELECT count(*) AS n FROM messages WHERE client_id = ?').get(clientId) as { n: number }).n;

/** Every change the user gets from now on (drains the feed first, returns a reader). */
async function feedReader(token: string): Promise<() => Promise<FeedPage['changes']>> {
  let cursor: string | undefined;
  const read = async (): Promise<FeedPage['changes']> => {
    const all: FeedPage['changes'] = [];
    for (;;) {
      const page = (await call(h.server, 'feed', { token, query: cursor ? { cursor, limit: '1000' } : { limit: '1000' } })).json as FeedPage;
      all.push(...page.changes);
      cursor = page.cursor;
      if (!page.hasMore) return all;
    }
  };
  await read();
  return read;
}

describe('postMessage', () => {
  it('is idempotent by clientId: 201 then 200 with the same message, one row, one feed change', async () => {
    const target = mediationCase(h.db);
    const token = await signIn(h.server, target.mediator_id);
    const read = await feedReader(token);
    const body = { clientId: newClientId(), channel: 'joint', body: 'Buenos días, les escribo para coordinar la sesión conjunta.' };
    const first = await call(h.server, 'postMessage', { token, caseId: target.id, body });
    const again = await call(h.server, 'postMessage', { token, caseId: target.id, body });
    expect(first.status).toBe(201);
    expect(again.status).toBe(200);
    expect(again.json).toEqual(first.json);
    const message = (first.json as { message: PlatformMessage }).message;
    expect(message).toMatchObject({ clientId: body.clientId, caseId: target.id, channel: 'joint', authorRole: 'mediator', authorId: target.mediator_id });
    expect(messagesWithClientId(body.clientId)).toBe(1);
    const changes = await read();
    expect(changes.filter((c) => c.type === 'message.created' && c.message.id === message.id)).toHaveLength(1);
  });

  it('refuses a reused clientId with a different body (422), and leaves the first message alone', async () => {
    const target = mediationCase(h.db);
    const token = await signIn(h.server, target.mediator_id);
    const clientId = newClientId();
    expect((await call(h.server, 'postMessage', { token, caseId: target.id, body: { clientId, channel: 'joint', body: 'Primero' } })).status).toBe(201);
    const reused = await call(h.server, 'postMessage', { token, caseId: target.id, body: { clientId, channel: 'joint', body: 'Otro texto' } });
    expect(reused.status).toBe(422);
    expect(messagesWithClientId(clientId)).toBe(1);
  });

  it('answers 403 outside mediation, on another mediator’s case and for the administrator; 404 for no case', async () => {
    const cases = casesInDb(h.db);
    const target = mediationCase(h.db);
    const other = h.server.accounts.find((a) => a.role === 'mediator' && a.userId !== target.mediator_id);
    const notMediation = cases.find((c) => c.stage === 'negotiation' && c.mediator_id === target.mediator_id);
    if (!other || !notMediation) throw new Error('seed lacks the cases this test needs');
    const body = () => ({ clientId: newClientId(), channel: 'caucus_consumer', body: 'Hola' });
    const own = await signIn(h.server, target.mediator_id);
    const answers = [
      await call(h.server, 'postMessage', { token: own, caseId: notMediation.id, body: body() }),
      await call(h.server, 'postMessage', { token: await signIn(h.server, other.userId), caseId: target.id, body: body() }),
      await call(h.server, 'postMessage', { token: await signIn(h.server, 'adm-patricia-navarro'), caseId: target.id, body: body() }),
    ];
    for (const answer of answers) expect([answer.status, errorCode(answer)]).toEqual([403, 'forbidden']);
    const missing = await call(h.server, 'postMessage', { token: own, caseId: 'case-999999', body: body() });
    expect([missing.status, errorCode(missing)]).toEqual([404, 'not_found']);
  });

  it('validates bodies: 400 for schema violations and malformed JSON, 415 without JSON, 413 past the limit', async () => {
    const target = mediationCase(h.db);
    const token = await signIn(h.server, target.mediator_id);
    const invalid = [
      { clientId: 'not-a-uuid', channel: 'joint', body: 'Hola' },
      { clientId: newClientId().replace(/^(.{14})7/, '$14'), channel: 'joint', body: 'v4 is not v7' },
      { clientId: newClientId(), channel: 'negotiation', body: 'read-only channel' },
      { clientId: newClientId(), channel: 'joint', body: '   ' },
      { clientId: newClientId(), channel: 'joint', body: 'x'.repeat(10_001) },
      { clientId: newClientId(), channel: 'joint' },
      [],
    ];
    for (const body of invalid) {
      const answer = await call(h.server, 'postMessage', { token, caseId: target.id, body });
      expect([answer.status, errorCode(answer)], JSON.stringify(body).slice(0, 80)).toEqual([400, 'invalid_request']);
    }
    const malformed = await call(h.server, 'postMessage', { token, caseId: target.id, body: '{"clientId":' });
    expect(malformed.status).toBe(400);
    const plain = await call(h.server, 'postMessage', { token, caseId: target.id, body: 'hola', headers: { 'Content-Type': 'text/plain' } });
    expect(plain.status).toBe(415);
    const huge = await call(h.server, 'postMessage', { token, caseId: target.id, body: { clientId: newClientId(), channel: 'joint', body: 'x'.repeat(MAX_BODY_BYTES) } });
    expect([huge.status, errorCode(huge)]).toEqual([413, 'invalid_request']);
    const badId = await call(h.server, 'postMessage', { token, caseId: 'case.000001', body: invalid[0] });
    expect(badId.status).toBe(400);
  });

  it('answers 404 for unknown paths and 405 for a wrong method', async () => {
    expect((await request(h.server, 'GET', '/v1/nothing')).status).toBe(404);
    const wrong = await request(h.server, 'DELETE', '/v1/feed');
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toBe('GET');
  });
});

describe('proposeStageChange', () => {
  it('applies the stage machine, adds the deadline, bumps the version and feeds case.stage_changed', async () => {
    const target = mediationCase(h.db, 'pending_acceptance');
    const token = await signIn(h.server, target.mediator_id);
    const read = await feedReader(token);
    const body = { clientId: newClientId(), transition: { type: 'parties_accepted' }, expectedVersion: target.version };
    const answer = await call(h.server, 'proposeStageChange', { token, caseId: target.id, body });
    expect(answer.status).toBe(200);
    const { bundle } = answer.json as { bundle: CaseBundle };
    expect(bundle.case).toMatchObject({ stage: 'mediation', subState: 'in_progress', version: target.version + 1 });
    // Settled (met, or breached: the store was seeded at SEED_NOW, the proposal happens now).
    expect(['met', 'breached']).toContain(bundle.deadlines.find((d) => d.kind === 'mediation_acceptance')?.status);
    expect(bundle.deadlines.filter((d) => d.kind === 'mediation_window' && d.status === 'open')).toHaveLength(1);
    // A retry is the same answer, not a second transition.
    const again = await call(h.server, 'proposeStageChange', { token, caseId: target.id, body });
    expect(again.json).toEqual(answer.json);
    const changes = (await read()).filter((c) => c.type === 'case.stage_changed');
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ from: { stage: 'mediation', subState: 'pending_acceptance' }, bundle: { case: { version: target.version + 1 } } });
  });

  it('answers 409 conflict with the current bundle when expectedVersion is stale', async () => {
    const target = mediationCase(h.db, 'in_progress');
    const token = await signIn(h.server, target.mediator_id);
    const touched = await control(h.server, 'POST', `/cases/${target.id}/touch`);
    expect(touched.status).toBe(200);
    const answer = await call(h.server, 'proposeStageChange', {
      token,
      caseId: target.id,
      body: { clientId: newClientId(), transition: { type: 'start_agreement_drafting' }, expectedVersion: target.version },
    });
    expect([answer.status, errorCode(answer)]).toEqual([409, 'conflict']);
    expect((answer.json as { current: CaseBundle }).current.case.version).toBe(target.version + 1);
  });

  it('answers 422 invalid_request (with the current bundle) for a transition the machine refuses', async () => {
    const target = casesInDb(h.db).find((c) => c.stage === 'closed');
    if (!target) throw new Error('no closed case');
    const token = await signIn(h.server, target.mediator_id);
    const answer = await call(h.server, 'proposeStageChange', {
      token,
      caseId: target.id,
      body: { clientId: newClientId(), transition: { type: 'brand_responded' }, expectedVersion: target.version },
    });
    expect([answer.status, errorCode(answer)]).toEqual([422, 'invalid_request']);
    expect((answer.json as { error: { message: string } }).error.message).toContain('not_allowed_here');
    expect((answer.json as { current: CaseBundle }).current.case.id).toBe(target.id);
  });
});

describe('decideAssignment', () => {
  it('accept makes a pending designation accepted (new version, case.upsert)', async () => {
    const target = casesInDb(h.db).find((c) => c.assignment === 'pending');
    if (!target) throw new Error('no pending designation');
    const token = await signIn(h.server, target.mediator_id);
    const read = await feedReader(token);
    const answer = await call(h.server, 'decideAssignment', { token, caseId: target.id, body: { clientId: newClientId(), decision: 'accept' } });
    expect(answer.json).toEqual({ caseId: target.id, assignment: 'accepted' });
    const upserts = (await read()).filter((c) => c.type === 'case.upsert');
    expect(upserts).toMatchObject([{ assignment: 'accepted', bundle: { case: { id: target.id, version: target.version + 1 } } }]);
    const twice = await call(h.server, 'decideAssignment', { token, caseId: target.id, body: { clientId: newClientId(), decision: 'decline' } });
    expect([twice.status, errorCode(twice)]).toEqual([409, 'conflict']);
  });

  it('decline moves the case: case.unassigned to the decliner, the whole case to the new mediator', async () => {
    const target = [...casesInDb(h.db)].reverse().find((c) => c.assignment === 'pending');
    if (!target) throw new Error('no pending designation');
    const token = await signIn(h.server, target.mediator_id);
    const readOld = await feedReader(token);
    const answer = await call(h.server, 'decideAssignment', { token, caseId: target.id, body: { clientId: newClientId(), decision: 'decline', reason: 'Conflicto de interés' } });
    expect(answer.json).toEqual({ caseId: target.id, assignment: null });
    const now = casesInDb(h.db).find((c) => c.id === target.id);
    expect(now?.mediator_id).not.toBe(target.mediator_id);
    expect(now?.assignment).toBe('pending');
    expect((await readOld()).map((c) => c.type)).toEqual(['case.unassigned']);

    const newcomer = await signIn(h.server, now?.mediator_id ?? '');
    // From the start: the newcomer's feed carries the case and all its messages.
    const all: FeedPage['changes'] = [];
    let cursor: string | undefined;
    for (;;) {
      const page = (await call(h.server, 'feed', { token: newcomer, query: cursor ? { cursor, limit: '1000' } : { limit: '1000' } })).json as FeedPage;
      all.push(...page.changes);
      cursor = page.cursor;
      if (!page.hasMore) break;
    }
    const upsert = all.findLast((c) => c.type === 'case.upsert' && c.bundle.case.id === target.id);
    expect(upsert).toMatchObject({ assignment: 'pending', bundle: { case: { assignedMediatorId: now?.mediator_id } } });
    const messageIds = all.flatMap((c) => (c.type === 'message.created' && c.message.caseId === target.id ? [c.message.id] : []));
    const stored = h.db.prepare<[string], { id: string }>('SELECT id FROM messages WHERE case_id = ?').all(target.id).map((r) => r.id);
    expect(new Set(messageIds)).toEqual(new Set(stored));
    const mine = await call(h.server, 'assignedCases', { token });
    expect((mine.json as { cases: { caseId: string }[] }).cases.some((c) => c.caseId === target.id)).toBe(false);
  });
});
