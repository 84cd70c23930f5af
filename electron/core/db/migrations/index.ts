import { sql, type Migration } from 'kysely';
import * as m0001 from './0001_initial';
import * as m0002 from './0002_sync';
import * as m0003 from './0003_schedule';
import * as m0004 from './0004_case_message_search';
import * as m0005 from './0005_documents';
import * as m0006 from './0006_agreements';

/**
 * Every migration, in order. Append only: never rename, edit or remove an entry, because
 * installed stores record the names they ran. The store's PRAGMA user_version is the number of
 * migrations applied, which lets an older app refuse a file written by a newer one before
 * touching it.
 */
const ordered: ReadonlyArray<readonly [name: string, migration: Migration]> = [
  ['0001_initial', m0001],
  ['0002_sync', m0002],
  ['0003_schedule', m0003],
  ['0004_case_message_search', m0004],
  ['0005_documents', m0005],
  ['0006_agreements', m0006],
];

export const KNOWN_MIGRATION_NAMES: ReadonlySet<string> = new Set(ordered.map(([name]) => name));
export const SCHEMA_VERSION = ordered.length;

/**
 * The migrations for kysely's Migrator. Each one also stamps user_version inside the same
 * transaction, so the stamp and the schema change commit (or roll back) together.
 */
export const migrations: Readonly<Record<string, Migration>> = Object.fromEntries(
  ordered.map(([name, migration], index) => [
    name,
    {
      async up(db) {
        await migration.up(db);
        await sql.raw(`PRAGMA user_version = ${index + 1}`).execute(db);
      },
    } satisfies Migration,
  ]),
);
