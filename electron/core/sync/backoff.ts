/**
 * Exponential backoff with jitter: the n-th consecutive failure waits base·2^(n-1), capped,
 * then scaled by a random factor in [0.5, 1) ("equal jitter"), so many clients that failed
 * together do not come back together, yet none retries sooner than half the nominal delay.
 */
export interface BackoffPolicy {
  readonly baseMs: number;
  readonly maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 1_000, maxMs: 30_000 };

export function backoffDelay(failures: number, policy: BackoffPolicy, random: () => number = Math.random): number {
  const exponent = Math.min(Math.max(failures - 1, 0), 30);
  const nominal = Math.min(policy.maxMs, policy.baseMs * 2 ** exponent);
  return Math.round(nominal * (0.5 + random() * 0.5));
}
