import Database from "better-sqlite3";
import { WeightedLruCache } from "../shared/WeightedLruCache.js";
import { readColumn, type SqlReader, type SqlValue } from "./SqlReader.js";
import { sqliteDateOf } from "./sqliteDateOf.js";

/** Distinct statements kept compiled: the interaction path reads a handful of shapes. */
const maxCachedStatements = 64;

type Converter = (value: unknown) => unknown;

interface CompiledRead {
  readonly statement: Database.Statement;
  /** One per result column: what Prisma's raw query would have made of its declared type. */
  readonly converters: readonly Converter[];
  readonly names: readonly string[];
}

export interface SqliteHotReaderOptions {
  readonly filePath: string;
  readonly busyTimeoutMs: number;
  /** SQLite's page cache for this connection, in KiB. */
  readonly pageCacheKiB: number;
  /** Where a read goes when this connection finds the file busy (another process recovering the log). */
  readonly fallback: SqlReader;
}

/**
 * Short reads on the interaction path (/today's and /done's look-ups) on a
 * read-only connection of their own, on the main thread, synchronously. Why:
 * each such statement cost more in Prisma (its query interpreter and the
 * adapter's row mapping) than in SQLite, which answers these indexed reads in
 * microseconds (issue 14). A connection of its own, not the adapter's: a read
 * there while a Prisma transaction is open on it would see uncommitted rows;
 * in WAL mode this one sees exactly what is committed and never blocks a
 * writer. Rows come back as Prisma's raw queries return them (DATETIME as
 * Date, BOOLEAN as boolean), so the repositories read one shape whichever the
 * reader. Only for short indexed reads (a member's rows, a board's top ten and
 * standing): nothing long on the event loop.
 */
export class SqliteHotReader implements SqlReader {
  private readonly database: Database.Database;
  private readonly compiled = new WeightedLruCache<string, CompiledRead>(maxCachedStatements);
  /** Statements read by readColumn: better-sqlite3's pluck mode is a statement's own, apart from the rows' raw mode. */
  private readonly plucked = new WeightedLruCache<string, Database.Statement>(maxCachedStatements);

  constructor(private readonly options: SqliteHotReaderOptions) {
    this.database = new Database(options.filePath, { readonly: true, fileMustExist: true, timeout: options.busyTimeoutMs });
    this.database.pragma(`cache_size = -${options.pageCacheKiB}`);
  }

  read(sql: string, params: readonly SqlValue[]): Promise<Record<string, unknown>[]> {
    return this.runOrFallBack(
      () => this.readNow(sql, params),
      () => this.options.fallback.read(sql, params),
    );
  }

  /**
   * The first column of each row, as SQLite holds it (no conversion by declared type). Why: better-sqlite3 makes
   * every value it hands over through a call into V8 (an array and its elements per row, in raw mode), which costs
   * more than SQLite's own reading; a statement that concatenates a row into one text value hands one value per row.
   */
  readColumn(sql: string, params: readonly SqlValue[]): Promise<unknown[]> {
    return this.runOrFallBack(
      () => this.pluck(sql).all(...bindable(params)),
      () => readColumn(this.options.fallback, sql, params),
    );
  }

  close(): void {
    this.database.close();
  }

  /** `work` on this connection, or `fallBack` (the fallback reader) when this connection finds the file busy. */
  private runOrFallBack<Result>(work: () => Result, fallBack: () => Promise<Result>): Promise<Result> {
    let result: Result;
    try {
      result = work();
    } catch (error) {
      if (isBusy(error)) return fallBack();
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
    return Promise.resolve(result);
  }

  private pluck(sql: string): Database.Statement {
    const known = this.plucked.get(sql);
    if (known !== undefined) return known;
    const statement = this.prepareRead(sql);
    statement.pluck(true);
    this.plucked.set(sql, statement);
    return statement;
  }

  private readNow(sql: string, params: readonly SqlValue[]): Record<string, unknown>[] {
    const { statement, converters, names } = this.compile(sql);
    const raw = statement.all(...bindable(params)) as unknown[][];
    return raw.map((values) => {
      const row: Record<string, unknown> = {};
      for (let index = 0; index < names.length; index += 1) row[names[index] ?? ""] = converters[index]?.(values[index]);
      return row;
    });
  }

  private compile(sql: string): CompiledRead {
    const known = this.compiled.get(sql);
    if (known !== undefined) return known;
    const statement = this.prepareRead(sql);
    // Rows as arrays: the converters go by position.
    statement.raw(true);
    const columns = statement.columns();
    const read = { statement, converters: columns.map((column) => converterFor(column.type)), names: columns.map((column) => column.name) };
    this.compiled.set(sql, read);
    return read;
  }

  /** A new statement of `sql`, refused unless it returns rows (the connection is read-only besides). */
  private prepareRead(sql: string): Database.Statement {
    const statement = this.database.prepare(sql);
    if (!statement.reader) throw new Error("the hot reader runs statements that return rows only");
    return statement;
  }
}

/** Dates as epoch milliseconds: how the bot's Prisma adapter stores them (openDatabase). */
function bindable(params: readonly SqlValue[]): (string | number | null)[] {
  return params.map((value) => (value instanceof Date ? value.getTime() : value));
}

function converterFor(declaredType: string | null): Converter {
  switch (declaredType?.toUpperCase()) {
    case "DATETIME":
      return sqliteDateOf;
    case "BOOLEAN":
      return (value) => (value === null ? null : value === 1 || value === true || value === "1" || value === "true");
    default:
      return (value) => value;
  }
}

function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && code.startsWith("SQLITE_BUSY");
}
