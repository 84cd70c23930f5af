import { AppErrorShape, type ErrorCode } from '../../../shared/contract/errors';
import { operations, type OperationName } from '../../../shared/contract/operations';
import type { Result } from '../../../shared/contract/result';

/**
 * Transport failures as Result errors (never a rejected promise):
 * - the host cannot be reached (fetch rejects: host stopped, connection reset) → `db_unavailable`:
 *   the store behind the operations is out of reach, nothing was written, retrying is right;
 * - 401/403 (missing or wrong secret) → `forbidden`;
 * - a response that is not a valid Result for this operation → `internal` (a contract mismatch).
 */
const transportError = (code: ErrorCode, message: string): Result<never> => ({ ok: false, error: { code, message } });

const isRecord = (value: unknown): value is Readonly<Record<string, unknown>> => typeof value === 'object' && value !== null;

async function readJson(response: Response): Promise<unknown> {
  try {
    return (await response.json()) as unknown;
  } catch {
    return undefined;
  }
}

/** Checks the Result envelope and validates the value against the operation's output schema. */
function toResult(name: OperationName, body: unknown, status: number): Result<unknown> {
  if (!isRecord(body) || typeof body.ok !== 'boolean') {
    if (status === 401 || status === 403) return transportError('forbidden', `HTTP ${status} from ${name}`);
    return transportError('internal', `Malformed response from ${name} (HTTP ${status})`);
  }
  if (!body.ok) {
    const error = AppErrorShape.safeParse(body.error);
    return error.success ? { ok: false, error: error.data } : transportError('internal', `Malformed error from ${name}`);
  }
  const value = operations[name].output.safeParse(body.value);
  if (!value.success) return transportError('internal', `Response of ${name} does not match the contract: ${value.error.message.slice(0, 300)}`);
  return { ok: true, value: value.data };
}

export function createHttpCaller(baseUrl: string, secret: string | null) {
  return async function call(name: OperationName, input: unknown): Promise<Result<unknown>> {
    let response: Response;
    try {
      response = await fetch(`${baseUrl}/api/op/${encodeURIComponent(name)}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...(secret ? { Authorization: `Bearer ${secret}` } : {}) },
        body: JSON.stringify(input ?? {}),
        credentials: 'omit',
      });
    } catch (error) {
      return transportError('db_unavailable', `Web host unreachable for ${name}: ${error instanceof Error ? error.message : String(error)}`);
    }
    return toResult(name, await readJson(response), response.status);
  };
}
