import { afterEach, describe, expect, it, vi } from 'vitest';

import { createHttpCaller } from '../../renderer/src/api/http-operations';

const settings = { locale: 'es-CL' };

const respond = (status: number, body: unknown) =>
  vi.fn(async () => new Response(typeof body === 'string' ? body : JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } }));

afterEach(() => vi.unstubAllGlobals());

describe('web host transport', () => {
  it('posts to /api/op/<name> with the bearer secret and returns the validated value', async () => {
    const fetchMock = respond(200, { ok: true, value: settings });
    vi.stubGlobal('fetch', fetchMock);
    const result = await createHttpCaller('http://127.0.0.1:9', 's3cret')('getSettings', {});
    expect(result).toEqual({ ok: true, value: settings });
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('http://127.0.0.1:9/api/op/getSettings');
    expect(init.method).toBe('POST');
    expect((init.headers as Record<string, string>).Authorization).toBe('Bearer s3cret');
  });

  it('passes an error Result through unchanged', async () => {
    vi.stubGlobal('fetch', respond(409, { ok: false, error: { code: 'conflict', message: 'stale' } }));
    expect(await createHttpCaller('', null)('getSettings', {})).toEqual({ ok: false, error: { code: 'conflict', message: 'stale' } });
  });

  it('turns an unreachable host into db_unavailable instead of a rejection', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))));
    const result = await createHttpCaller('', null)('getSettings', {});
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('db_unavailable');
  });

  it('turns a refused secret into forbidden and a malformed body into internal', async () => {
    vi.stubGlobal('fetch', respond(401, 'no'));
    const refused = await createHttpCaller('', 'wrong')('getSettings', {});
    expect(refused.ok ? null : refused.error.code).toBe('forbidden');
    vi.stubGlobal('fetch', respond(200, '<html>'));
    const malformed = await createHttpCaller('', null)('getSettings', {});
    expect(malformed.ok ? null : malformed.error.code).toBe('internal');
  });

  it('rejects a value that does not match the operation output schema', async () => {
    vi.stubGlobal('fetch', respond(200, { ok: true, value: { locale: 'fr' } }));
    const result = await createHttpCaller('', null)('getSettings', {});
    expect(result.ok ? null : result.error.code).toBe('internal');
  });
});
