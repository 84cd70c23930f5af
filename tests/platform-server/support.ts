// Starts a real reference platform server on a temp SQLite file and talks to it over HTTP,
// checking every success answer against its route's response schema.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { v7 as uuidv7 } from 'uuid';
import { expect } from 'vitest';
import type { PlatformRouteName } from '../../shared/platform/api';
import { PlatformErrorBody, platformRoutes } from '../../shared/platform/api';
import { startPlatformServer } from '../../electron/platform-server/server';

export type Server = Awaited<ReturnType<typeof startPlatformServer>>;

export interface Harness {
  readonly server: Server;
  readonly databasePath: string;
  /** A read-only connection to the server's own file (the assignment table is the truth). */
  readonly db: BetterSqlite3.Database;
  close(): Promise<void>;
}

/** Fixed "now" so the seeded store is the same on every run. */
export const SEED_NOW = new Date('2026-05-04T15:00:00.000Z');

export async function startHarness(seed: { cases: number; messagesPerCase?: number } = { cases: 120 }): Promise<Harness> {
  const dir = mkdtempSync(join(tmpdir(), 'mesa-platform-'));
  const databasePath = join(dir, 'platform.sqlite3');
  const server = await startPlatformServer({ databasePath, seed: { ...seed, now: SEED_NOW }, control: true });
  const db = new BetterSqlite3(databasePath, { readonly: true });
  return {
    server,
    databasePath,
    db,
    async close() {
      db.close();
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface Answer {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  readonly json: unknown;
}

export async function request(server: Server, method: string, path: string, options: { token?: string; body?: unknown; headers?: Record<string, string> } = {}): Promise<Answer> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.Authorization = `Bearer ${options.token}`;
  if (options.body !== undefined) headers['Content-Type'] ??= 'application/json';
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers,
    body: options.body === undefined ? undefined : typeof options.body === 'string' ? options.body : JSON.stringify(options.body),
  });
  const text = await res.text();
  let json: unknown = undefined;
  try {
    json = JSON.parse(text);
  } catch {
    /* left undefined: malformed on purpose in some tests */
  }
  return { status: res.status, headers: res.headers, text, json };
}

const fill = (path: string, caseId?: string): string => (caseId === undefined ? path : path.replace('{caseId}', encodeURIComponent(caseId)));

/**
 * Calls a platform route. A 2xx answer must validate against the route's response schema,
 * an error answer against PlatformErrorBody: the self-check every test gets for free.
 */
export async function call(
  server: Server,
  name: PlatformRouteName,
  options: { token?: string; caseId?: string; body?: unknown; query?: Record<string, string>; headers?: Record<string, string> } = {},
): Promise<Answer> {
  const spec = platformRoutes[name];
  const query = options.query ? `?${new URLSearchParams(options.query).toString()}` : '';
  const answer = await request(server, spec.method, fill(spec.path, options.caseId) + query, options);
  if (answer.status >= 200 && answer.status < 300) {
    const parsed = spec.response.safeParse(answer.json);
    expect(parsed.success, `${name} response schema: ${parsed.success ? '' : parsed.error.message}`).toBe(true);
  } else {
    expect(PlatformErrorBody.safeParse(answer.json).success, `${name} error body: ${answer.text}`).toBe(true);
  }
  return answer;
}

export async function signIn(server: Server, userId: string): Promise<string> {
  const account = server.accounts.find((a) => a.userId === userId);
  if (!account) throw new Error(`no account ${userId}`);
  const answer = await call(server, 'signIn', { body: { email: account.email, password: account.password } });
  expect(answer.status).toBe(200);
  return (answer.json as { token: string }).token;
}

export const control = (server: Server, method: string, path: string, body?: unknown): Promise<Answer> =>
  request(server, method, `/__control${path}`, { body, headers: { 'X-Control-Token': server.controlToken ?? '' } });

export const newClientId = (): string => uuidv7();

export const errorCode = (answer: Answer): string | undefined => (answer.json as { error?: { code?: string } } | undefined)?.error?.code;

interface CaseRowInfo {
  id: string;
  mediator_id: string;
  assignment: string | null;
  stage: string;
  sub_state: string | null;
  version: number;
}

/** Cases as the server's tables hold them. */
export const casesInDb = (db: BetterSqlite3.Database): CaseRowInfo[] =>
  db
    .prepare<[], CaseRowInfo>(
      "SELECT id, mediator_id, assignment, json_extract(bundle, '$.case.stage') AS stage, json_extract(bundle, '$.case.subState') AS sub_state, version FROM cases ORDER BY id",
    )
    .all();

/** A mediation case of some mediator (optionally in a given sub-state). */
export function mediationCase(db: BetterSqlite3.Database, subState?: string): CaseRowInfo {
  const found = casesInDb(db).find((c) => c.stage === 'mediation' && (subState === undefined || c.sub_state === subState));
  if (!found) throw new Error('no mediation case in the seeded store');
  return found;
}
