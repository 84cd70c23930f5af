// Decides one question: is this frame URL our own renderer? Used for every IPC call and every
// navigation. No 'electron' import, so it is unit-tested under plain Node.
import { pathToFileURL } from 'node:url';

/** Where the renderer is loaded from: the built index.html, or the electron-vite dev server. */
export type RendererLocation =
  | { readonly kind: 'file'; readonly indexHtmlPath: string }
  | { readonly kind: 'dev-server'; readonly url: string };

const parse = (raw: string): URL | null => {
  try {
    return new URL(raw);
  } catch {
    return null;
  }
};

/**
 * True only for the renderer's own page. In production that is exactly the built
 * out/renderer/index.html as a file:// URL (any query or fragment) — not any other local file,
 * which a compromised page could otherwise navigate to. In development it is the dev server's
 * origin (http://localhost:5173 or whatever electron-vite chose).
 */
export function isTrustedRendererUrl(frameUrl: unknown, renderer: RendererLocation): boolean {
  if (typeof frameUrl !== 'string' || frameUrl === '') return false;
  const url = parse(frameUrl);
  if (url === null) return false;
  if (renderer.kind === 'dev-server') {
    const expected = parse(renderer.url);
    return expected !== null && (url.protocol === 'http:' || url.protocol === 'https:') && url.origin === expected.origin;
  }
  if (url.protocol !== 'file:' || url.host !== '') return false;
  const expected = pathToFileURL(renderer.indexHtmlPath);
  return url.pathname === expected.pathname;
}
