// The web host's per-request security decisions, as small pure functions.
import { createHash, timingSafeEqual } from 'node:crypto';

/** DNS-rebinding guard: a page on evil.example resolving to 127.0.0.1 still sends Host: evil.example. */
export const isAllowedHost = (host: string | undefined, port: number): boolean =>
  host === `127.0.0.1:${port}` || host === `localhost:${port}`;

/** The only origins allowed to call the API: our own page, under either loopback name. */
export const isAllowedOrigin = (origin: string | undefined, port: number): boolean =>
  origin === undefined || origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`;

/** Constant-time secret comparison (hashing first makes the lengths equal, so length leaks nothing either). */
export function secretMatches(candidate: string | undefined | null, secret: string): boolean {
  if (typeof candidate !== 'string' || candidate === '') return false;
  const digest = (value: string): Buffer => createHash('sha256').update(value, 'utf8').digest();
  return timingSafeEqual(digest(candidate), digest(secret));
}

/** The token of an `Authorization: Bearer <token>` header, or null. */
export function bearerToken(header: string | undefined): string | null {
  if (typeof header !== 'string') return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1] ?? null;
}

/** application/json, with or without parameters such as charset=utf-8. */
export function isJsonContentType(header: string | undefined): boolean {
  if (typeof header !== 'string') return false;
  const mediaType = header.split(';', 1)[0]?.trim().toLowerCase();
  return mediaType === 'application/json';
}
