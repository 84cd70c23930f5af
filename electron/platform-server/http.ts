// HTTP plumbing of the platform server: JSON answers, PlatformErrorBody errors, bounded bodies.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CaseBundle } from '../../shared/domain/case';
import type { PlatformErrorBody, PlatformErrorCode } from '../../shared/platform/api';
import type { PlatformSession } from '../../shared/platform/records';

/** Largest accepted request body: a 10 000-character message is ~40 KB in UTF-8. */
export const MAX_BODY_BYTES = 256 * 1024;

/** A refusal the route handlers throw; the server turns it into a PlatformErrorBody. */
export class PlatformHttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: PlatformErrorCode,
    message: string,
    readonly current?: CaseBundle,
    readonly headers: Readonly<Record<string, string>> = {},
    /** On 409 (or 422) for a session: the platform's current version of it. */
    readonly currentSession?: PlatformSession,
  ) {
    super(message);
  }
}

export const errorBody = (code: PlatformErrorCode, message: string, current?: CaseBundle, currentSession?: PlatformSession): PlatformErrorBody => ({
  error: { code, message },
  ...(current === undefined ? {} : { current }),
  ...(currentSession === undefined ? {} : { currentSession }),
});

/** Sends JSON; `body` may already be serialized (the feed builds its page as a string). */
export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Readonly<Record<string, string>> = {}): void {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    ...headers,
  });
  res.end(text);
}

export function sendError(res: ServerResponse, error: PlatformHttpError): void {
  sendJson(res, error.status, errorBody(error.code, error.message, error.current, error.currentSession), error.headers);
}

/** application/json, with or without parameters such as charset=utf-8. */
export function isJsonContentType(header: string | undefined): boolean {
  const mediaType = header?.split(';', 1)[0]?.trim().toLowerCase();
  return mediaType === 'application/json';
}

/** The JSON body, or a PlatformHttpError (413 too large, 415 not JSON, 400 malformed). */
export async function readJsonBody(req: IncomingMessage): Promise<unknown> {
  if (!isJsonContentType(req.headers['content-type'])) {
    req.resume();
    throw new PlatformHttpError(415, 'invalid_request', 'Content-Type must be application/json');
  }
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > MAX_BODY_BYTES) {
    req.resume();
    throw new PlatformHttpError(413, 'invalid_request', `Body over ${MAX_BODY_BYTES} bytes`);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) {
      req.resume();
      throw new PlatformHttpError(413, 'invalid_request', `Body over ${MAX_BODY_BYTES} bytes`);
    }
    chunks.push(chunk);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new PlatformHttpError(400, 'invalid_request', 'Malformed JSON body');
  }
}

/** The token of an `Authorization: Bearer <token>` header, or null. */
export function bearerToken(header: string | undefined): string | null {
  const match = typeof header === 'string' ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  return match?.[1] ?? null;
}
