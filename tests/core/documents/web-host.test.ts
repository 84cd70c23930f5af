import { connect } from 'node:net';
import { mkdtempSync, rmSync, symlinkSync, unlinkSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentView, OpenedDocument } from '../../../shared/contract/documents';
import type { StagedFile } from '../../../shared/contract/files';
import type { z } from 'zod';
import { startWebHost, type WebHost } from '../../../electron/web/server';
import { removeDir } from '../support/fixtures';
import { makePdf, openDocumentsWorld, type DocumentsWorld } from './support';

let world: DocumentsWorld;
let host: WebHost;
let rendererDir: string;
let pdf: Uint8Array;

beforeAll(async () => {
  world = await openDocumentsWorld('web');
  rendererDir = mkdtempSync(join(tmpdir(), 'mesa-web-docs-'));
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Mesa</title>');
  host = await startWebHost({ core: { handlers: world.handlers, events: world.events, files: world.documents }, rendererDir });
  pdf = await makePdf(['Boleta 1', 'Boleta 2']);
});
afterAll(async () => {
  await host.close();
  world.store.close();
  await removeDir(world.dir);
  rmSync(rendererDir, { recursive: true, force: true });
});

const base = () => `http://127.0.0.1:${host.port}`;
const auth = () => ({ Authorization: `Bearer ${host.secret}` });
const stage = (body: Uint8Array, name: string, headers: Record<string, string> = auth()) =>
  fetch(`${base()}/api/staged?name=${encodeURIComponent(name)}`, { method: 'POST', headers, body });
const op = async (name: string, input: unknown) => {
  const response = await fetch(`${base()}/api/op/${name}`, { method: 'POST', headers: { ...auth(), 'Content-Type': 'application/json' }, body: JSON.stringify(input) });
  return (await response.json()) as { ok: boolean; value: unknown };
};

async function importAndOpen(bytes: Uint8Array, name: string): Promise<{ doc: DocumentView; url: string }> {
  const staged = (await (await stage(bytes, name)).json()) as { ok: true; value: StagedFile };
  const doc = (await op('importDocument', { caseId: world.cases[0]?.case.id, staged: staged.value, category: 'factura', visibility: 'joint' })).value as DocumentView;
  const opened = (await op('openDocument', { documentId: doc.id })).value as z.infer<typeof OpenedDocument>;
  return { doc, url: `${base()}${opened.link.url}` };
}

/** A request written by hand: the head claims `declared` bytes and only a few follow. */
function rawStaging(declared: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(host.port, '127.0.0.1', () => {
      socket.write(`POST /api/staged?name=big.pdf HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\nAuthorization: Bearer ${host.secret}\r\nContent-Length: ${declared}\r\n\r\n%PDF-1.7 and then nothing`);
    });
    let text = '';
    socket.on('data', (chunk) => {
      text += chunk.toString('utf8');
      if (text.includes('\r\n\r\n') && text.includes('}')) {
        socket.destroy();
        resolve(text);
      }
    });
    socket.on('error', reject);
  });
}

describe('web host: staging uploads', () => {
  it('needs the secret', async () => {
    expect((await stage(pdf, 'a.pdf', {})).status).toBe(401);
  });

  it('streams the body into staging and answers the ticket with the SHA-256', async () => {
    const response = await stage(pdf, 'Boleta nº 7.pdf');
    expect(response.status).toBe(200);
    const body = (await response.json()) as { ok: true; value: StagedFile };
    expect(body.value).toMatchObject({ fileName: 'Boleta nº 7.pdf', sizeBytes: pdf.length, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
  });

  it('refuses a huge Content-Length before reading the body, and an empty body', async () => {
    const answer = await rawStaging(10 * 1024 * 1024 * 1024);
    expect(answer).toMatch(/^HTTP\/1\.1 413/);
    expect(answer).toContain('"reason":"too_large"');
    const empty = await stage(new Uint8Array(0), 'vacio.pdf');
    expect(empty.status).toBe(422);
    expect(await empty.json()).toMatchObject({ ok: false, error: { issues: [{ reason: 'empty_file' }] } });
  });
});

describe('web host: serving linked files', () => {
  it('serves the bytes with their type, nosniff, a sandbox CSP and an RFC 5987 name', async () => {
    const { url } = await importAndOpen(pdf, 'Cartola señor Núñez.pdf');
    expect(url).toMatch(/\/api\/files\/[A-Za-z0-9_-]{43}$/);
    const response = await fetch(url);
    expect(response.status).toBe(200);
    expect(Buffer.from(await response.arrayBuffer()).equals(Buffer.from(pdf))).toBe(true);
    expect(Object.fromEntries(response.headers)).toMatchObject({
      'content-type': 'application/pdf',
      'content-length': String(pdf.length),
      'x-content-type-options': 'nosniff',
      'content-security-policy': "sandbox; default-src 'none'",
      'accept-ranges': 'bytes',
      'content-disposition': `inline; filename="Cartola se_or N__ez.pdf"; filename*=UTF-8''Cartola%20se%C3%B1or%20N%C3%BA%C3%B1ez.pdf`,
    });
  });

  it('answers byte ranges (206), suffix ranges, and 416 past the end', async () => {
    const { url } = await importAndOpen(await makePdf(['rangos']), 'rangos.pdf');
    const whole = Buffer.from(await (await fetch(url)).arrayBuffer());
    const part = await fetch(url, { headers: { Range: 'bytes=10-19' } });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 10-19/${whole.length}`);
    expect(Buffer.from(await part.arrayBuffer()).equals(whole.subarray(10, 20))).toBe(true);
    const suffix = await fetch(url, { headers: { Range: 'bytes=-5' } });
    expect(Buffer.from(await suffix.arrayBuffer()).equals(whole.subarray(whole.length - 5))).toBe(true);
    const past = await fetch(url, { headers: { Range: `bytes=${whole.length}-` } });
    expect(past.status).toBe(416);
    expect(past.headers.get('content-range')).toBe(`bytes */${whole.length}`);
  });

  it('answers 404 for unknown, malformed and traversal tokens', async () => {
    for (const token of ['nope', 'A'.repeat(43), '..%2F..%2Fetc%2Fpasswd', '%2e%2e']) {
      expect((await fetch(`${base()}/api/files/${token}`)).status).toBe(404);
    }
  });

  it('will not follow a symlink planted in the blob store to a file outside it', async () => {
    const bytes = await makePdf(['symlink']);
    const { doc, url } = await importAndOpen(bytes, 'symlink.pdf');
    const outside = join(rendererDir, 'secret.txt');
    writeFileSync(outside, 'outside the store');
    const blob = join(world.dir, 'documents', doc.sha256.slice(0, 2), doc.sha256.slice(2));
    chmodSync(blob, 0o644);
    unlinkSync(blob);
    symlinkSync(outside, blob);
    const response = await fetch(url);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('outside');
  });
});
