import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import type { Logger } from "../logging/createLogger.js";
import type { DatabaseTarget } from "./parseDatabaseUrl.js";

/**
 * Applies prisma/migrations/<name>/migration.sql in name order, each in its own
 * transaction, and records them in Prisma's `_prisma_migrations` table with
 * Prisma's checksum (SHA-256 of the file), so `prisma migrate deploy` on a
 * machine that has Prisma's engine sees them as applied.
 *
 * Why our own runner: Prisma's native schema engine cannot be downloaded on
 * offline machines, and a stand-in binary makes `migrate deploy` exit 0
 * without applying anything.
 */

export interface MigrationFile {
  readonly name: string;
  readonly sql: string;
  readonly checksum: string;
}

export interface MigrationReport {
  readonly applied: readonly string[];
  readonly alreadyApplied: readonly string[];
}

export class MigrationError extends Error {
  constructor(
    readonly migrationName: string,
    override readonly cause: unknown,
  ) {
    super(`Migration ${migrationName} failed and was rolled back: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = "MigrationError";
  }
}

export function readMigrations(migrationsDir: string): MigrationFile[] {
  if (!fs.existsSync(migrationsDir)) return [];
  return fs
    .readdirSync(migrationsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(migrationsDir, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = fs.readFileSync(path.join(migrationsDir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

const sqliteMigrationsTable = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    TEXT PRIMARY KEY NOT NULL,
    "checksum"              TEXT NOT NULL,
    "finished_at"           DATETIME,
    "migration_name"        TEXT NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        DATETIME,
    "started_at"            DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count"   INTEGER UNSIGNED NOT NULL DEFAULT 0
)`;

interface AppliedRow {
  readonly migration_name: string;
  readonly checksum: string;
}

export function migrateSqlite(filePath: string, migrations: readonly MigrationFile[], logger: Logger): MigrationReport {
  if (filePath !== ":memory:") fs.mkdirSync(path.dirname(filePath), { recursive: true });
  const db = new Database(filePath);
  try {
    db.pragma("journal_mode = WAL");
    db.pragma("busy_timeout = 10000");
    db.exec(sqliteMigrationsTable);
    const applied: string[] = [];
    const alreadyApplied: string[] = [];
    for (const migration of migrations) {
      // Table rebuilds (Prisma's RedefineTables) need foreign keys off, which
      // SQLite only allows outside a transaction; the check below re-validates.
      db.pragma("foreign_keys = OFF");
      // IMMEDIATE takes the write lock first, so two processes starting at once
      // cannot both apply the same migration.
      db.exec("BEGIN IMMEDIATE");
      try {
        const row = db
          .prepare(`SELECT migration_name, checksum FROM "_prisma_migrations" WHERE migration_name = ? AND finished_at IS NOT NULL AND rolled_back_at IS NULL`)
          .get(migration.name) as AppliedRow | undefined;
        if (row !== undefined) {
          db.exec("COMMIT");
          alreadyApplied.push(migration.name);
          if (row.checksum !== migration.checksum) {
            logger.warn({ migration: migration.name }, "applied migration was edited afterwards");
          }
          continue;
        }
        const startedAt = Date.now();
        db.exec(migration.sql);
        const violations = db.pragma("foreign_key_check") as unknown[];
        if (violations.length > 0) {
          throw new Error(`foreign key check failed for ${violations.length} row(s)`);
        }
        db.prepare(
          `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, logs, rolled_back_at, started_at, applied_steps_count) VALUES (?, ?, ?, ?, NULL, NULL, ?, 1)`,
        ).run(randomUUID(), migration.checksum, Date.now(), migration.name, startedAt);
        db.exec("COMMIT");
        applied.push(migration.name);
        logger.info({ migration: migration.name }, "migration applied");
      } catch (error) {
        if (db.inTransaction) db.exec("ROLLBACK");
        throw new MigrationError(migration.name, error);
      } finally {
        db.pragma("foreign_keys = ON");
      }
    }
    return { applied, alreadyApplied };
  } finally {
    db.close();
  }
}

export async function migrateDatabase(
  target: DatabaseTarget,
  migrationsDir: string,
  logger: Logger,
): Promise<MigrationReport> {
  if (target.provider === "sqlite") {
    return migrateSqlite(target.filePath, readMigrations(migrationsDir), logger);
  }
  throw new Error("PostgreSQL migrations are not supported yet");
}
