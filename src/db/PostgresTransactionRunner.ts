import pg from "pg";
import { prismaLikeTypes, type PostgresParam } from "./namedQuery.js";
import { sqlWithLiterals } from "./sqlWithLiterals.js";

/** One statement with `?` placeholders. */
export interface PostgresStatement {
  readonly sql: string;
  readonly params: readonly PostgresParam[];
}

/** What one statement of a transaction did: the rows it changed, the rows it returned (a SELECT's). */
export interface PostgresStatementResult {
  readonly changes: number;
  readonly rows: readonly Record<string, unknown>[];
}

/**
 * Runs a short write transaction on one connection of the pool Prisma's adapter uses, in ONE round trip:
 * the statements, in the order given, sent as one message of the simple query protocol, which the
 * server runs in order as one implicit transaction (all or nothing, no BEGIN/COMMIT). Sent one by one
 * they cost a round trip each, most of a /done's time in SQL (issue 14). The simple protocol binds no
 * parameters: the values are written in as literals (sqlWithLiterals), and the statements are planned
 * on every call, which costs less than the round trips saved. A SELECT among them sees the writes
 * before it. The rows come back in the shapes Prisma's raw queries return (namedQuery's type parsers).
 *
 * Errors are the driver's, passed on as they are (`code` 55P03 when lock_timeout ran out, which
 * isDatabaseLocked knows). The server's own error (severity ERROR) has already rolled the transaction
 * back and left the connection ready for the next caller; any other (the connection lost or ended by
 * the server) drops the connection from the pool.
 */
export class PostgresTransactionRunner {
  constructor(private readonly pool: pg.Pool) {}

  async run(statements: readonly PostgresStatement[]): Promise<PostgresStatementResult[]> {
    if (statements.length === 0) return [];
    const text = statements.map(({ sql, params }) => sqlWithLiterals(sql, params)).join(";\n");
    const client = await this.pool.connect();
    let broken: Error | undefined;
    // The pool stops listening to a connection while it is lent out: a connection the server ends mid-transaction
    // (a restart, a failover) would otherwise raise an unhandled 'error' and take the process down. The message
    // in flight fails on its own; the connection is then dropped, not handed back.
    const onLost = (error: Error) => (broken ??= error);
    client.on("error", onLost);
    try {
      // pg answers a message of several statements with one result each, one of one statement with that result.
      const answer = (await client.query({ text, types: prismaLikeTypes })) as pg.QueryResult | pg.QueryResult[];
      return (Array.isArray(answer) ? answer : [answer]).map((result) => ({ changes: result.rowCount ?? 0, rows: result.rows }));
    } catch (error) {
      if (!leavesConnectionReady(error)) broken ??= error instanceof Error ? error : new Error(String(error));
      throw error;
    } finally {
      client.off("error", onLost);
      client.release(broken);
    }
  }
}

/** An error the server reported without ending the session (FATAL and PANIC end it). */
function leavesConnectionReady(error: unknown): boolean {
  return error instanceof pg.DatabaseError && error.severity === "ERROR";
}
