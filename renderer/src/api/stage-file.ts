import { AppErrorShape } from '../../../shared/contract/errors';
import { StagedFile, type DesktopFiles } from '../../../shared/contract/files';
import type { Result } from '../../../shared/contract/result';
import { storedWebHostSecret } from './secret';

const transportError = (code: 'db_unavailable' | 'forbidden' | 'internal', message: string): Result<never> => ({ ok: false, error: { code, message } });

/**
 * Hands a picked or dropped file to the core before importDocument consumes it, on either host:
 * the desktop preload's `stageFile` (IPC), or the web host's POST /api/staged (streamed body).
 * Refusals come back as Result errors with a `reason` (documentRefusal.*), never as a throw.
 */
export async function stageFile(file: Blob, fileName = file instanceof File ? file.name : 'archivo'): Promise<Result<StagedFile>> {
  const desktop = (window.mesa as Partial<DesktopFiles> | undefined)?.stageFile;
  if (desktop) return desktop(file, fileName);
  const secret = storedWebHostSecret();
  let response: Response;
  try {
    response = await fetch(`${window.location.origin}/api/staged?name=${encodeURIComponent(fileName)}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/octet-stream', ...(secret ? { Authorization: `Bearer ${secret}` } : {}) },
      body: file,
      credentials: 'omit',
    });
  } catch (error) {
    return transportError('db_unavailable', `Web host unreachable while staging: ${error instanceof Error ? error.message : String(error)}`);
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  return toStagedResult(body, response.status);
}

/** Validates the host's answer like the operation client does. */
export function toStagedResult(body: unknown, status: number): Result<StagedFile> {
  if (typeof body !== 'object' || body === null || typeof (body as { ok?: unknown }).ok !== 'boolean') {
    return transportError(status === 401 || status === 403 ? 'forbidden' : 'internal', `Malformed staging answer (HTTP ${status})`);
  }
  const envelope = body as { ok: boolean; value?: unknown; error?: unknown };
  if (!envelope.ok) {
    const error = AppErrorShape.safeParse(envelope.error);
    return error.success ? { ok: false, error: error.data } : transportError('internal', 'Malformed staging error');
  }
  const value = StagedFile.safeParse(envelope.value);
  return value.success ? { ok: true, value: value.data } : transportError('internal', 'Staging answer does not match StagedFile');
}
