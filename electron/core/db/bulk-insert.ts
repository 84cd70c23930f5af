import type BetterSqlite3 from 'better-sqlite3';

type Value = string | number | bigint | null;

/**
 * Multi-row INSERT through better-sqlite3 prepared statements, for bulk imports. Rows are
 * buffered and written `rowsPerStatement` at a time by ONE prepared statement
 * ("INSERT … VALUES (?,…),(?,…),…"), prepared once per distinct row count and reused.
 *
 * Why not kysely here: building and compiling a query tree per batch, and kysely's driver
 * preparing each compiled statement anew, costs more than SQLite's insert itself on 100 000
 * cases. Callers use this ONLY inside Store.write, i.e. inside the same transaction and while
 * kysely's connection mutex is held, so the raw statements cannot interleave with other queries.
 */
export class BulkInsert {
  readonly #sqlite: BetterSqlite3.Database;
  readonly #head: string;
  readonly #tail: string;
  readonly #rowPlaceholder: string;
  readonly #width: number;
  readonly #rowsPerStatement: number;
  readonly #statements = new Map<number, BetterSqlite3.Statement>();
  #buffer: Value[] = [];
  #buffered = 0;
  /** Rows RETURNING produced, when the statement has a RETURNING clause. */
  readonly returned: unknown[] = [];

  constructor(
    sqlite: BetterSqlite3.Database,
    options: { table: string; columns: ReadonlyArray<string>; tail?: string; rowsPerStatement?: number },
  ) {
    this.#sqlite = sqlite;
    this.#width = options.columns.length;
    // SQLite allows 32 766 bound parameters per statement; stay well below.
    this.#rowsPerStatement = Math.max(1, Math.min(options.rowsPerStatement ?? 100, Math.floor(30_000 / this.#width)));
    this.#head = `INSERT INTO ${options.table} (${options.columns.join(', ')}) VALUES `;
    this.#tail = options.tail ? ` ${options.tail}` : '';
    this.#rowPlaceholder = `(${options.columns.map(() => '?').join(', ')})`;
  }

  add(row: ReadonlyArray<Value>): void {
    if (row.length !== this.#width) throw new Error(`BulkInsert: expected ${this.#width} values, got ${row.length}`);
    for (const value of row) this.#buffer.push(value);
    this.#buffered += 1;
    if (this.#buffered === this.#rowsPerStatement) this.flush();
  }

  /** Writes whatever is buffered. Call before anything that depends on these rows (foreign keys). */
  flush(): void {
    if (this.#buffered === 0) return;
    const statement = this.#statementFor(this.#buffered);
    if (statement.reader) this.returned.push(...statement.all(this.#buffer));
    else statement.run(this.#buffer);
    this.#buffer = [];
    this.#buffered = 0;
  }

  #statementFor(rows: number): BetterSqlite3.Statement {
    let statement = this.#statements.get(rows);
    if (!statement) {
      statement = this.#sqlite.prepare(this.#head + Array.from({ length: rows }, () => this.#rowPlaceholder).join(', ') + this.#tail);
      this.#statements.set(rows, statement);
    }
    return statement;
  }
}
