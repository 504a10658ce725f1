import { createHash } from "node:crypto";
import pg from "pg";
import type { Logger } from "../logging/createLogger.js";
import { WeightedLruCache } from "../shared/WeightedLruCache.js";
import { prismaLikeTypes, type PostgresParam } from "./namedQuery.js";
import { numberedPlaceholders } from "./SqlReader.js";
import { sqlLiteral } from "./sqlLiteral.js";

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

/** A statement as the server keeps it prepared: its name and its text with numbered placeholders. */
interface PreparedText {
  readonly name: string;
  readonly text: string;
  readonly placeholders: number;
}

/** Distinct statement texts kept named: a few write shapes. */
const maxCachedTexts = 64;

/**
 * Runs a short write transaction on one connection of the pool Prisma's adapter uses, in ONE round trip:
 * the statements, in the order given, sent as one message of the simple query protocol, which the
 * server runs in order as one implicit transaction (all or nothing, no BEGIN/COMMIT). Sent one by one
 * they cost a round trip each, most of a /done's time in SQL (issue 14). Each statement is prepared
 * once per connection (PREPARE, in a message of its own the first time) and run by EXECUTE with its
 * values written in as literals (sqlLiteral), so the server parses and plans it once per connection,
 * as it does the hot reader's named statements (with the values written into the text instead, the
 * planning cost most of what the round trips saved). A SELECT among them sees the writes before it.
 * The rows come back in the shapes Prisma's raw queries return (namedQuery's type parsers).
 *
 * Errors are the driver's, passed on as they are (`code` 55P03 when lock_timeout ran out, which
 * isDatabaseLocked knows). The server's own error (one that keeps the session) while executing has already rolled
 * the transaction back and left the connection ready for the next caller; any other (the connection
 * lost or ended by the server, or a failure while preparing, which may leave some statements
 * prepared that this runner does not know of) drops the connection from the pool.
 */
export class PostgresTransactionRunner {
  private readonly texts = new WeightedLruCache<string, PreparedText>(maxCachedTexts);
  /** False once a pooler was found to share server connections between sessions: statements then go with their text. */
  private prepares = true;
  /** The statement names prepared on each connection; a dropped connection's go with it. */
  private readonly prepared = new WeakMap<pg.PoolClient, Set<string>>();

  constructor(
    private readonly pool: pg.Pool,
    private readonly logger: Logger,
  ) {}

  async run(statements: readonly PostgresStatement[]): Promise<PostgresStatementResult[]> {
    if (statements.length === 0) return [];
    const texts = statements.map(({ sql, params }) => this.preparedText(sql, params.length));
    // Values written in before a connection is taken: one that cannot be (NaN, a NUL) fails alone, the connection untouched.
    const execution = statements.map(({ params }, index) => executeText(texts[index]?.name ?? "", params)).join(";\n");
    const client = await this.pool.connect();
    let broken: Error | undefined;
    // The pool stops listening to a connection while it is lent out: a connection the server ends mid-transaction
    // (a restart, a failover) would otherwise raise an unhandled 'error' and take the process down. The message
    // in flight fails on its own; the connection is then dropped, not handed back.
    const onLost = (error: Error) => (broken ??= error);
    client.on("error", onLost);
    try {
      const answer = await this.execute(client, statements, texts, execution);
      // pg answers a message of several statements with one result each, one of one statement with that result.
      return (Array.isArray(answer) ? answer : [answer]).map((result) => ({ changes: result.rowCount ?? 0, rows: result.rows }));
    } catch (error) {
      if (!leavesConnectionReady(error)) broken ??= error instanceof Error ? error : new Error(String(error));
      throw error;
    } finally {
      client.off("error", onLost);
      client.release(broken);
    }
  }

  /**
   * The statements' EXECUTEs as one message, after preparing what the connection lacks. When the server's
   * prepared statements are not what this runner knows of (a pooler that moves sessions between server
   * connections, PgBouncer's transaction mode): nothing ran; the statements go once more with their
   * text, and from then on always so (planned on every call, still one round trip).
   */
  private async execute(
    client: pg.PoolClient,
    statements: readonly PostgresStatement[],
    texts: readonly PreparedText[],
    execution: string,
  ): Promise<pg.QueryResult | pg.QueryResult[]> {
    if (this.prepares) {
      try {
        await this.prepareOn(client, texts);
        return await this.send(client, execution);
      } catch (error) {
        if (!preparedStatementsDiffer(error)) throw error;
        this.stopPreparing(error as pg.DatabaseError);
      }
    }
    return this.send(client, statements.map(({ sql, params }) => sqlWithLiterals(sql, params)).join(";\n"));
  }

  /**
   * Said once, by whichever of the transactions in flight found it first: every later transaction is
   * planned on every call, a cost an operator can remove (session pooling, or a direct connection).
   */
  private stopPreparing(error: pg.DatabaseError): void {
    if (!this.prepares) return;
    this.prepares = false;
    this.logger.warn(
      { code: error.code, hint: "use session pooling or a direct connection to keep them" },
      "PostgreSQL prepared statements are not kept between transactions",
    );
  }

  private async send(client: pg.PoolClient, text: string): Promise<pg.QueryResult | pg.QueryResult[]> {
    return (await client.query({ text, types: prismaLikeTypes })) as pg.QueryResult | pg.QueryResult[];
  }

  /** The statement's name and numbered text; refuses a placeholder count that differs from the values. */
  private preparedText(sql: string, values: number): PreparedText {
    let prepared = this.texts.get(sql);
    if (prepared === undefined) {
      const text = numberedPlaceholders(sql);
      // Not namedQuery's names: pg would take a statement prepared here for one it never parsed.
      const name = `t${createHash("sha1").update(text).digest("hex").slice(0, 20)}`;
      prepared = { name, text, placeholders: sql.split("?").length - 1 };
      this.texts.set(sql, prepared);
    }
    if (prepared.placeholders !== values) throw new Error(`${prepared.placeholders} placeholders for ${values} values`);
    return prepared;
  }

  /** Prepares on the connection the statements not prepared there yet, in one message. */
  private async prepareOn(client: pg.PoolClient, texts: readonly PreparedText[]): Promise<void> {
    let known = this.prepared.get(client);
    if (known === undefined) {
      known = new Set();
      this.prepared.set(client, known);
    }
    const missing = new Map(texts.filter(({ name }) => !known.has(name)).map((text) => [text.name, text]));
    if (missing.size === 0) return;
    try {
      await client.query([...missing.values()].map(({ name, text }) => `PREPARE ${name} AS ${text}`).join(";\n"));
    } catch (error) {
      // Some statements may be prepared there now, unknown to this runner: the connection goes (see run()).
      if (error instanceof pg.DatabaseError && !preparedStatementsDiffer(error)) throw new PreparationError(error);
      throw error;
    }
    for (const name of missing.keys()) known.add(name);
  }
}

/** The server refused to prepare a statement: the driver's error as `cause`, its code kept (not a server error that leaves the connection known). */
class PreparationError extends Error {
  override readonly name = "PreparationError";
  readonly code: string | undefined;

  constructor(cause: pg.DatabaseError) {
    super(cause.message, { cause });
    this.code = cause.code;
  }
}

/** 26000: no prepared statement of that name; 42P05: one of that name exists already. */
function preparedStatementsDiffer(error: unknown): boolean {
  return error instanceof pg.DatabaseError && (error.code === "26000" || error.code === "42P05");
}

/** A statement with its values written in place of its `?` placeholders, in one pass (a value holding `?` stays as it is). */
function sqlWithLiterals(sql: string, params: readonly PostgresParam[]): string {
  let index = 0;
  return sql.replace(/\?/g, () => sqlLiteral(params[index++] ?? null));
}

function executeText(name: string, params: readonly PostgresParam[]): string {
  return params.length === 0 ? `EXECUTE ${name}` : `EXECUTE ${name}(${params.map(sqlLiteral).join(", ")})`;
}

/**
 * An error the server reported without ending the session. Decided by SQLSTATE, not by pg's `severity`,
 * which is in the server's language ("FEHLER", "ERREUR"): connection exceptions (08), the shutdowns,
 * dropped database and session timeout of 57P01–57P05, the idle-in-transaction timeout (25P03) and
 * internal errors (XX) end it or leave it unknown.
 */
function leavesConnectionReady(error: unknown): boolean {
  if (!(error instanceof pg.DatabaseError)) return false;
  const code = error.code ?? "";
  return !(code.startsWith("08") || code.startsWith("XX") || /^57P0[1-5]$/.test(code) || code === "25P03");
}
