import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isTrustedRendererUrl, type RendererLocation } from '../../electron/main/security/trusted-sender';

const indexHtmlPath = join('/opt', 'Mesa', 'resources', 'app.asar', 'out', 'renderer', 'index.html');
const production: RendererLocation = { kind: 'file', indexHtmlPath };
const indexUrl = pathToFileURL(indexHtmlPath).href;

describe('isTrustedRendererUrl in production (file://)', () => {
  it('accepts the built index.html, with or without fragment and query', () => {
    expect(isTrustedRendererUrl(indexUrl, production)).toBe(true);
    expect(isTrustedRendererUrl(`${indexUrl}#/casos/123`, production)).toBe(true);
    expect(isTrustedRendererUrl(`${indexUrl}?lang=es`, production)).toBe(true);
  });

  it('refuses any other local file, even next to it', () => {
    expect(isTrustedRendererUrl(pathToFileURL(join('/opt', 'Mesa', 'resources', 'app.asar', 'out', 'renderer', 'other.html')).href, production)).toBe(false);
    expect(isTrustedRendererUrl('file:///etc/passwd', production)).toBe(false);
    expect(isTrustedRendererUrl(`${indexUrl}/../../evil.html`, production)).toBe(false);
    expect(isTrustedRendererUrl(indexUrl.replace('file://', 'file://attacker-host'), production)).toBe(false);
  });

  it('refuses web pages, about:blank, devtools and garbage', () => {
    for (const url of ['https://evil.example/index.html', 'http://127.0.0.1:5173/', 'about:blank', 'devtools://devtools/bundled/inspector.html', '', 'nonsense', null, undefined, 7]) {
      expect(isTrustedRendererUrl(url, production)).toBe(false);
    }
  });
});

describe('isTrustedRendererUrl in development (dev server)', () => {
  const dev: RendererLocation = { kind: 'dev-server', url: 'http://localhost:5173' };

  it('accepts pages of the dev server origin', () => {
    expect(isTrustedRendererUrl('http://localhost:5173/', dev)).toBe(true);
    expect(isTrustedRendererUrl('http://localhost:5173/index.html#/casos', dev)).toBe(true);
  });

  it('refuses other ports, hosts, schemes and the production file', () => {
    expect(isTrustedRendererUrl('http://localhost:5174/', dev)).toBe(false);
    expect(isTrustedRendererUrl('http://localhost.evil.example:5173/', dev)).toBe(false);
    expect(isTrustedRendererUrl('https://localhost:5173/', dev)).toBe(false);
    expect(isTrustedRendererUrl(indexUrl, dev)).toBe(false);
  });
});
