import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "../generated/prisma/client.js";
import type { Logger } from "../logging/createLogger.js";
import { migrateDatabase, type MigrationReport } from "./migrateDatabase.js";
import { parseDatabaseUrl, type DatabaseTarget } from "./parseDatabaseUrl.js";

export type { PrismaClient } from "../generated/prisma/client.js";

export interface DatabaseHandle {
  readonly prisma: PrismaClient;
  readonly target: DatabaseTarget;
  readonly migrations: MigrationReport;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  readonly url: string;
  readonly migrationsDir: string;
  readonly logger: Logger;
}

/** Migrates the database to the latest schema, then connects Prisma to it. */
export async function openDatabase(options: OpenDatabaseOptions): Promise<DatabaseHandle> {
  const target = parseDatabaseUrl(options.url);
  const migrations = await migrateDatabase(target, options.migrationsDir, options.logger);
  const prisma = createPrismaClient(target);
  await prisma.$connect();
  return {
    prisma,
    target,
    migrations,
    close: () => prisma.$disconnect(),
  };
}

function createPrismaClient(target: DatabaseTarget): PrismaClient {
  if (target.provider === "sqlite") {
    // `timeout` is SQLite's busy timeout: several bot processes may share one file.
    const adapter = new PrismaBetterSqlite3({ url: target.filePath, timeout: 15_000 }, { timestampFormat: "unixepoch-ms" });
    return new PrismaClient({ adapter });
  }
  throw new Error("PostgreSQL is not supported yet");
}
