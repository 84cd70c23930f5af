import { SqliteAdapter, SqliteDialect, type DialectAdapter } from 'kysely';

/**
 * kysely's SqliteAdapter says supportsTransactionalDdl = false, so its Migrator would run each
 * migration outside a transaction and a failure half-way would leave a half-built schema.
 * SQLite does support transactional DDL (CREATE/DROP TABLE, CREATE INDEX, CREATE VIRTUAL TABLE,
 * triggers and PRAGMA user_version all roll back with the transaction), so we say so, and the
 * Migrator then applies all pending migrations in ONE transaction: all or nothing.
 */
class TransactionalDdlSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

export class TransactionalDdlSqliteDialect extends SqliteDialect {
  override createAdapter(): DialectAdapter {
    return new TransactionalDdlSqliteAdapter();
  }
}
