import { mkdtempSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../shared/security/csp';
import { MAX_BODY_BYTES, startWebHost, type WebHost } from '../../electron/web/server';
import { smallCore, type SmallCore } from './small-core';

interface RawResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly body: string;
}

/** A raw HTTP request: fetch() would normalise the path and refuse to set Host. */
function raw(port: number, options: { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer }): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method: options.method ?? 'GET', path: options.path, headers: { Host: `127.0.0.1:${port}`, ...options.headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

let rendererDir: string;
let outsideDir: string;
let core: SmallCore;
let host: WebHost;

const op = (name: string, body: unknown, headers: Record<string, string> = {}) =>
  raw(host.port, {
    method: 'POST',
    path: `/api/op/${name}`,
    headers: { Authorization: `Bearer ${host.secret}`, 'Content-Type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

beforeAll(async () => {
  const root = mkdtempSync(join(tmpdir(), 'mesa-web-'));
  rendererDir = join(root, 'renderer');
  outsideDir = join(root, 'outside');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  mkdirSync(outsideDir);
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Mesa</title>');
  writeFileSync(join(rendererDir, 'assets', 'index-abc.js'), 'console.log(1)');
  writeFileSync(join(rendererDir, 'assets', 'index-abc.css'), 'body{}');
  writeFileSync(join(outsideDir, 'secret.txt'), 'outside the renderer');
  symlinkSync(join(outsideDir, 'secret.txt'), join(rendererDir, 'assets', 'link.txt'));
  core = smallCore();
  host = await startWebHost({ core, rendererDir });
});

afterAll(async () => {
  await host.close();
  rmSync(join(rendererDir, '..'), { recursive: true, force: true });
});

describe('startWebHost', () => {
  it('listens on 127.0.0.1 with a per-run secret carried in the URL fragment', () => {
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/#secret=${host.secret}`);
    expect(host.secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });
});

describe('POST /api/op/:name', () => {
  it('dispatches to the core and answers 200 with the Result', async () => {
    const response = await op('updateSettings', { locale: 'en' });
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(response.headers['cache-control']).toBe('no-store');
    expect(JSON.parse(response.body)).toEqual({ ok: true, value: { locale: 'en' } });
    expect(JSON.parse((await op('getSettings', '')).body)).toEqual({ ok: true, value: { locale: 'en' } });
  });

  it('answers 200 with invalid_input (and field paths) for input the contract refuses', async () => {
    const response = await op('updateSettings', { locale: 'fr' });
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ path: 'locale' }] } });
  });

  it('answers 200 with unknown_operation for a name not in the contract, as IPC does', async () => {
    for (const name of ['dropDatabase', 'constructor', '__proto__', '%2e%2e']) {
      const response = await op(name, {});
      expect(response.status).toBe(200);
      expect(JSON.parse(response.body)).toMatchObject({ ok: false, error: { code: 'unknown_operation' } });
    }
  });

  it('answers 401 without the secret or with a wrong one, and runs nothing', async () => {
    const before = core.calls.length;
    for (const authorization of [undefined, 'Bearer nope', `Basic ${host.secret}`, `Bearer ${host.secret}x`, 'Bearer ']) {
      const response = await raw(host.port, {
        method: 'POST',
        path: '/api/op/getSettings',
        headers: { 'Content-Type': 'application/json', ...(authorization ? { Authorization: authorization } : {}) },
        body: '{}',
      });
      expect(response.status).toBe(401);
      expect(JSON.parse(response.body)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(core.calls.length).toBe(before);
  });

  it('answers 415 for a body that is not declared as JSON', async () => {
    for (const contentType of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      expect((await op('getSettings', '{}', { 'Content-Type': contentType })).status).toBe(415);
    }
    expect((await op('getSettings', '{}', { 'Content-Type': 'application/json; charset=utf-8' })).status).toBe(200);
  });

  it('answers 400 with invalid_input for malformed JSON', async () => {
    const response = await op('updateSettings', '{"locale": ');
    expect(response.status).toBe(400);
    expect(JSON.parse(response.body)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('answers 413 for a body over MAX_BODY_BYTES, declared or streamed', async () => {
    const big = JSON.stringify({ locale: 'en', padding: 'x'.repeat(MAX_BODY_BYTES) });
    expect((await op('updateSettings', big)).status).toBe(413);
    const chunked = await new Promise<number>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: host.port,
          method: 'POST',
          path: '/api/op/updateSettings',
          headers: { Host: `127.0.0.1:${host.port}`, Authorization: `Bearer ${host.secret}`, 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' },
        },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      for (let i = 0; i < Math.ceil(MAX_BODY_BYTES / (64 * 1024)) + 4; i += 1) req.write('x'.repeat(64 * 1024));
      req.end();
    });
    expect(chunked).toBe(413);
  });

  it('answers 405 for other methods', async () => {
    const response = await raw(host.port, { path: '/api/op/getSettings', headers: { Authorization: `Bearer ${host.secret}` } });
    expect(response.status).toBe(405);
    expect(response.headers['allow']).toBe('POST');
  });
});

describe('request origin guards', () => {
  it('answers 403 to a foreign Host header (DNS rebinding), on the API and on static files', async () => {
    for (const hostHeader of ['evil.example', `evil.example:${host.port}`, `127.0.0.1:${host.port + 1}`, '127.0.0.1']) {
      expect((await op('getSettings', {}, { Host: hostHeader })).status).toBe(403);
      expect((await raw(host.port, { path: '/', headers: { Host: hostHeader } })).status).toBe(403);
    }
    expect((await op('getSettings', {}, { Host: `localhost:${host.port}` })).status).toBe(200);
  });

  it('answers 403 to any Origin but its own', async () => {
    for (const origin of ['https://evil.example', 'null', `http://127.0.0.1:${host.port + 1}`, `https://127.0.0.1:${host.port}`]) {
      expect((await op('getSettings', {}, { Origin: origin })).status).toBe(403);
    }
    expect((await op('getSettings', {}, { Origin: `http://127.0.0.1:${host.port}` })).status).toBe(200);
    expect((await op('getSettings', {}, { Origin: `http://localhost:${host.port}` })).status).toBe(200);
  });

  it('answers 404 with a Result for unknown API routes', async () => {
    const response = await raw(host.port, { path: '/api/nothing' });
    expect(response.status).toBe(404);
    expect(JSON.parse(response.body)).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});

describe('static files', () => {
  it("serves index.html for '/' with the CSP and no caching", async () => {
    const response = await raw(host.port, { path: '/' });
    expect(response.status).toBe(200);
    expect(response.body).toContain('<title>Mesa</title>');
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['cache-control']).toBe('no-store');
  });

  it('serves assets with their content types', async () => {
    expect((await raw(host.port, { path: '/assets/index-abc.js' })).headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect((await raw(host.port, { path: '/assets/index-abc.css?v=1' })).headers['content-type']).toBe('text/css; charset=utf-8');
  });

  it('answers the browser\'s unprompted /favicon.ico with 204 when the renderer has none', async () => {
    expect((await raw(host.port, { path: '/favicon.ico' })).status).toBe(204);
  });

  it.each([
    '/../../etc/passwd',
    '/..%2f..%2fetc%2fpasswd',
    '/%2e%2e/%2e%2e/etc/passwd',
    '/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd',
    '/assets/..%5c..%5coutside%5csecret.txt',
    '/..%2foutside%2fsecret.txt',
    '/assets/link.txt',
    '/etc/passwd',
    '/%00index.html',
    '/%E0%A4%A',
    '/assets',
    '/missing.js',
  ])('never serves anything outside the renderer folder: %s → 404', async (path) => {
    const response = await raw(host.port, { path });
    expect(response.status).toBe(404);
    expect(response.body).not.toContain('root:');
    expect(response.body).not.toContain('outside the renderer');
  });
});

describe('GET /api/events', () => {
  it('refuses a missing or wrong secret', async () => {
    expect((await raw(host.port, { path: '/api/events' })).status).toBe(401);
    expect((await raw(host.port, { path: '/api/events?secret=wrong' })).status).toBe(401);
  });

  it("streams the core's events as Server-Sent Events", async () => {
    const received = await new Promise<string>((resolve, reject) => {
      const req = request(
        { host: '127.0.0.1', port: host.port, path: `/api/events?secret=${encodeURIComponent(host.secret)}`, headers: { Host: `127.0.0.1:${host.port}`, Accept: 'text/event-stream' } },
        (res) => {
          expect(res.statusCode).toBe(200);
          expect(res.headers['content-type']).toBe('text/event-stream; charset=utf-8');
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => {
            text += chunk;
            // The host subscribes before writing ": connected", so emitting now cannot be missed.
            if (text.includes(': connected') && !text.includes('event:')) core.events.emit('caseChanged', { caseId: 'caso-1' });
            const eventAt = text.indexOf('event:');
            if (eventAt !== -1 && text.indexOf('\n\n', eventAt) !== -1) {
              req.destroy();
              resolve(text);
            }
          });
        },
      );
      req.on('error', reject);
      req.end();
    });
    expect(received).toContain('event: caseChanged\ndata: {"caseId":"caso-1"}\n\n');
  });
});
