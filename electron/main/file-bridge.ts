// Files between the renderer and the core in the desktop app: uploads arrive on one IPC
// channel (staged by the core), and linked files are served on the privileged mesa-doc:
// scheme. Both depend on tiny interfaces, so tests run them under plain Node.
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import type { CoreFiles } from '../core/documents/document-service';
import { ELECTRON_FILE_URL_PREFIX } from '../core/documents/file-links';
import { AppError } from '../../shared/contract/errors';
import { STAGE_FILE_CHANNEL, StageFileMessage, type StagedFile } from '../../shared/contract/files';
import { fail, ok, type Result } from '../../shared/contract/result';
import type { InvokeEventLike, IpcRegistrar } from './ipc-binding';

export const FILE_SCHEME = 'mesa-doc';

/** For protocol.registerSchemesAsPrivileged, before the app is ready. */
export const FILE_SCHEME_PRIVILEGES = {
  scheme: FILE_SCHEME,
  // standard: URLs parse with a host; secure: counts as a secure context like https;
  // supportFetchAPI + corsEnabled: pdfjs fetches bytes; stream: media elements can seek.
  privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, stream: true },
} as const;

export interface StagingBindOptions {
  readonly files: Pick<CoreFiles, 'stage'>;
  readonly isTrustedFrameUrl: (url: string) => boolean;
}

/** Registers the staging channel; answered only for our renderer's top frame, like the operations. */
export function bindStaging(ipc: IpcRegistrar, options: StagingBindOptions): () => void {
  ipc.handle(STAGE_FILE_CHANNEL, async (event: InvokeEventLike, input: unknown): Promise<Result<StagedFile>> => {
    const frame = event.senderFrame;
    if (frame === null || frame.parent !== null || !options.isTrustedFrameUrl(frame.url)) return fail({ code: 'forbidden', message: 'IPC from an untrusted frame' });
    const message = StageFileMessage.safeParse(input);
    if (!message.success) return fail({ code: 'invalid_input', message: 'Expected { fileName, bytes: ArrayBuffer }' });
    try {
      const bytes = message.data.bytes instanceof Uint8Array ? message.data.bytes : new Uint8Array(message.data.bytes);
      return ok(await options.files.stage([bytes], message.data.fileName, bytes.byteLength));
    } catch (error) {
      if (error instanceof AppError) return fail(error.toShape());
      throw error;
    }
  });
  return () => ipc.removeHandler(STAGE_FILE_CHANNEL);
}

/**
 * The mesa-doc: protocol handler: mesa-doc://file/<token> → the core's answer, streamed.
 * The renderer (file:// or the dev server) is another origin, so the answer allows CORS for
 * reading; the token, not the origin, is the capability.
 */
export async function respondToFileUrl(files: Pick<CoreFiles, 'respond'>, request: Pick<Request, 'url' | 'method' | 'headers'>): Promise<Response> {
  const token = request.url.startsWith(ELECTRON_FILE_URL_PREFIX) ? request.url.slice(ELECTRON_FILE_URL_PREFIX.length) : '';
  const answer = await files.respond(token, { method: request.method, range: request.headers.get('range') ?? undefined });
  const headers = new Headers({ ...answer.headers, 'Access-Control-Allow-Origin': '*', 'Access-Control-Expose-Headers': 'Content-Length, Content-Range, Content-Disposition' });
  const body = answer.body === null ? null : (Readable.toWeb(createReadStream(answer.body.path, { start: answer.body.start, end: answer.body.end })) as ReadableStream<Uint8Array>);
  return new Response(body, { status: answer.status, headers });
}
