import { chmod, copyFile, mkdir, open, writeFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, Migrator, sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../shared/contract/errors';
import { TransactionalDdlSqliteDialect } from '../../electron/core/db/dialect';
import { SCHEMA_VERSION } from '../../electron/core/db/migrations';
import { openStore } from '../../electron/core/db/store';
import { caseRepository } from '../../electron/core/repositories/case-repository';
import { NOW, makeBundles, makeTempDir, openTestStore, removeDir, sha256OfFile } from './support/fixtures';

let dir: string;
beforeEach(async () => {
  dir = await makeTempDir();
});
afterEach(async () => {
  await removeDir(dir);
});

/** Runs `open` and returns the AppError code it rejected with. */
async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return (error as AppError).code;
  }
  throw new Error('expected the open to be refused');
}

describe('openStore', () => {
  it('creates and migrates an empty file: tables, FTS, user_version, WAL, foreign keys', async () => {
    const path = join(dir, 'nested', 'mesa.sqlite');
    const store = await openStore(path);
    const tables = store.sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).pluck().all();
    expect(tables).toEqual(expect.arrayContaining(['cases', 'parties', 'deadlines', 'mediators', 'local_profile', 'notes', 'audit_log', 'cases_fts', 'notes_fts', 'messages', 'case_messages_fts', 'outbox', 'sync_state', 'conflicts']));
    expect(store.sqlite.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(store.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(store.sqlite.pragma('synchronous', { simple: true })).toBe(1); // NORMAL
    expect(store.sqlite.prepare('SELECT name FROM kysely_migration').pluck().all()).toEqual(['0001_initial', '0002_sync', '0003_schedule', '0004_case_message_search', '0005_documents', '0006_agreements']);
    store.close();
    store.close(); // idempotent
  });

  it('reopens an existing store without re-running migrations or losing data', async () => {
    const first = await openTestStore(dir);
    await caseRepository.importBundles(first, makeBundles(20), NOW);
    first.close();
    const second = await openStore(join(dir, 'mesa.sqlite'));
    expect(await caseRepository.count(second)).toBe(20);
    expect(second.sqlite.prepare('SELECT count(*) FROM kysely_migration').pluck().get()).toBe(SCHEMA_VERSION);
    second.close();
  });

  it('opens a store left by a crash (main file + unchecked WAL) with every committed case', async () => {
    const store = await openTestStore(dir);
    await caseRepository.importBundles(store, makeBundles(100), NOW);
    // Copy the files while the connection is still open: what a power cut leaves on disk.
    const crashed = join(dir, 'crashed');
    await mkdir(crashed);
    for (const suffix of ['', '-wal', '-shm']) await copyFile(join(dir, `mesa.sqlite${suffix}`), join(crashed, `mesa.sqlite${suffix}`));
    store.close();
    const recovered = await openStore(join(crashed, 'mesa.sqlite'));
    expect(await caseRepository.count(recovered)).toBe(100);
    recovered.close();
  });

  it('refuses a store whose user_version is newer, without modifying it', async () => {
    const path = join(dir, 'mesa.sqlite');
    (await openStore(path)).close();
    const raw = new BetterSqlite3(path);
    raw.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    raw.close();
    const before = await sha256OfFile(path);
    expect(await refusal(openStore(path))).toBe('db_newer_version');
    expect(await sha256OfFile(path)).toBe(before);
  });

  it('refuses a store that ran a migration this version does not know', async () => {
    const path = join(dir, 'mesa.sqlite');
    (await openStore(path)).close();
    const raw = new BetterSqlite3(path);
    raw.prepare(`INSERT INTO kysely_migration (name, timestamp) VALUES ('0002_from_the_future', '2030-01-01T00:00:00.000Z')`).run();
    raw.close();
    const before = await sha256OfFile(path);
    expect(await refusal(openStore(path))).toBe('db_newer_version');
    expect(await sha256OfFile(path)).toBe(before);
  });

  it('refuses a file of random bytes as db_corrupt and leaves it byte-for-byte intact', async () => {
    const path = join(dir, 'mesa.sqlite');
    await writeFile(path, randomBytes(64 * 1024));
    const before = await sha256OfFile(path);
    expect(await refusal(openStore(path))).toBe('db_corrupt');
    expect(await sha256OfFile(path)).toBe(before);
  });

  it('refuses a valid store with an overwritten page as db_corrupt and leaves it intact', async () => {
    const path = join(dir, 'mesa.sqlite');
    const store = await openTestStore(dir);
    await caseRepository.importBundles(store, makeBundles(300), NOW);
    store.close();
    const pageSize = 4096;
    const handle = await open(path, 'r+');
    const { size } = await handle.stat();
    const pages = Math.floor(size / pageSize);
    expect(pages).toBeGreaterThan(20);
    await handle.write(randomBytes(pageSize), 0, pageSize, Math.floor(pages / 2) * pageSize); // a middle page
    await handle.write(randomBytes(pageSize), 0, pageSize, 3 * pageSize);
    await handle.close();
    const before = await sha256OfFile(path);
    expect(await refusal(openStore(path))).toBe('db_corrupt');
    expect(await sha256OfFile(path)).toBe(before);
  });

  it('reports a path that is a directory as db_unavailable', async () => {
    const path = join(dir, 'a-folder');
    await mkdir(path);
    expect(await refusal(openStore(path))).toBe('db_unavailable');
  });

  // chmod 000 does not stop root (CAP_DAC_OVERRIDE), and CI containers often run as root.
  it.skipIf(process.getuid?.() === 0)('reports an unreadable file as db_unavailable (skipped as root: chmod cannot block root)', async () => {
    const path = join(dir, 'mesa.sqlite');
    (await openStore(path)).close();
    await chmod(path, 0o000);
    try {
      expect(await refusal(openStore(path))).toBe('db_unavailable');
    } finally {
      await chmod(path, 0o600);
    }
  });
});

describe('TransactionalDdlSqliteDialect', () => {
  it('runs all pending migrations in one transaction: a failing one rolls back the earlier ones', async () => {
    const sqlite = new BetterSqlite3(join(dir, 'ddl.sqlite'));
    const db = new Kysely<unknown>({ dialect: new TransactionalDdlSqliteDialect({ database: sqlite }) });
    const migrator = new Migrator({
      db,
      provider: {
        getMigrations: async () => ({
          '0001_a': { up: async (trx) => void (await sql`CREATE TABLE a (x)`.execute(trx)) },
          '0002_b': { up: async (trx) => void (await sql`CREATE TABLE b (y)`.execute(trx)) },
          '0003_broken': { up: async (trx) => void (await sql`CREATE TABLE a (again)`.execute(trx)) },
        }),
      },
    });
    const { error } = await migrator.migrateToLatest();
    expect(error).toBeDefined();
    const tables = sqlite.prepare(`SELECT name FROM sqlite_master WHERE name IN ('a', 'b')`).pluck().all();
    expect(tables).toEqual([]);
    expect(sqlite.prepare('SELECT count(*) FROM kysely_migration').pluck().get()).toBe(0);
    await db.destroy();
  });
});
