import Database from "better-sqlite3";
import { WeightedLruCache } from "../shared/WeightedLruCache.js";

/** A value bound to a statement: booleans and dates as the bot's Prisma adapter stores them (1/0, epoch milliseconds). */
export type SqlParam = string | number | boolean | Date | null;

/** One statement with `?` placeholders. */
export interface SqlStatement {
  readonly sql: string;
  readonly params: readonly SqlParam[];
}

/**
 * A Prisma transaction is open on the connection: a write outside SerialWriteQueue (Prisma wraps some
 * single writes, e.g. an update that reads back relations, in one of its own). Like another connection's
 * lock it ends in moments, so it carries SQLITE_BUSY's code: the queue tries again after a pause.
 */
export class ConnectionInTransactionError extends Error {
  override readonly name = "ConnectionInTransactionError";
  readonly code = "SQLITE_BUSY";

  constructor() {
    super("a Prisma transaction is open on the SQLite connection");
  }
}

/** Distinct statements kept compiled: a few write shapes. */
const maxCachedStatements = 64;

/**
 * Runs a short write transaction on the Prisma adapter's own SQLite
 * connection, synchronously: BEGIN IMMEDIATE, the statements, COMMIT, in
 * microseconds, where Prisma's batch transaction paid its per-statement
 * work for each (issue 14: most of a /done's CPU). Only ever called from
 * inside SerialWriteQueue, so no Prisma transaction is open on the connection
 * meanwhile, except those Prisma opens itself for a write outside the queue
 * (checked: the write is refused, never nested, and the queue retries it). BEGIN IMMEDIATE takes the file's write lock first, which is
 * what the member lock does on PostgreSQL. Another process holding the lock:
 * SQLITE_BUSY after the connection's short busy timeout, nothing written, and
 * the queue retries (isDatabaseLocked knows the driver's code).
 */
export class SqliteTransactionRunner {
  private readonly compiled = new WeightedLruCache<string, Database.Statement>(maxCachedStatements);

  constructor(private readonly connection: Database.Database) {}

  /** Each statement's changed row count, in order. */
  run(statements: readonly SqlStatement[]): number[] {
    if (this.inTransaction()) throw new ConnectionInTransactionError();
    this.statement("BEGIN IMMEDIATE").run();
    try {
      const changes = statements.map(({ sql, params }) => this.statement(sql).run(...params.map(bindable)).changes);
      this.statement("COMMIT").run();
      return changes;
    } catch (error) {
      // A statement that failed may have ended the transaction already (SQLite rolls back on some errors).
      if (this.inTransaction()) this.statement("ROLLBACK").run();
      throw error;
    }
  }

  private inTransaction(): boolean {
    return this.connection.inTransaction;
  }

  private statement(sql: string): Database.Statement {
    const known = this.compiled.get(sql);
    if (known !== undefined) return known;
    // The connection's own prepare: cacheSqliteStatements replaced the instance's with the adapter's stand-in.
    const statement = Database.prototype.prepare.call(this.connection, sql) as Database.Statement;
    this.compiled.set(sql, statement);
    return statement;
  }
}

function bindable(value: SqlParam): string | number | null {
  if (value instanceof Date) return value.getTime();
  if (typeof value === "boolean") return value ? 1 : 0;
  return value;
}
