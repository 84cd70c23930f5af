// Serves the built renderer (out/renderer) read-only, with a path-traversal guard that holds
// against "..", encoded "%2e%2e" and "%2f", backslashes, NUL bytes and symlinks out of the folder.
import { realpath, stat } from 'node:fs/promises';
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.pdf': 'application/pdf',
};

export const contentTypeOf = (filePath: string): string => CONTENT_TYPES[extname(filePath).toLowerCase()] ?? 'application/octet-stream';

const isInside = (root: string, candidate: string): boolean => {
  const rel = relative(root, candidate);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
};

/**
 * The file to serve for a raw request path, or null (→ 404). `/` is index.html. The raw path is
 * decoded once; anything that decodes badly or resolves outside `rootDir` (after following
 * symlinks) is refused.
 */
export async function resolveStaticFile(rootDir: string, rawPathname: string): Promise<string | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const segments = decoded.split('/');
  if (segments.some((segment) => segment === '..' || segment === '.')) return null;
  const relativePath = decoded === '/' ? 'index.html' : decoded.replace(/^\/+/, '');
  const root = resolve(rootDir);
  const candidate = resolve(root, relativePath.split('/').join(sep));
  if (!isInside(root, candidate)) return null;
  try {
    const [realRoot, realFile] = await Promise.all([realpath(root), realpath(candidate)]);
    if (!isInside(realRoot, realFile)) return null;
    return (await stat(realFile)).isFile() ? realFile : null;
  } catch {
    return null;
  }
}
