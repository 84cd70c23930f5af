import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_MEDIATORS } from '../../electron/core/demo/generator';
import { call, control, errorCode, signIn, startHarness, type Harness } from './support';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ cases: 20 });
});
afterAll(() => h.close());

describe('sign-in and tokens', () => {
  it('lists every demo account, all with the documented password, one administrator', () => {
    expect(h.server.accounts.map((a) => a.userId)).toEqual(DEMO_MEDIATORS.map((m) => m.id));
    expect(new Set(h.server.accounts.map((a) => a.password))).toEqual(new Set(['mesa-demo']));
    expect(h.server.accounts.filter((a) => a.role === 'administrator')).toHaveLength(1);
  });

  it('signs in with the right password (e-mail case-insensitive) and names the user', async () => {
    const account = h.server.accounts[1];
    if (!account) throw new Error('no account');
    const answer = await call(h.server, 'signIn', { body: { email: account.email.toUpperCase(), password: 'mesa-demo' } });
    expect(answer.status).toBe(200);
    const body = answer.json as { token: string; expiresAt: string; user: { id: string } };
    expect(body.user.id).toBe(account.userId);
    expect(Buffer.from(body.token, 'base64url')).toHaveLength(32);
    expect(Date.parse(body.expiresAt) - Date.now()).toBeGreaterThan(7 * 3_600_000);
    const me = await call(h.server, 'me', { token: body.token });
    expect(me.json).toMatchObject({ id: account.userId, role: account.role });
  });

  it('refuses a wrong password and an unknown e-mail alike with 401 unauthorized', async () => {
    const wrong = await call(h.server, 'signIn', { body: { email: h.server.accounts[0]?.email, password: 'mesa-demo!' } });
    const unknown = await call(h.server, 'signIn', { body: { email: 'nadie@mediacion.example', password: 'mesa-demo' } });
    for (const answer of [wrong, unknown]) {
      expect(answer.status).toBe(401);
      expect(errorCode(answer)).toBe('unauthorized');
    }
    expect(wrong.json).toEqual(unknown.json);
  });

  it('requires a bearer token on every authenticated route', async () => {
    for (const name of ['me', 'assignedCases', 'feed'] as const) {
      const missing = await call(h.server, name);
      expect(missing.status).toBe(401);
      expect(errorCode(missing)).toBe('unauthorized');
      const bogus = await call(h.server, name, { token: 'x'.repeat(43) });
      expect(bogus.status).toBe(401);
    }
    const post = await call(h.server, 'postMessage', { caseId: 'case-000001', body: {} });
    expect(post.status).toBe(401);
  });

  it('answers token_expired once tokens expire, and a new sign-in works again', async () => {
    const token = await signIn(h.server, 'med-rodrigo-fuentes');
    expect((await call(h.server, 'me', { token })).status).toBe(200);
    const put = await control(h.server, 'PUT', '/faults', { expireTokens: true });
    expect(put.status).toBe(200);
    const expired = await call(h.server, 'me', { token });
    expect(expired.status).toBe(401);
    expect(errorCode(expired)).toBe('token_expired');
    const fresh = await signIn(h.server, 'med-rodrigo-fuentes');
    expect((await call(h.server, 'me', { token: fresh })).status).toBe(200);
  });
});
