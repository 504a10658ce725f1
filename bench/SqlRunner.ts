/**
 * The little a hand-written query needs from a database driver. SQL is written
 * once with `?` placeholders and double-quoted identifiers; each driver adapts
 * the placeholders and the value types (SQLite keeps instants as epoch
 * milliseconds and booleans as 0/1, as the Prisma SQLite adapter does).
 */
export interface SqlRunner {
  all<Row>(sql: string, params: readonly unknown[]): Promise<Row[]>;
  run(sql: string, params: readonly unknown[]): Promise<number>;
  /** The first column of each row: on SQLite in better-sqlite3's pluck mode, as the bot's hot reader's readColumn. */
  column(sql: string, params: readonly unknown[]): Promise<unknown[]>;
  /** BEGIN … COMMIT around `work` (ROLLBACK when it throws). */
  transaction(work: () => Promise<void>): Promise<void>;
  /**
   * Statements sent together, in order; their results in the same order. PostgreSQL: ONE message of
   * the simple query protocol, which the server runs as one implicit transaction (all or nothing):
   * one round trip, with EXECUTEs of statements prepared once on the connection and the values written
   * in as literals, as the bot sends its reads and `/done`'s transaction (src/db/PostgresTransactionRunner.ts).
   * SQLite (in process, no round trip to save): one statement after another, inside BEGIN IMMEDIATE …
   * COMMIT when `write`.
   */
  together(statements: readonly SqlStatement[], options: { readonly write: boolean }): Promise<SqlResult[]>;
  timestamp(epochMillis: number): unknown;
  boolean(value: boolean): unknown;
}

/** One statement of `together`, with `?` placeholders. */
export interface SqlStatement {
  readonly sql: string;
  readonly params: readonly unknown[];
}

/** What one statement of `together` did: the rows it returned (a SELECT's), the rows it changed. */
export interface SqlResult {
  readonly rows: readonly Record<string, unknown>[];
  readonly changes: number;
}

/** `?` placeholders → PostgreSQL's `$1, $2, …` (the bench's SQL has no `?` inside strings). */
export function numberedPlaceholders(sql: string): string {
  let index = 0;
  return sql.replace(/\?/g, () => `$${++index}`);
}
