import type pg from "pg";
import { namedQuery, type PostgresParam } from "./namedQuery.js";

/** One statement with `?` placeholders. */
export interface PostgresStatement {
  readonly sql: string;
  readonly params: readonly PostgresParam[];
}

/**
 * Runs a short write transaction (BEGIN, the statements in the order given, COMMIT) on one connection
 * of the pool Prisma's adapter uses, each statement named (namedQuery): what Prisma's batch
 * transaction sent, the same statements in the same order, without its per-statement work (issue 14:
 * most of a /done's CPU on PostgreSQL). Any error rolls back and passes the driver's error on as it
 * is (its `code`: 55P03 when lock_timeout ran out, which isDatabaseLocked knows); a connection that
 * cannot even roll back is dropped from the pool rather than handed to the next caller.
 */
export class PostgresTransactionRunner {
  constructor(private readonly pool: pg.Pool) {}

  /** Each statement's changed row count, in order. */
  async run(statements: readonly PostgresStatement[]): Promise<number[]> {
    const client = await this.pool.connect();
    let broken: Error | undefined;
    // The pool stops listening to a connection while it is lent out: a connection the server ends mid-transaction
    // (a restart, a failover) would otherwise raise an unhandled 'error' and take the process down. The statement
    // in flight fails on its own; the connection is then dropped, not handed back.
    const onLost = (error: Error) => (broken ??= error);
    client.on("error", onLost);
    try {
      await client.query("BEGIN");
      const changes: number[] = [];
      for (const { sql, params } of statements) changes.push((await client.query(namedQuery(sql, params))).rowCount ?? 0);
      await client.query("COMMIT");
      return changes;
    } catch (error) {
      broken ??= await rollBack(client);
      throw error;
    } finally {
      client.off("error", onLost);
      client.release(broken);
    }
  }
}

/** Ends whatever is open on the connection; the error when that fails too (the connection is lost). */
async function rollBack(client: pg.PoolClient): Promise<Error | undefined> {
  try {
    await client.query("ROLLBACK");
    return undefined;
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}
