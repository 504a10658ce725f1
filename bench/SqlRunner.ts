/**
 * The little a hand-written query needs from a database driver. SQL is written
 * once with `?` placeholders and double-quoted identifiers; each driver adapts
 * the placeholders and the value types (SQLite keeps instants as epoch
 * milliseconds and booleans as 0/1, as the Prisma SQLite adapter does).
 */
export interface SqlRunner {
  all<Row>(sql: string, params: readonly unknown[]): Promise<Row[]>;
  run(sql: string, params: readonly unknown[]): Promise<number>;
  /** BEGIN … COMMIT around `work` (ROLLBACK when it throws). */
  transaction(work: () => Promise<void>): Promise<void>;
  timestamp(epochMillis: number): unknown;
  boolean(value: boolean): unknown;
}

/** `?` placeholders → PostgreSQL's `$1, $2, …` (the bench's SQL has no `?` inside strings). */
export function numberedPlaceholders(sql: string): string {
  let index = 0;
  return sql.replace(/\?/g, () => `$${++index}`);
}
