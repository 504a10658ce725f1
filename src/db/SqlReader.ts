import type { PrismaClient } from "../generated/prisma/client.js";
import type { DatabaseTarget } from "./parseDatabaseUrl.js";

export type SqlValue = string | number | Date | null;

/**
 * Runs a hand-written read (`?` placeholders) and returns its rows. The
 * aggregations that read a whole cohort (the roster, the confidence map) go
 * through this, so that on SQLite they can run off the event loop
 * (SqliteReadWorker) while every other statement stays on Prisma.
 */
export interface SqlReader {
  read(sql: string, params: readonly SqlValue[]): Promise<Record<string, unknown>[]>;
  /** The first column of each row, for a reader that hands it without making a row per row (SqliteHotReader); see readColumn. */
  readColumn?(sql: string, params: readonly SqlValue[]): Promise<unknown[]>;
}

/** The first (in practice the only) column of each row the statement returns. */
export function readColumn(reader: SqlReader, sql: string, params: readonly SqlValue[]): Promise<unknown[]> {
  return reader.readColumn?.(sql, params) ?? reader.read(sql, params).then((rows) => rows.map((row) => Object.values(row)[0]));
}

/** Reads through Prisma on the caller's thread: PostgreSQL (asynchronous already) and in-memory SQLite. */
export function prismaSqlReader(prisma: PrismaClient, provider: DatabaseTarget["provider"]): SqlReader {
  return {
    read(sql, params) {
      const text = provider === "postgresql" ? numberedPlaceholders(sql) : sql;
      return prisma.$queryRawUnsafe<Record<string, unknown>[]>(text, ...params);
    },
  };
}

/** `?` placeholders as PostgreSQL's `$1, $2, …` (the hand-written SQL holds no `?` otherwise). */
export function numberedPlaceholders(sql: string): string {
  let index = 0;
  return sql.replace(/\?/g, () => `$${(index += 1)}`);
}
