import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FeedPage } from '../../shared/platform/feed';
import type { PlatformMessage } from '../../shared/platform/messages';
import { call, casesInDb, control, mediationCase, newClientId, signIn, startHarness, type Harness } from './support';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ cases: 150, messagesPerCase: 10 });
});
afterAll(() => h.close());

const partyView = async (role: string, caseId: string): Promise<PlatformMessage[]> => {
  const answer = await control(h.server, 'GET', `/parties/${role}/cases/${caseId}/messages`);
  expect(answer.status).toBe(200);
  return (answer.json as { messages: PlatformMessage[] }).messages;
};

describe('caucus confidentiality', () => {
  it('a party never sees the other party’s caucus, in any seeded mediation case', async () => {
    const mediationCases = casesInDb(h.db).filter((c) => c.stage === 'mediation');
    expect(mediationCases.length).toBeGreaterThan(3);
    for (const c of mediationCases) {
      const consumer = await partyView('consumer', c.id);
      const company = await partyView('company', c.id);
      expect(consumer.some((m) => m.channel === 'caucus_consumer')).toBe(true);
      expect(company.some((m) => m.channel === 'caucus_company')).toBe(true);
      expect(consumer.filter((m) => m.channel === 'caucus_company')).toEqual([]);
      expect(company.filter((m) => m.channel === 'caucus_consumer')).toEqual([]);
      // Both see the same negotiation and joint messages.
      const shared = (list: PlatformMessage[]) => list.filter((m) => m.channel === 'negotiation' || m.channel === 'joint').map((m) => m.id);
      expect(shared(consumer)).toEqual(shared(company));
    }
  });

  it('keeps a mediator’s caucus message in its channel and out of the other party’s view', async () => {
    const target = mediationCase(h.db);
    const token = await signIn(h.server, target.mediator_id);
    const secret = 'Solo para la empresa: ¿cuál es su margen real?';
    const posted = await call(h.server, 'postMessage', { token, caseId: target.id, body: { clientId: newClientId(), channel: 'caucus_company', body: secret } });
    expect(posted.status).toBe(201);
    expect((await partyView('company', target.id)).some((m) => m.body === secret && m.channel === 'caucus_company')).toBe(true);
    expect((await partyView('consumer', target.id)).some((m) => m.body === secret)).toBe(false);
  });

  it('lets a party write only to negotiation, joint or its own caucus', async () => {
    const target = mediationCase(h.db);
    const ok = await control(h.server, 'POST', `/cases/${target.id}/party-messages`, { role: 'consumer', channel: 'caucus_consumer', body: 'Le cuento algo en privado.' });
    expect(ok.status).toBe(201);
    expect((ok.json as { message: PlatformMessage }).message).toMatchObject({ authorRole: 'consumer', channel: 'caucus_consumer' });
    const refused = await control(h.server, 'POST', `/cases/${target.id}/party-messages`, { role: 'consumer', channel: 'caucus_company', body: 'Intento leer lo ajeno' });
    expect(refused.status).toBe(403);
    expect((await control(h.server, 'POST', `/cases/${target.id}/party-messages`, { role: 'judge', channel: 'joint', body: 'x' })).status).toBe(400);
  });
});

describe('auto-reply', () => {
  it('the consumer answers a mediator’s joint message after delayMs, and the reply reaches the feed', async () => {
    const target = mediationCase(h.db);
    const token = await signIn(h.server, target.mediator_id);
    let cursor: string | undefined;
    const drain = async (): Promise<FeedPage['changes']> => {
      const all: FeedPage['changes'] = [];
      for (;;) {
        const page = (await call(h.server, 'feed', { token, query: cursor ? { cursor, limit: '1000' } : { limit: '1000' } })).json as FeedPage;
        all.push(...page.changes);
        cursor = page.cursor;
        if (!page.hasMore) return all;
      }
    };
    await drain();
    expect((await control(h.server, 'PUT', '/auto-reply', { enabled: true, delayMs: 50 })).status).toBe(200);
    await call(h.server, 'postMessage', { token, caseId: target.id, body: { clientId: newClientId(), channel: 'joint', body: '¿Pueden confirmar la sesión del jueves?' } });
    // A caucus message gets no automatic answer.
    await call(h.server, 'postMessage', { token, caseId: target.id, body: { clientId: newClientId(), channel: 'caucus_consumer', body: 'Privado' } });
    let reply: PlatformMessage | undefined;
    const seen: PlatformMessage[] = [];
    for (let attempt = 0; attempt < 100 && !reply; attempt++) {
      for (const change of await drain()) if (change.type === 'message.created') seen.push(change.message);
      reply = seen.find((m) => m.authorRole === 'consumer');
      if (!reply) await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(reply).toMatchObject({ caseId: target.id, channel: 'joint', authorRole: 'consumer', clientId: null });
    expect(seen.filter((m) => m.authorRole === 'consumer')).toHaveLength(1);
    await control(h.server, 'PUT', '/auto-reply', { enabled: false, delayMs: 0 });
  });
});
