import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import type { Logger } from "../logging/createLogger.js";
import { DatabaseUnavailableError } from "./DatabaseUnavailableError.js";
import type { DatabaseTarget, PostgresTarget } from "./parseDatabaseUrl.js";

/**
 * Applies <migrations>/<name>/migration.sql in name order, each in its own
 * transaction, and records them in Prisma's `_prisma_migrations` table with
 * Prisma's checksum (SHA-256 of the file), so `prisma migrate deploy` on a
 * machine that has Prisma's engine sees them as applied. SQLite reads
 * prisma/migrations, PostgreSQL prisma/postgresql/migrations.
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

/** The SQLite file, created with its folder when missing, in WAL mode; a path it cannot use is the operator's to fix. */
function openSqliteFile(filePath: string): Database.Database {
  let db: Database.Database | null = null;
  try {
    fs.mkdirSync(path.dirname(filePath), { recursive: true });
    db = new Database(filePath);
    db.pragma("journal_mode = WAL");
    return db;
  } catch (error) {
    db?.close();
    const reason = error instanceof Error ? error.message : String(error);
    throw new DatabaseUnavailableError(`Cannot open the SQLite database at ${filePath}: ${reason}`, { cause: error });
  }
}

export function migrateSqlite(filePath: string, migrations: readonly MigrationFile[], logger: Logger): MigrationReport {
  const db = openSqliteFile(filePath);
  try {
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
          .prepare(
            `SELECT migration_name, checksum FROM "_prisma_migrations" WHERE migration_name = ? AND finished_at IS NOT NULL AND rolled_back_at IS NULL`,
          )
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

/** Prisma Migrate's own advisory-lock key: our runner and `prisma migrate deploy` wait for each other too. */
export const migrationLockKey = 72707369;

// Prisma's own definition for PostgreSQL, so its tools read the history as theirs.
const postgresMigrationsTable = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

export interface PostgresMigrationOptions {
  /** How long to wait for another process that is migrating the same database. */
  readonly lockWaitMs?: number;
}

/**
 * The PostgreSQL runner. Several bot processes may start at once: each takes
 * the session advisory lock first, so one applies the pending migrations and
 * the others then find them applied. PostgreSQL DDL is transactional, so a
 * failing migration leaves nothing behind (migrations must therefore avoid
 * statements that cannot run in a transaction, such as CREATE INDEX CONCURRENTLY).
 */
export async function migratePostgres(
  target: PostgresTarget,
  migrations: readonly MigrationFile[],
  logger: Logger,
  options: PostgresMigrationOptions = {},
): Promise<MigrationReport> {
  const client = new pg.Client({ connectionString: target.connectionString, connectionTimeoutMillis: 10_000 });
  // A connection dropped mid-migration surfaces as the failing query's error; without a
  // listener the same event would also crash the process.
  client.on("error", (error) => logger.warn({ err: error }, "PostgreSQL connection error while migrating"));
  try {
    await client.connect();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new DatabaseUnavailableError(`Cannot connect to PostgreSQL at ${target.displayName}: ${reason}`, { cause: error });
  }
  try {
    await acquireMigrationLock(client, target, options.lockWaitMs ?? 60_000);
    if (target.schema !== null) await useSchema(client, target.schema);
    await client.query(postgresMigrationsTable);
    const { rows } = await client.query<AppliedRow>(
      `SELECT migration_name, checksum FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
    const appliedChecksums = new Map(rows.map((row) => [row.migration_name, row.checksum]));
    const applied: string[] = [];
    const alreadyApplied: string[] = [];
    for (const migration of migrations) {
      const checksum = appliedChecksums.get(migration.name);
      if (checksum !== undefined) {
        alreadyApplied.push(migration.name);
        if (checksum !== migration.checksum) logger.warn({ migration: migration.name }, "applied migration was edited afterwards");
        continue;
      }
      const startedAt = new Date();
      await client.query("BEGIN");
      try {
        // No parameters: the simple query protocol runs the whole multi-statement file.
        await client.query(migration.sql);
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, logs, rolled_back_at, started_at, applied_steps_count)
           VALUES ($1, $2, clock_timestamp(), $3, NULL, NULL, $4, 1)`,
          [randomUUID(), migration.checksum, migration.name, startedAt],
        );
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK").catch(() => undefined);
        throw new MigrationError(migration.name, error);
      }
      applied.push(migration.name);
      logger.info({ migration: migration.name }, "migration applied");
    }
    return { applied, alreadyApplied };
  } finally {
    // Ending the session also releases the advisory lock.
    await client.end().catch(() => undefined);
  }
}

async function acquireMigrationLock(client: pg.Client, target: PostgresTarget, lockWaitMs: number): Promise<void> {
  await client.query(`SET lock_timeout = ${Math.max(1, Math.round(lockWaitMs))}`);
  try {
    await client.query("SELECT pg_advisory_lock($1)", [migrationLockKey]);
  } catch (error) {
    if ((error as { code?: unknown }).code === "55P03") {
      throw new DatabaseUnavailableError(
        `Waited ${lockWaitMs / 1000} s for the migration lock on ${target.displayName} (pg_advisory_lock(${migrationLockKey})), which another process holds; is a migration stuck?`,
      );
    }
    throw error;
  }
  await client.query("SET lock_timeout = 0");
}

async function useSchema(client: pg.Client, schema: string): Promise<void> {
  // Create only when missing: CREATE SCHEMA IF NOT EXISTS needs the CREATE privilege even when it exists.
  const { rowCount } = await client.query("SELECT 1 FROM pg_namespace WHERE nspname = $1", [schema]);
  if (rowCount === 0) await client.query(`CREATE SCHEMA "${schema}"`);
  await client.query(`SET search_path TO "${schema}"`);
}

export async function migrateDatabase(target: DatabaseTarget, migrationsDir: string, logger: Logger): Promise<MigrationReport> {
  if (target.provider === "sqlite") {
    return migrateSqlite(target.filePath, readMigrations(migrationsDir), logger);
  }
  return migratePostgres(target, readMigrations(migrationsDir), logger);
}
