import { realpath, stat } from 'node:fs/promises';
import { sep } from 'node:path';
import type { BlobStore } from './blob-store';
import type { FileLinks, LinkGrant } from './file-links';

/** What a host sends back for a file request; it streams `body.path` from start to end (inclusive). */
export interface FileResponse {
  readonly status: 200 | 206 | 400 | 404 | 405 | 416;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: { readonly path: string; readonly start: number; readonly end: number } | null;
}

export interface FileRequest {
  readonly method: string;
  /** The Range header, if any. */
  readonly range?: string | undefined;
}

const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/**
 * Headers every served file carries: the browser must not guess another type (nosniff), and
 * if it is ever navigated to, it runs in a sandbox with nothing allowed (no script, no plugin,
 * no same-origin access), whatever the file contains.
 */
const SAFETY_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Content-Security-Policy': "sandbox; default-src 'none'",
  'Cache-Control': 'no-store',
  'Referrer-Policy': 'no-referrer',
} as const;

const plain = (status: FileResponse['status'], extra: Record<string, string> = {}): FileResponse => ({
  status,
  headers: { ...SAFETY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': '0', ...extra },
  body: null,
});

/**
 * The one answer to GET <link> on both hosts (Electron's mesa-doc: protocol, the web host's
 * /api/files/<token>): unknown or expired tokens are 404, the file is looked up by the token's
 * grant only (never a path from the request), and its real path must lie inside the blob store
 * (a symlink planted in the store cannot lead out). Supports one byte range (206) so audio and
 * video can seek.
 */
export async function respondToFileRequest(links: FileLinks, blobs: BlobStore, token: string, request: FileRequest): Promise<FileResponse> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, { Allow: 'GET, HEAD' });
  if (!TOKEN.test(token)) return plain(404);
  const grant = links.resolve(token);
  if (grant === null) return plain(404);
  const path = await guardedPath(blobs, grant.sha256);
  if (path === null) return plain(404);
  const size = (await stat(path)).size;
  const headers = { ...SAFETY_HEADERS, 'Content-Type': servedType(grant), 'Content-Disposition': contentDisposition(grant), 'Accept-Ranges': 'bytes' };
  const range = request.range === undefined ? null : parseRange(request.range, size);
  if (range === 'unsatisfiable') return plain(416, { 'Content-Range': `bytes */${size}` });
  const [start, end] = range ?? [0, size - 1];
  const length = size === 0 ? 0 : end - start + 1;
  const body = request.method === 'HEAD' || length === 0 ? null : { path, start, end };
  if (range === null) return { status: 200, headers: { ...headers, 'Content-Length': String(length) }, body };
  return { status: 206, headers: { ...headers, 'Content-Length': String(length), 'Content-Range': `bytes ${start}-${end}/${size}` }, body };
}

async function guardedPath(blobs: BlobStore, sha256: string): Promise<string | null> {
  try {
    const [root, real] = await Promise.all([realpath(blobs.root), realpath(blobs.pathOf(sha256))]);
    return real.startsWith(root + sep) ? real : null;
  } catch {
    return null;
  }
}

/**
 * The type the browser gets: the sniffed one, except that text and e-mail are always plain
 * UTF-8 text (an .eml or an HTML file saved as text is never rendered as a page).
 */
function servedType(grant: LinkGrant): string {
  if (grant.mediaType === 'text/plain' || grant.mediaType === 'message/rfc822') return 'text/plain; charset=utf-8';
  return grant.mediaType;
}

/** RFC 6266 with an ASCII fallback and the exact UTF-8 name as RFC 5987 filename*. */
export function contentDisposition(grant: Pick<LinkGrant, 'fileName' | 'disposition'>): string {
  const fallback = grant.fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(grant.fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${grant.disposition}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/**
 * One range of 'bytes=a-b', 'bytes=a-' or 'bytes=-n'. Anything else (several ranges, other
 * units, garbage) is ignored and the whole file is sent, which RFC 9110 allows; a range that
 * starts past the end is unsatisfiable (416).
 */
export function parseRange(header: string, size: number): [number, number] | 'unsatisfiable' | null {
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match) return null;
  const [, first = '', last = ''] = match;
  if (first === '' && last === '') return null;
  if (first === '') {
    const suffix = Number(last);
    if (suffix === 0) return 'unsatisfiable';
    return size === 0 ? 'unsatisfiable' : [Math.max(0, size - suffix), size - 1];
  }
  const start = Number(first);
  const end = last === '' ? size - 1 : Math.min(Number(last), size - 1);
  if (start >= size) return 'unsatisfiable';
  if (end < start) return null;
  return [start, end];
}
