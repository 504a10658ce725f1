import path from "node:path";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "../generated/prisma/client.js";
import type { Logger } from "../logging/createLogger.js";
import { migrateDatabase, type MigrationReport } from "./migrateDatabase.js";
import { parseDatabaseUrl, type DatabaseTarget } from "./parseDatabaseUrl.js";
import { createPostgresPrismaClient } from "./createPostgresPrismaClient.js";

export type { PrismaClient } from "../generated/prisma/client.js";

export interface DatabaseHandle {
  /** Typed as the SQLite client whichever the database; see createPostgresPrismaClient for why that is sound. */
  readonly prisma: PrismaClient;
  readonly target: DatabaseTarget;
  readonly migrations: MigrationReport;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  readonly url: string;
  /** The SQLite migrations (prisma/migrations). */
  readonly migrationsDir: string;
  /** The PostgreSQL migrations; by default prisma/postgresql/migrations, found from `migrationsDir`. */
  readonly postgresqlMigrationsDir?: string;
  readonly logger: Logger;
}

/** Migrates the database to the latest schema, then connects Prisma to it. */
export async function openDatabase(options: OpenDatabaseOptions): Promise<DatabaseHandle> {
  const target = parseDatabaseUrl(options.url);
  const migrationsDir =
    target.provider === "sqlite"
      ? options.migrationsDir
      : (options.postgresqlMigrationsDir ?? path.join(path.dirname(options.migrationsDir), "postgresql", "migrations"));
  const migrations = await migrateDatabase(target, migrationsDir, options.logger);
  const prisma = createPrismaClient(target, options.logger);
  await prisma.$connect();
  return {
    prisma,
    target,
    migrations,
    close: () => prisma.$disconnect(),
  };
}

function createPrismaClient(target: DatabaseTarget, logger: Logger): PrismaClient {
  if (target.provider === "sqlite") {
    // `timeout` is SQLite's busy timeout: several bot processes may share one file.
    const adapter = new PrismaBetterSqlite3({ url: target.filePath, timeout: 15_000 }, { timestampFormat: "unixepoch-ms" });
    return new PrismaClient({ adapter });
  }
  return createPostgresPrismaClient(target, logger);
}
