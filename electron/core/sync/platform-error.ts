import type { CaseBundle } from '../../../shared/domain/case';
import type { PlatformSession } from '../../../shared/platform/records';

/**
 * Every way a platform call can fail, as the engine needs to tell them apart:
 * - offline: no connection (refused, reset, socket hang up, DNS) — retry with backoff;
 * - timeout: no answer within the request's time limit — retry with backoff;
 * - unauthorized: 401 (bad or expired token) — stop until the user signs in again;
 * - rate_limited: 429 — retry at `retryAt` (Retry-After) or with backoff;
 * - server_error: 5xx — retry with backoff;
 * - invalid_response: malformed JSON or a body the route's schema refuses — apply nothing;
 * - conflict: 409 — the record changed on the platform; `current` is its version, when sent;
 * - rejected: any other 4xx — the platform will never accept this request as it is.
 */
export type PlatformErrorKind = 'offline' | 'timeout' | 'unauthorized' | 'rate_limited' | 'server_error' | 'invalid_response' | 'conflict' | 'rejected';

export class PlatformError extends Error {
  readonly kind: PlatformErrorKind;
  readonly status: number | null;
  /** When the platform asked us to come back (Retry-After), as epoch ms. */
  readonly retryAt: number | null;
  /** The platform's current bundle, on a 409 for a case. */
  readonly current: CaseBundle | null;
  /** The platform's error code when it sent one (e.g. token_expired). */
  readonly platformCode: string | null;
  /** The platform's current session, on a 409/422 for a session. */
  readonly currentSession: PlatformSession | null;

  constructor(
    kind: PlatformErrorKind,
    message: string,
    details: { status?: number | null; retryAt?: number | null; current?: CaseBundle | null; platformCode?: string | null; currentSession?: PlatformSession | null } = {},
  ) {
    super(message);
    this.name = 'PlatformError';
    this.kind = kind;
    this.status = details.status ?? null;
    this.retryAt = details.retryAt ?? null;
    this.current = details.current ?? null;
    this.platformCode = details.platformCode ?? null;
    this.currentSession = details.currentSession ?? null;
  }

  /** Worth trying again later, unchanged. */
  get transient(): boolean {
    return this.kind === 'offline' || this.kind === 'timeout' || this.kind === 'rate_limited' || this.kind === 'server_error' || this.kind === 'invalid_response';
  }
}

/** Retry-After as seconds ("120") or an HTTP-date; epoch ms, or null when absent or unreadable. */
export function parseRetryAfter(value: string | null, nowMs: number): number | null {
  if (value === null) return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return nowMs + Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? null : Math.max(nowMs, date);
}

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENETDOWN',
  'ECONNABORTED',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
]);
const TIMEOUT_CODES = new Set(['ETIMEDOUT', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);

const codeOf = (error: unknown): string | undefined =>
  typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' ? error.code : undefined;

/**
 * Classifies what fetch (undici) threw: its TypeError('fetch failed') hides the socket error in
 * `cause` (sometimes nested). `aborted` says our own timeout fired.
 */
export function classifyFetchFailure(error: unknown, aborted: boolean, what: string): PlatformError {
  if (aborted) return new PlatformError('timeout', `${what}: no answer in time`);
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current !== undefined && current !== null; depth += 1) {
    const code = codeOf(current);
    if (code && TIMEOUT_CODES.has(code)) return new PlatformError('timeout', `${what}: ${code}`);
    if (code && NETWORK_CODES.has(code)) return new PlatformError('offline', `${what}: ${code}`);
    const message = current instanceof Error ? current.message : '';
    if (/socket hang up|other side closed|terminated|network|ECONNRESET|ECONNREFUSED/i.test(message)) {
      return new PlatformError('offline', `${what}: ${message}`);
    }
    current = typeof current === 'object' && 'cause' in current ? (current as { cause?: unknown }).cause : undefined;
  }
  const message = error instanceof Error ? error.message : String(error);
  // fetch only throws for transport failures (HTTP errors are responses), so anything left is one too.
  return new PlatformError('offline', `${what}: ${message}`);
}
