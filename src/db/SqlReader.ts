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
}

/** Reads through Prisma on the caller's thread: PostgreSQL (asynchronous already) and in-memory SQLite. */
export function prismaSqlReader(prisma: PrismaClient, provider: DatabaseTarget["provider"]): SqlReader {
  return {
    read(sql, params) {
      let index = 0;
      const text = provider === "postgresql" ? sql.replace(/\?/g, () => `$${(index += 1)}`) : sql;
      return prisma.$queryRawUnsafe<Record<string, unknown>[]>(text, ...params);
    },
  };
}
