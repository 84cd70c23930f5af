// Idempotency by (user, clientId): the first successful response is stored in the write's own
// transaction and handed back on every retry, so a retry never runs the write twice. Refusals
// (403, 409, 422) are not stored: they changed nothing, and the same request is judged again.
import { createHash } from 'node:crypto';
import type { PlatformRouteName } from '../../shared/platform/api';
import type { PlatformDb } from './database';
import { PlatformHttpError } from './http';

export interface Replay {
  readonly body: unknown;
}

export type Idempotency = ReturnType<typeof idempotencyStore>;

export function idempotencyStore(db: PlatformDb) {
  const find = db.prepare<[string, string], { route: string; fingerprint: string; response: string }>(
    'SELECT route, fingerprint, response FROM idempotency WHERE user_id = ? AND client_id = ?',
  );
  const insert = db.prepare('INSERT INTO idempotency (user_id, client_id, route, fingerprint, response) VALUES (?, ?, ?, ?, ?)');
  const fingerprintOf = (caseId: string, body: unknown): string => createHash('sha256').update(`${caseId}\n${JSON.stringify(body)}`).digest('hex');

  return {
    /** The stored response of an earlier identical request; 422 when the clientId was used for a different one. */
    replay(userId: string, clientId: string, route: PlatformRouteName, caseId: string, body: unknown): Replay | null {
      const row = find.get(userId, clientId);
      if (!row) return null;
      if (row.route !== route || row.fingerprint !== fingerprintOf(caseId, body)) {
        throw new PlatformHttpError(422, 'invalid_request', 'This clientId was already used for a different request');
      }
      return { body: JSON.parse(row.response) };
    },

    record(userId: string, clientId: string, route: PlatformRouteName, caseId: string, body: unknown, response: unknown): void {
      insert.run(userId, clientId, route, fingerprintOf(caseId, body), JSON.stringify(response));
    },
  };
}
