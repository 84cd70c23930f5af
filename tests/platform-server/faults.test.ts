import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FeedPage } from '../../shared/platform/feed';
import { platformRoutes } from '../../shared/platform/api';
import { call, control, errorCode, mediationCase, newClientId, request, signIn, startHarness, type Harness } from './support';

let h: Harness;
let token: string;
beforeAll(async () => {
  h = await startHarness({ cases: 80, messagesPerCase: 4 });
  token = await signIn(h.server, 'med-valentina-soto');
});
afterAll(() => h.close());
afterEach(async () => {
  expect((await control(h.server, 'DELETE', '/faults')).status).toBe(200);
});

const setFaults = async (settings: unknown): Promise<void> => {
  const answer = await control(h.server, 'PUT', '/faults', settings);
  expect(answer.status, answer.text).toBe(200);
};
const me = () => request(h.server, 'GET', '/v1/me', { token });
/** The seq a feed cursor stands for (base64url of "<epoch>.<seq>"; tests may look inside). */
const cursorSeq = (cursor: string): number => Number(Buffer.from(cursor, 'base64url').toString('utf8').split('.')[1]);

describe('control API access', () => {
  it('needs the control token', async () => {
    expect((await request(h.server, 'GET', '/__control/faults')).status).toBe(401);
    expect((await request(h.server, 'GET', '/__control/faults', { headers: { 'X-Control-Token': 'wrong' } })).status).toBe(401);
    expect((await control(h.server, 'GET', '/faults')).status).toBe(200);
  });

  it('refuses unknown switches and bad values', async () => {
    for (const body of [{ nonsense: true }, { serverError: { count: -1 } }, { rateLimit: { count: 1, routes: ['noSuchRoute'] } }, { latencyMs: 'slow' }]) {
      expect((await control(h.server, 'PUT', '/faults', body)).status, JSON.stringify(body)).toBe(400);
    }
  });
});

describe('fault switches', () => {
  it('latencyMs delays every platform request', async () => {
    await setFaults({ latencyMs: 150 });
    const started = performance.now();
    expect((await me()).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('dropConnections destroys the socket without an answer for the next N matching requests', async () => {
    await setFaults({ dropConnections: { count: 2, routes: ['me'] } });
    expect((await call(h.server, 'assignedCases', { token })).status).toBe(200); // other route: untouched
    await expect(me()).rejects.toThrow();
    await expect(me()).rejects.toThrow();
    expect((await me()).status).toBe(200);
  });

  it("dropConnections with phase 'after' runs the write, loses the answer, and the retry gets the same message", async () => {
    const target = mediationCase(h.db);
    const own = await signIn(h.server, target.mediator_id);
    await setFaults({ dropConnections: { count: 1, routes: ['postMessage'], phase: 'after' } });
    const body = { clientId: newClientId(), channel: 'joint', body: 'Mensaje que se envía dos veces' };
    await expect(call(h.server, 'postMessage', { token: own, caseId: target.id, body })).rejects.toThrow();
    const retry = await call(h.server, 'postMessage', { token: own, caseId: target.id, body });
    expect(retry.status).toBe(200);
    expect((h.db.prepare('SELECT count(*) AS n FROM messages WHERE client_id = ?').get(body.clientId) as { n: number }).n).toBe(1);
  });

  it('serverError answers 500 internal for the next N, then recovers', async () => {
    await setFaults({ serverError: { count: 2 } });
    for (let i = 0; i < 2; i++) {
      const answer = await call(h.server, 'me', { token });
      expect([answer.status, errorCode(answer)]).toEqual([500, 'internal']);
    }
    expect((await me()).status).toBe(200);
  });

  it('rateLimit answers 429 rate_limited with Retry-After seconds', async () => {
    await setFaults({ rateLimit: { count: 1, retryAfterSeconds: 7 } });
    const limited = await call(h.server, 'feed', { token });
    expect([limited.status, errorCode(limited)]).toEqual([429, 'rate_limited']);
    expect(limited.headers.get('retry-after')).toBe('7');
    expect((await call(h.server, 'feed', { token })).status).toBe(200);
  });

  it('rate 1 fires on every request until cleared', async () => {
    await setFaults({ serverError: { rate: 1 } });
    for (let i = 0; i < 3; i++) expect((await me()).status).toBe(500);
    await control(h.server, 'DELETE', '/faults');
    expect((await me()).status).toBe(200);
  });

  it('malformedJson answers 200 with a body that is not JSON', async () => {
    await setFaults({ malformedJson: { count: 1, routes: ['feed'] } });
    const answer = await request(h.server, 'GET', '/v1/feed', { token });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toContain('application/json');
    expect(() => JSON.parse(answer.text)).toThrow();
    expect((await call(h.server, 'feed', { token })).status).toBe(200);
  });

  it('schemaInvalid answers valid JSON that fails the response schema, for every route', async () => {
    const target = mediationCase(h.db);
    const own = await signIn(h.server, target.mediator_id);
    const account = h.server.accounts[0];
    if (!account) throw new Error('no account');
    await setFaults({ schemaInvalid: { count: 7 } });
    const answers = {
      signIn: await request(h.server, 'POST', '/v1/auth/sign-in', { body: { email: account.email, password: 'mesa-demo' } }),
      me: await request(h.server, 'GET', '/v1/me', { token: own }),
      assignedCases: await request(h.server, 'GET', '/v1/cases', { token: own }),
      feed: await request(h.server, 'GET', '/v1/feed?limit=3', { token: own }),
      postMessage: await request(h.server, 'POST', `/v1/cases/${target.id}/messages`, { token: own, body: { clientId: newClientId(), channel: 'joint', body: 'Hola' } }),
      proposeStageChange: await request(h.server, 'POST', `/v1/cases/${target.id}/stage-proposals`, {
        token: own,
        body: { clientId: newClientId(), transition: { type: 'close', outcome: 'party_withdrew' }, expectedVersion: target.version },
      }),
      decideAssignment: await request(h.server, 'POST', `/v1/cases/${target.id}/assignment`, { token: own, body: { clientId: newClientId(), decision: 'accept' } }),
    };
    for (const [name, answer] of Object.entries(answers)) {
      const route = name as keyof typeof platformRoutes;
      expect(answer.status, `${name}: ${answer.text.slice(0, 200)}`).toBe(200);
      expect(answer.json, name).toBeDefined();
      expect(platformRoutes[route].response.safeParse(answer.json).success, name).toBe(false);
    }
    // The feed page keeps real changes around the bad one: a client must reject all of it.
    const page = answers.feed.json as { changes: unknown[] };
    expect(page.changes.length).toBeGreaterThan(1);
    expect(FeedPage.shape.changes.element.safeParse(page.changes[0]).success).toBe(true);
  });

  it('duplicateFeedPages overlaps the REQUEST cursor: half a page the caller has, then new changes; cursor = its last change', async () => {
    const first = (await call(h.server, 'feed', { token, query: { limit: '6' } })).json as FeedPage;
    const second = (await call(h.server, 'feed', { token, query: { limit: '6', cursor: first.cursor } })).json as FeedPage;
    const normalThird = (await call(h.server, 'feed', { token, query: { limit: '6', cursor: second.cursor } })).json as FeedPage;
    await setFaults({ duplicateFeedPages: { count: 1 } });
    const third = (await call(h.server, 'feed', { token, query: { limit: '6', cursor: second.cursor } })).json as FeedPage;
    // Three changes of `second` again, then the first three of the normal next page.
    expect(third.changes).toEqual([...second.changes.slice(3), ...normalThird.changes.slice(0, 3)]);
    expect(cursorSeq(third.cursor)).toBe(third.changes.at(-1)?.seq);
    expect(third.hasMore).toBe(true);
    // Spent: the same request gets the normal page.
    expect((await call(h.server, 'feed', { token, query: { limit: '6', cursor: second.cursor } })).json).toEqual(normalThird);
  });

  it('duplicateFeedPages never serves a page ahead of the request, whatever another session of the user asked', async () => {
    // Session B (same mediator) is at an early cursor; session A has just pulled far ahead.
    const early = (await call(h.server, 'feed', { token, query: { limit: '4' } })).json as FeedPage;
    const expected = (await call(h.server, 'feed', { token, query: { limit: '4', cursor: early.cursor } })).json as FeedPage;
    let cursorA: string | undefined;
    for (let i = 0; i < 4; i += 1) cursorA = ((await call(h.server, 'feed', { token, query: cursorA ? { limit: '20', cursor: cursorA } : { limit: '20' } })).json as FeedPage).cursor;
    await setFaults({ duplicateFeedPages: { count: 2 } });
    const fromB = (await call(h.server, 'feed', { token, query: { limit: '4', cursor: early.cursor } })).json as FeedPage;
    expect(cursorSeq(fromB.cursor)).toBeLessThanOrEqual(cursorSeq(expected.cursor));
    expect(cursorSeq(fromB.cursor)).toBe(fromB.changes.at(-1)?.seq);
    // Every change after B's cursor up to the new one is in the page: nothing skipped.
    const after = fromB.changes.filter((c) => c.seq > cursorSeq(early.cursor));
    expect(after).toEqual(expected.changes.filter((c) => c.seq <= cursorSeq(fromB.cursor)));
    expect(after.length).toBeGreaterThan(0);
    // From the very start there is nothing to repeat: the normal first page.
    expect((await call(h.server, 'feed', { token, query: { limit: '4' } })).json).toEqual(early);
  });

  it('counters only count matching routes and GET /faults shows what is left', async () => {
    await setFaults({ serverError: { count: 3, routes: ['feed'] }, rateLimit: { count: 1, routes: ['assignedCases'] } });
    expect((await me()).status).toBe(200);
    expect((await call(h.server, 'feed', { token })).status).toBe(500);
    const state = (await control(h.server, 'GET', '/faults')).json as { remaining: Record<string, number> };
    expect(state.remaining).toEqual({ serverError: 2, rateLimit: 1 });
  });
});
