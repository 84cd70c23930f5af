import { mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, Migrator, sql } from 'kysely';
import { AppError } from '../../../shared/contract/errors';
import { toAppError } from '../errors/to-app-error';
import { TransactionalDdlSqliteDialect } from './dialect';
import { KNOWN_MIGRATION_NAMES, SCHEMA_VERSION, migrations } from './migrations';
import type { Database } from './schema';

export type SqliteHandle = BetterSqlite3.Database;

/** The open local store: the typed query builder and, for bulk paths, the raw connection under it. */
export interface Store {
  readonly db: Kysely<Database>;
  /**
   * The better-sqlite3 connection kysely runs on. Use it ONLY inside a `write` callback, where
   * kysely's connection mutex is held, so no other query can interleave.
   */
  readonly sqlite: SqliteHandle;
  /**
   * Runs `fn` in one BEGIN IMMEDIATE … COMMIT; rolls back and rethrows the original error.
   * Inside `fn` query ONLY through `trx`: `db` waits for the connection `fn` holds (deadlock).
   */
  write<T>(fn: (trx: Kysely<Database>) => Promise<T>): Promise<T>;
  close(): void;
}

const BUSY_TIMEOUT_MS = 5_000;

/**
 * Opens (creating when missing) and migrates the store at `path`. Throws AppError:
 * db_newer_version, db_corrupt or db_unavailable — in each case without having written to the
 * file, because the checks run on a read-only connection first.
 */
export async function openStore(path: string): Promise<Store> {
  inspectExistingFile(path);

  let sqlite: SqliteHandle;
  try {
    mkdirSync(dirname(path), { recursive: true });
    sqlite = new BetterSqlite3(path, { timeout: BUSY_TIMEOUT_MS });
  } catch (error) {
    throw toAppError(error);
  }
  try {
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = NORMAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    sqlite.pragma('cache_size = -65536');
    sqlite.pragma('temp_store = MEMORY');
    const db = new Kysely<Database>({ dialect: new TransactionalDdlSqliteDialect({ database: sqlite }) });
    await migrate(db);
    return makeStore(db, sqlite);
  } catch (error) {
    if (sqlite.open) sqlite.close();
    throw toAppError(error);
  }
}

/** Runs every pending migration in one transaction (see dialect.ts). */
async function migrate(db: Kysely<Database>): Promise<void> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => ({ ...migrations }) } });
  const { error } = await migrator.migrateToLatest();
  if (error !== undefined) throw toAppError(error);
}

/**
 * Looks at an existing file through a READ-ONLY connection before anything may write to it:
 * refuses a schema newer than this app knows and a file that is not a sound SQLite database.
 */
/** Files up to this size get a full quick_check at open (see inspectExistingFile). */
const QUICK_CHECK_MAX_BYTES = 64 * 1024 * 1024;

function inspectExistingFile(path: string): void {
  let size: number;
  try {
    const stats = statSync(path);
    if (!stats.isFile()) throw new AppError('db_unavailable', `Not a regular file: ${path}`);
    size = stats.size;
  } catch (error) {
    if (error instanceof AppError) throw error;
    if (typeof error === 'object' && error !== null && 'code' in error && error.code === 'ENOENT') return;
    throw toAppError(error);
  }
  if (size === 0) return; // SQLite treats an empty file as a new database.

  let readonly: SqliteHandle | undefined;
  try {
    readonly = new BetterSqlite3(path, { readonly: true, fileMustExist: true, timeout: BUSY_TIMEOUT_MS });
    const userVersion = readonly.pragma('user_version', { simple: true });
    if (typeof userVersion !== 'number' || userVersion > SCHEMA_VERSION) {
      throw new AppError('db_newer_version', `Store schema ${String(userVersion)} is newer than this app's ${SCHEMA_VERSION}`);
    }
    const hasMigrationTable = readonly.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'kysely_migration'`).get();
    if (hasMigrationTable) {
      const names = readonly.prepare('SELECT name FROM kysely_migration').pluck().all() as string[];
      const unknown = names.filter((name) => !KNOWN_MIGRATION_NAMES.has(name));
      if (unknown.length > 0) throw new AppError('db_newer_version', `Store ran migrations this app does not know: ${unknown.join(', ')}`);
    }
    // quick_check reads every page: ~20 ms for a mediator's store of a few thousand cases, but
    // ~0.8 s at 100 000 cases (380 MB), which would hold up every start. Above the limit SQLite's
    // own checks still catch a damaged page when it is read (SQLITE_CORRUPT → db_corrupt).
    const problems = size <= QUICK_CHECK_MAX_BYTES ? (readonly.pragma('quick_check') as Array<{ quick_check: string }>) : [{ quick_check: 'ok' }];
    if (problems.length !== 1 || problems[0]?.quick_check !== 'ok') {
      throw new AppError('db_corrupt', `quick_check: ${problems.slice(0, 3).map((p) => p.quick_check).join('; ')}`);
    }
  } catch (error) {
    throw toAppError(error);
  } finally {
    readonly?.close();
  }
}

function makeStore(db: Kysely<Database>, sqlite: SqliteHandle): Store {
  let closed = false;
  return {
    db,
    sqlite,
    write: (fn) =>
      db.connection().execute(async (conn) => {
        await sql`BEGIN IMMEDIATE`.execute(conn);
        try {
          const result = await fn(conn);
          await sql`COMMIT`.execute(conn);
          return result;
        } catch (error) {
          // SQLite may already have rolled back by itself (e.g. after SQLITE_FULL); only roll
          // back what is still open, and never let a rollback failure hide the real error.
          if (sqlite.inTransaction) {
            try {
              await sql`ROLLBACK`.execute(conn);
            } catch {
              /* the original error is the one worth reporting */
            }
          }
          throw error;
        }
      }),
    close() {
      if (closed) return;
      closed = true;
      try {
        sqlite.pragma('optimize');
      } catch {
        /* optimize is advisory; closing matters more */
      }
      sqlite.close(); // the last connection closing checkpoints the WAL into the main file
    },
  };
}
