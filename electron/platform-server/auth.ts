// Accounts and bearer tokens. A reference server for development and tests: scrypt with a
// modest cost keeps sign-in fast in tests; only token hashes are stored.
import { createHash, randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import type { Mediator } from '../../shared/domain/people';
import type { PlatformDb } from './database';
import { PlatformHttpError } from './http';

/** Tokens live 8 hours, a working day. */
export const TOKEN_TTL_MS = 8 * 60 * 60 * 1000;
const SCRYPT = { N: 4096, r: 8, p: 1 } as const;

const hashPassword = (password: string, salt: string): string => scryptSync(password, salt, 32, SCRYPT).toString('hex');
const hashToken = (token: string): string => createHash('sha256').update(token, 'utf8').digest('hex');

export function insertUser(db: PlatformDb, user: Mediator, password: string): void {
  const salt = randomBytes(16).toString('hex');
  db.prepare('INSERT INTO users (id, email, name, role, password_salt, password_hash) VALUES (?, ?, ?, ?, ?, ?)').run(
    user.id,
    user.email.toLowerCase(),
    user.name,
    user.role,
    salt,
    hashPassword(password, salt),
  );
}

export interface Session {
  readonly token: string;
  readonly expiresAt: string;
  readonly user: Mediator;
}

export type Auth = ReturnType<typeof authService>;

export function authService(db: PlatformDb) {
  const byEmail = db.prepare<[string], Mediator & { password_salt: string; password_hash: string }>(
    'SELECT id, name, email, role, password_salt, password_hash FROM users WHERE email = ?',
  );
  const insertToken = db.prepare('INSERT INTO tokens (token_hash, user_id, expires_at) VALUES (?, ?, ?)');
  const tokenUser = db.prepare<[string], Mediator & { expires_at: number }>(
    'SELECT u.id, u.name, u.email, u.role, t.expires_at FROM tokens t JOIN users u ON u.id = t.user_id WHERE t.token_hash = ?',
  );
  const expireAll = db.prepare('UPDATE tokens SET expires_at = ? WHERE expires_at > ?');

  return {
    /** 401 unauthorized for an unknown e-mail or a wrong password alike (no account probing). */
    signIn(email: string, password: string, now = Date.now()): Session {
      const row = byEmail.get(email.toLowerCase());
      const candidate = hashPassword(password, row?.password_salt ?? 'no-such-user');
      if (!row || !timingSafeEqual(Buffer.from(candidate, 'hex'), Buffer.from(row.password_hash, 'hex'))) {
        throw new PlatformHttpError(401, 'unauthorized', 'Wrong e-mail or password');
      }
      const token = randomBytes(32).toString('base64url');
      const expiresAt = now + TOKEN_TTL_MS;
      insertToken.run(hashToken(token), row.id, expiresAt);
      return { token, expiresAt: new Date(expiresAt).toISOString(), user: { id: row.id, name: row.name, email: row.email, role: row.role } };
    },

    /** The user of a bearer token; 401 unauthorized (missing/unknown) or token_expired. */
    authenticate(token: string | null, now = Date.now()): Mediator {
      if (token === null) throw new PlatformHttpError(401, 'unauthorized', 'Authorization: Bearer <token> required', undefined, { 'WWW-Authenticate': 'Bearer' });
      const row = tokenUser.get(hashToken(token));
      if (!row) throw new PlatformHttpError(401, 'unauthorized', 'Unknown token', undefined, { 'WWW-Authenticate': 'Bearer' });
      if (row.expires_at <= now) {
        throw new PlatformHttpError(401, 'token_expired', 'Token expired; sign in again', undefined, { 'WWW-Authenticate': 'Bearer error="invalid_token"' });
      }
      return { id: row.id, name: row.name, email: row.email, role: row.role };
    },

    /** Fault switch: every token issued so far is expired from now on. */
    expireAllTokens(now = Date.now()): number {
      return expireAll.run(now, now).changes;
    },
  };
}
