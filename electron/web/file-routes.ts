// The web host's two file routes. Bytes go straight between the socket and the core's
// staging area or blob store: never through JSON, never buffered whole in memory.
import { createReadStream } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CoreFiles } from '../core/documents/document-service';
import { AppError } from '../../shared/contract/errors';
import { fail, ok, type Result } from '../../shared/contract/result';

/** Headers of the host added to every file the core serves (the core sets the file's own CSP). */
const HOST_FILE_HEADERS = {
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Resource-Policy': 'same-origin',
} as const;

const declaredLength = (req: IncomingMessage): number | undefined => {
  const value = Number(req.headers['content-length']);
  return Number.isSafeInteger(value) && value >= 0 ? value : undefined;
};

/**
 * POST /api/staged?name=… : streams the body into the core's staging area. A Content-Length
 * over the limit is refused before reading; a body that grows past it is refused as it
 * arrives. On refusal the rest of the body is drained, not read into memory, and the
 * connection is closed after the answer.
 */
export async function handleStaging(files: CoreFiles, req: IncomingMessage, query: URLSearchParams, send: (status: number, body: Result<unknown>) => void): Promise<void> {
  const name = query.get('name') ?? '';
  if (name.trim() === '') {
    req.resume();
    return send(400, fail({ code: 'invalid_input', message: 'Missing ?name=' }));
  }
  try {
    // The iterator must not destroy the request when staging stops early: the answer still goes out on it.
    const staged = await files.stage(req.iterator({ destroyOnReturn: false }), name, declaredLength(req));
    send(200, ok(staged));
  } catch (error) {
    req.resume();
    if (!(error instanceof AppError)) throw error;
    const tooLarge = error.issues?.some((issue) => issue.reason === 'too_large') === true;
    send(tooLarge ? 413 : 422, fail(error.toShape()));
  }
}

/** GET|HEAD /api/files/<token>: the core decides everything; this only streams the bytes. */
export async function handleFileRequest(files: CoreFiles, req: IncomingMessage, res: ServerResponse, token: string): Promise<void> {
  const answer = await files.respond(token, { method: req.method ?? 'GET', range: req.headers.range });
  res.writeHead(answer.status, { ...answer.headers, ...HOST_FILE_HEADERS });
  if (answer.body === null) {
    res.end();
    return;
  }
  createReadStream(answer.body.path, { start: answer.body.start, end: answer.body.end })
    .on('error', () => res.destroy())
    .pipe(res);
}
