// The web host: the built renderer and the operation contract over HTTP on 127.0.0.1, so the
// real UI runs in a real browser against the real core. Development and tests only — never
// packaged (electron-builder.yml ships out/main, out/preload and out/renderer only).
//
// Routes
//   GET  /, /<asset>        static files from rendererDir ('/' → index.html)
//   POST /api/op/<name>     Authorization: Bearer <secret>, JSON body → 200 + Result JSON
//   GET  /api/events        ?secret=<secret> (or Bearer) → text/event-stream of core events
//   POST /api/staged        ?name=<file name>, Bearer, raw body → Result<StagedFile> (uploads; bytes
//                           never travel through /api/op)
//   GET  /api/files/<token> a file the core linked (FileLink.url); the token is the capability
import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dispatch } from '../core/api/dispatch';
import type { MesaCore } from '../core/core';
import type { ErrorCode } from '../../shared/contract/errors';
import { fail, type Result } from '../../shared/contract/result';
import { CONTENT_SECURITY_POLICY } from '../../shared/security/csp';
import { bearerToken, isAllowedHost, isAllowedOrigin, isJsonContentType, secretMatches } from './request-guards';
import { handleFileRequest, handleStaging } from './file-routes';
import { contentTypeOf, resolveStaticFile } from './static-files';

/** Largest accepted request body: an imported .ics may be 2 MiB of text, which JSON escaping can double. */
export const MAX_BODY_BYTES = 5 * 1024 * 1024;
const HEARTBEAT_MS = 15_000;

export interface WebHostOptions {
  /** `files` is optional so transport tests can run on a stand-in core without a document store. */
  readonly core: Pick<MesaCore, 'handlers' | 'events'> & Partial<Pick<MesaCore, 'files'>>;
  /** The built renderer (out/renderer). */
  readonly rendererDir: string;
  /** 0 (default) picks a free port. */
  readonly port?: number;
  /** Per-run secret; a fresh random one when omitted. */
  readonly secret?: string;
}

export interface WebHost {
  /** Open this in a browser: the secret travels in the fragment, which is never sent to a server. */
  readonly url: string;
  readonly port: number;
  readonly secret: string;
  /** Stops listening and ends open event streams. Does not close the core (its owner does). */
  close(): Promise<void>;
}

const COMMON_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

function sendJson(res: ServerResponse, status: number, body: Result<unknown>, extra: Readonly<Record<string, string>> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...COMMON_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    ...extra,
  });
  res.end(text);
}

const failure = (code: ErrorCode, message: string): Result<never> => fail({ code, message });

type BodyRead = { readonly kind: 'ok'; readonly text: string } | { readonly kind: 'too_large' };

/** Reads the body up to `limit` bytes; past it, stops keeping bytes and reports too_large. */
function readBody(req: IncomingMessage, limit: number): Promise<BodyRead> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) {
    req.resume();
    return Promise.resolve({ kind: 'too_large' });
  }
  return new Promise((resolvePromise, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      if (tooLarge) return;
      size += chunk.length;
      if (size > limit) {
        tooLarge = true;
        chunks.length = 0;
        resolvePromise({ kind: 'too_large' });
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!tooLarge) resolvePromise({ kind: 'ok', text: Buffer.concat(chunks).toString('utf8') });
    });
    req.on('error', reject);
  });
}

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const secret = options.secret ?? randomBytes(32).toString('base64url');
  const { handlers, events } = options.core;
  const streams = new Set<ServerResponse>();
  let port = 0;

  async function handleOperation(req: IncomingMessage, res: ServerResponse, rawName: string): Promise<void> {
    if (!secretMatches(bearerToken(req.headers.authorization), secret)) {
      req.resume();
      return sendJson(res, 401, failure('forbidden', 'Missing or wrong secret'), { 'WWW-Authenticate': 'Bearer' });
    }
    if (!isJsonContentType(req.headers['content-type'])) {
      req.resume();
      return sendJson(res, 415, failure('invalid_input', 'Content-Type must be application/json'));
    }
    const body = await readBody(req, MAX_BODY_BYTES);
    if (body.kind === 'too_large') return sendJson(res, 413, failure('invalid_input', `Body over ${MAX_BODY_BYTES} bytes`));
    let input: unknown;
    try {
      input = body.text.trim() === '' ? undefined : JSON.parse(body.text);
    } catch {
      return sendJson(res, 400, failure('invalid_input', 'Malformed JSON body'));
    }
    let name: string;
    try {
      name = decodeURIComponent(rawName);
    } catch {
      name = rawName;
    }
    // Unknown names and invalid inputs are dispatch's answer, as over IPC: 200 with the error Result.
    sendJson(res, 200, await dispatch(handlers, name, input));
  }

  function handleEvents(req: IncomingMessage, res: ServerResponse, query: URLSearchParams): void {
    const candidate = query.get('secret') ?? bearerToken(req.headers.authorization);
    if (!secretMatches(candidate, secret)) return sendJson(res, 401, failure('forbidden', 'Missing or wrong secret'));
    res.writeHead(200, {
      ...COMMON_HEADERS,
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
    });
    const unsubscribe = events.subscribe((name, payload) => {
      res.write(`event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`);
    });
    // Subscribed before this first line, so a client that has read it will not miss an event.
    res.write('retry: 2000\n: connected\n\n');
    const heartbeat = setInterval(() => res.write(': ping\n\n'), HEARTBEAT_MS);
    heartbeat.unref();
    streams.add(res);
    res.on('close', () => {
      clearInterval(heartbeat);
      unsubscribe();
      streams.delete(res);
    });
  }

  async function handleStatic(req: IncomingMessage, res: ServerResponse, rawPath: string): Promise<void> {
    const file = await resolveStaticFile(options.rendererDir, rawPath);
    if (file === null && rawPath === '/favicon.ico') {
      // Browsers ask for it unprompted; an empty answer keeps their consoles free of 404 noise.
      res.writeHead(204, { ...COMMON_HEADERS, 'Cache-Control': 'no-store' });
      res.end();
      return;
    }
    if (file === null) {
      res.writeHead(404, { ...COMMON_HEADERS, 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
      res.end('No encontrado / Not found');
      return;
    }
    const isIndex = file.endsWith('index.html');
    res.writeHead(200, {
      ...COMMON_HEADERS,
      'Content-Type': contentTypeOf(file),
      'Cache-Control': isIndex ? 'no-store' : 'no-cache',
    });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    createReadStream(file)
      .on('error', () => res.destroy())
      .pipe(res);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!isAllowedHost(req.headers.host, port)) {
      req.resume();
      return sendJson(res, 403, failure('forbidden', 'Host not allowed'));
    }
    if (!isAllowedOrigin(req.headers.origin, port)) {
      req.resume();
      return sendJson(res, 403, failure('forbidden', 'Origin not allowed'));
    }
    const rawUrl = req.url ?? '/';
    if (!rawUrl.startsWith('/')) return sendJson(res, 400, failure('invalid_input', 'Bad request target'));
    const queryStart = rawUrl.indexOf('?');
    const rawPath = queryStart === -1 ? rawUrl : rawUrl.slice(0, queryStart);
    const query = new URLSearchParams(queryStart === -1 ? '' : rawUrl.slice(queryStart + 1));
    const method = req.method ?? 'GET';

    const operation = /^\/api\/op\/([^/]+)$/.exec(rawPath);
    if (operation) {
      if (method !== 'POST') return sendJson(res, 405, failure('invalid_input', 'Use POST'), { Allow: 'POST' });
      return handleOperation(req, res, operation[1] ?? '');
    }
    if (rawPath === '/api/events') {
      if (method !== 'GET') return sendJson(res, 405, failure('invalid_input', 'Use GET'), { Allow: 'GET' });
      return handleEvents(req, res, query);
    }
    const files = options.core.files;
    if (rawPath === '/api/staged' && files) {
      if (method !== 'POST') return sendJson(res, 405, failure('invalid_input', 'Use POST'), { Allow: 'POST' });
      if (!secretMatches(bearerToken(req.headers.authorization), secret)) {
        req.resume();
        return sendJson(res, 401, failure('forbidden', 'Missing or wrong secret'), { 'WWW-Authenticate': 'Bearer' });
      }
      return handleStaging(files, req, query, (status, body) => sendJson(res, status, body, { Connection: 'close' }));
    }
    const file = /^\/api\/files\/([^/]+)$/.exec(rawPath);
    if (file && files) return handleFileRequest(files, req, res, file[1] ?? '');
    if (rawPath === '/api' || rawPath.startsWith('/api/')) return sendJson(res, 404, failure('not_found', 'No such API route'));
    if (method !== 'GET' && method !== 'HEAD') return sendJson(res, 405, failure('invalid_input', 'Use GET'), { Allow: 'GET, HEAD' });
    return handleStatic(req, res, rawPath);
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error('[mesa web] request failed', error);
      if (!res.headersSent) sendJson(res, 500, failure('internal', 'Internal error'));
      else res.destroy();
    });
  });

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolveListen();
    });
  });
  port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}/#secret=${secret}`,
    port,
    secret,
    close: () =>
      new Promise<void>((resolveClose) => {
        for (const stream of streams) stream.end();
        server.close(() => resolveClose());
        server.closeAllConnections();
      }),
  };
}
