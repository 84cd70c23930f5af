import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { dispatch } from '../../../electron/core/api/dispatch';
import { openCore, type MesaCore } from '../../../electron/core/core';
import { startPlatformServer } from '../../../electron/platform-server/server';
import type { SyncStatus } from '../../../shared/contract/sync';
import { createMemorySecretStore } from './memory-secret-store';

export type PlatformServer = Awaited<ReturnType<typeof startPlatformServer>>;

export const makeTempDir = (): Promise<string> => mkdtemp(join(tmpdir(), 'mesa-sync-'));
export const removeDir = (dir: string): Promise<void> => rm(dir, { recursive: true, force: true });

/** A fixed "now" for seeding, so every run gets the same demo center. */
export const SEED_NOW = new Date('2026-04-04T15:00:00.000Z');

export function startServer(dir: string, seed: { cases: number; messagesPerCase?: number } = { cases: 80, messagesPerCase: 6 }, port = 0): Promise<PlatformServer> {
  return startPlatformServer({ databasePath: join(dir, 'platform.sqlite'), port, seed: { ...seed, now: SEED_NOW }, control: true });
}

/** Calls the server's control API (fault switches, parties, touches). */
export async function control(server: PlatformServer, method: 'GET' | 'PUT' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: { 'x-control-token': server.controlToken ?? '', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`control ${method} ${path}: ${response.status} ${text}`);
  return JSON.parse(text) as unknown;
}

export const setFaults = (server: PlatformServer, settings: Record<string, unknown>) => control(server, 'PUT', '/__control/faults', settings);

export function mediatorAccount(server: PlatformServer, index = 0) {
  const account = server.accounts.filter((a) => a.role === 'mediator')[index];
  if (!account) throw new Error('no such mediator account');
  return account;
}

export interface SyncedCore {
  readonly core: MesaCore;
  readonly secrets: ReturnType<typeof createMemorySecretStore>;
  readonly statuses: SyncStatus[];
  call<T = unknown>(name: string, input?: unknown): Promise<T>;
}

/** Opens a core on dir/file against the server (not signed in yet unless a token is in `secrets`). */
export async function openSyncedCore(
  path: string,
  server: PlatformServer | { url: string },
  options: { secrets?: ReturnType<typeof createMemorySecretStore>; pollIntervalMs?: number; backoff?: { baseMs: number; maxMs: number }; requestTimeoutMs?: number } = {},
): Promise<SyncedCore> {
  const secrets = options.secrets ?? createMemorySecretStore();
  const core = await openCore({
    databasePath: path,
    host: 'web',
    appVersion: 'test',
    platform: {
      url: server.url,
      secretStore: secrets,
      pollIntervalMs: options.pollIntervalMs ?? 60_000,
      backoff: options.backoff ?? { baseMs: 50, maxMs: 400 },
      requestTimeoutMs: options.requestTimeoutMs ?? 5_000,
    },
  });
  const statuses: SyncStatus[] = [];
  core.events.subscribe((name, payload) => {
    if (name === 'syncStatusChanged') statuses.push(payload as SyncStatus);
  });
  return {
    core,
    secrets,
    statuses,
    async call<T>(name: string, input?: unknown): Promise<T> {
      const result = await dispatch(core.handlers, name, input ?? {});
      if (!result.ok) throw new Error(`${name}: ${result.error.code} ${result.error.message}`);
      return result.value as T;
    },
  };
}

/** Polls `condition` until it holds or the deadline passes (no fixed sleeps in tests). */
export async function waitFor<T>(condition: () => Promise<T | undefined | null | false> | T | undefined | null | false, what: string, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await condition();
      if (value !== undefined && value !== null && value !== false) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Signs in and waits until the first full sync is done (state idle, nothing pending). */
export async function signInAndSync(synced: SyncedCore, account: { email: string; password: string }): Promise<SyncStatus> {
  const status = await synced.call<SyncStatus>('signIn', { email: account.email, password: account.password });
  if (status.state === 'signed_out') throw new Error(`sign-in refused: ${JSON.stringify(status.error)}`);
  return synced.call<SyncStatus>('syncNow');
}

/** Reads the platform's own SQLite (read-only) — e.g. to count messages per clientId. */
export function platformQuery<T>(dir: string, sql: string, ...params: unknown[]): T[] {
  const db = new BetterSqlite3(join(dir, 'platform.sqlite'), { readonly: true, fileMustExist: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}

/** A content hash of the synced tables (and the feed position), to prove a refused page wrote nothing. */
export function contentHash(store: BetterSqlite3.Database): string {
  const tables = ['cases', 'parties', 'deadlines', 'messages', 'outbox', 'sync_state', 'conflicts', 'case_assignments', 'platform_documents', 'sessions', 'agreements', 'audit_log', 'notes'];
  const parts = tables.map((table) => JSON.stringify(store.prepare(`SELECT * FROM ${table} ORDER BY 1, 2`).all()));
  return createHashHex(parts.join('\n'));
}

import { createHash } from 'node:crypto';
const createHashHex = (text: string): string => createHash('sha256').update(text).digest('hex');
