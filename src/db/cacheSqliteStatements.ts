import type BetterSqlite3 from "better-sqlite3";
import { WeightedLruCache } from "../shared/WeightedLruCache.js";

/** Distinct statements kept compiled; the bot sends a few dozen shapes, so this is never the limit in practice. */
const maxCachedStatements = 500;

type Statement = BetterSqlite3.Statement;
type Parameters = readonly unknown[];

/** What the Prisma adapter calls on a statement (performIO / executeIO, startTransaction). */
interface BoundStatement {
  readonly reader: boolean;
  run(): BetterSqlite3.RunResult;
  columns(): BetterSqlite3.ColumnDefinition[];
  raw(): { all(): unknown[] };
}

/**
 * Makes the connection under Prisma's better-sqlite3 adapter compile each
 * distinct SQL text once. Why: the adapter prepares (compiles) every
 * statement anew, and bind() fixes a statement's parameters for good, so
 * nothing could be reused; compiling was about a tenth of a /done's CPU time
 * (issue 14). Here `prepare` returns a stand-in whose `bind` only remembers the
 * parameters, each call passing them to the one compiled statement. Every call
 * runs to the end synchronously (better-sqlite3), so two uses of a statement
 * never overlap.
 */
export function cacheSqliteStatements(database: BetterSqlite3.Database): void {
  // The least recently used statement goes first when the cache is full.
  const compiled = new WeightedLruCache<string, Statement>(maxCachedStatements);
  const original = database.prepare.bind(database) as (sql: string) => Statement;
  const compile = (sql: string): Statement => {
    const known = compiled.get(sql);
    if (known !== undefined) return known;
    const statement = original(sql);
    compiled.set(sql, statement);
    return statement;
  };
  const bound = (statement: Statement, parameters: Parameters): BoundStatement => ({
    reader: statement.reader,
    run: () => statement.run(...parameters),
    columns: () => statement.columns(),
    raw: () => ({ all: () => statement.raw(true).all(...parameters) }),
  });
  const prepare = (sql: string) => {
    const statement = compile(sql);
    return { ...bound(statement, []), reader: statement.reader, bind: (parameters: Parameters) => bound(statement, parameters) };
  };
  Object.defineProperty(database, "prepare", { value: prepare, configurable: true, writable: true });
}
