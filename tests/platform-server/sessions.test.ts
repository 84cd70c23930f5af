import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import type { FeedPage } from '../../shared/platform/feed';
import type { PlatformSession } from '../../shared/platform/records';
import { call, control, errorCode, mediationCase, newClientId, signIn, startHarness, type Harness } from './support';

const VIDEO = { type: 'video', url: 'https://video.cam-santiago.example/sala/7' } as const;

let h: Harness;
let token: string;
let caseId: string;

const sessionOf = (answer: { json: unknown }): PlatformSession => (answer.json as { session: PlatformSession }).session;

async function feedSessions(id: string): Promise<PlatformSession[]> {
  const page = (await call(h.server, 'feed', { token, query: { limit: '1000' } })).json as FeedPage;
  let all = page.changes;
  let cursor = page.cursor;
  let more = page.hasMore;
  while (more) {
    const next = (await call(h.server, 'feed', { token, query: { cursor, limit: '1000' } })).json as FeedPage;
    all = all.concat(next.changes);
    cursor = next.cursor;
    more = next.hasMore;
  }
  return all.flatMap((c) => (c.type === 'session.upsert' && c.session.id === id ? [c.session] : []));
}

beforeAll(async () => {
  h = await startHarness({ cases: 120 });
  const row = mediationCase(h.db, 'in_progress');
  caseId = row.id;
  token = await signIn(h.server, row.mediator_id);
});
afterAll(async () => {
  await h.close();
});

describe('session routes', () => {
  it('schedule: 201 with the platform participants (zones), idempotent by clientId, appended to the feed', async () => {
    const body = { clientId: newClientId(), sessionId: uuidv7(), kind: 'joint', mode: VIDEO, startsAt: '2026-06-10T14:00:00.000Z', zone: 'America/Santiago', durationMinutes: 60 };
    const first = await call(h.server, 'scheduleSession', { token, caseId, body });
    expect(first.status).toBe(201);
    const session = sessionOf(first);
    expect(session).toMatchObject({ id: body.sessionId, status: 'proposed', sequence: 0, version: 1 });
    expect(session.participants.map((p) => [p.role, p.confirmation])).toEqual([['mediator', 'confirmed'], ['consumer', 'pending'], ['company', 'pending']]);
    const again = await call(h.server, 'scheduleSession', { token, caseId, body });
    expect(again.status).toBe(200);
    expect(sessionOf(again)).toEqual(session);
    expect(await feedSessions(body.sessionId)).toEqual([session]);
  });

  it('reschedule bumps SEQUENCE and version; a stale version is 409 with the current session; closed is 422', async () => {
    const sessionId = uuidv7();
    await call(h.server, 'scheduleSession', { token, caseId, body: { clientId: newClientId(), sessionId, kind: 'caucus_consumer', mode: VIDEO, startsAt: '2026-06-11T14:00:00.000Z', zone: 'America/Santiago', durationMinutes: 30 } });
    const confirmed = await control(h.server, 'POST', `/sessions/${sessionId}/confirm`, { role: 'consumer' });
    expect(confirmed.status).toBe(200);
    expect((confirmed.json as { session: PlatformSession }).session).toMatchObject({ status: 'confirmed', version: 2 });
    // A caucus with the consumer does not invite the company.
    expect((await control(h.server, 'POST', `/sessions/${sessionId}/confirm`, { role: 'company' })).status).toBe(409);

    const stale = await call(h.server, 'rescheduleSession', { token, caseId, body: { clientId: newClientId(), sessionId, startsAt: '2026-06-12T14:00:00.000Z', zone: 'America/Santiago', durationMinutes: 30, expectedVersion: 1 } });
    expect(stale.status).toBe(409);
    expect((stale.json as { currentSession?: PlatformSession }).currentSession).toMatchObject({ id: sessionId, version: 2 });

    const moved = await call(h.server, 'rescheduleSession', { token, caseId, body: { clientId: newClientId(), sessionId, startsAt: '2026-06-12T14:00:00.000Z', zone: 'Pacific/Easter', durationMinutes: 30, expectedVersion: 2 } });
    expect(sessionOf(moved)).toMatchObject({ status: 'rescheduled', sequence: 1, version: 3, zone: 'Pacific/Easter' });
    const cancelled = await call(h.server, 'cancelSession', { token, caseId, body: { clientId: newClientId(), sessionId, expectedVersion: 3 } });
    expect(sessionOf(cancelled)).toMatchObject({ status: 'cancelled', sequence: 2, version: 4 });
    const late = await call(h.server, 'recordSessionOutcome', { token, caseId, body: { clientId: newClientId(), sessionId, outcome: 'held', expectedVersion: 4 } });
    expect(late.status).toBe(422);
    expect((await feedSessions(sessionId)).map((s) => s.version)).toEqual([1, 2, 3, 4]);
  });

  it('only the case mediator schedules, only in mediation', async () => {
    const other = h.db.prepare<[string], { id: string }>("SELECT id FROM users WHERE role = 'mediator' AND id <> ? LIMIT 1").get((h.db.prepare<[string], { mediator_id: string }>('SELECT mediator_id FROM cases WHERE id = ?').get(caseId) ?? { mediator_id: '' }).mediator_id);
    const otherToken = await signIn(h.server, other?.id ?? '');
    const body = { clientId: newClientId(), sessionId: uuidv7(), kind: 'joint', mode: VIDEO, startsAt: '2026-06-10T14:00:00.000Z', zone: 'America/Santiago', durationMinutes: 60 };
    const refused = await call(h.server, 'scheduleSession', { token: otherToken, caseId, body });
    expect(refused.status).toBe(403);
    expect(errorCode(refused)).toBe('forbidden');
  });

  it('auto-reply: the invited parties confirm a proposed session after the delay', async () => {
    await control(h.server, 'PUT', '/auto-reply', { enabled: true, delayMs: 0 });
    const sessionId = uuidv7();
    await call(h.server, 'scheduleSession', { token, caseId, body: { clientId: newClientId(), sessionId, kind: 'joint', mode: VIDEO, startsAt: '2026-06-13T14:00:00.000Z', zone: 'America/Santiago', durationMinutes: 60 } });
    const deadline = Date.now() + 5_000;
    let status = '';
    while (Date.now() < deadline && status !== 'confirmed') {
      status = (h.db.prepare<[string], { s: string }>("SELECT json_extract(record, '$.status') AS s FROM sessions WHERE id = ?").get(sessionId) ?? { s: '' }).s;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(status).toBe('confirmed');
    await control(h.server, 'PUT', '/auto-reply', { enabled: false, delayMs: 0 });
  });

  it('seeds sessions with participants in their zones', () => {
    const zones = h.db.prepare<[], { z: string }>("SELECT DISTINCT json_extract(p.value, '$.zone') AS z FROM sessions, json_each(json_extract(sessions.record, '$.participants')) p").all().map((r) => r.z);
    expect(zones).toContain('America/Santiago');
    expect(zones.length).toBeGreaterThan(1);
  });
});
