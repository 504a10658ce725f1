import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type pg from "pg";
import { migratePostgres, migrateSqlite, readMigrations, type MigrationFile } from "../../src/db/migrateDatabase.js";
import { parseDatabaseUrl, type PostgresTarget } from "../../src/db/parseDatabaseUrl.js";
import { projectPaths } from "../../src/projectPaths.js";
import { captureLogger } from "./silentLogger.js";
import { createTestDatabase, testDatabaseProvider, withServer, type TestDatabase } from "./testDatabase.js";

/**
 * A fresh database of the provider under test that already holds every migration, as the migration runner leaves
 * it: a copy of a template migrated once per set of migration files (a SQLite file, a PostgreSQL template database),
 * so each test skips replaying the migrations (a second or more per database on PostgreSQL). The bot's own start
 * then finds them applied. Tests of the migrations themselves use createTestDatabase's empty database instead.
 */
export async function createMigratedTestDatabase(provider: "sqlite" | "postgresql" = testDatabaseProvider): Promise<TestDatabase> {
  const migrationsDir = projectPaths().migrationsDir;
  if (provider === "sqlite") {
    const migrations = readMigrations(migrationsDir);
    const template = sqliteTemplate(migrations);
    const database = await createTestDatabase("sqlite");
    fs.copyFileSync(template, database.filePath ?? "");
    return database;
  }
  const migrations = readMigrations(path.join(path.dirname(migrationsDir), "postgresql", "migrations"));
  try {
    return await createTestDatabase("postgresql", await postgresTemplate(migrations));
  } catch (error) {
    // Pruned (staleTemplates) between the check that it exists and the copy: built again, once.
    if (!isMissingDatabase(error)) throw error;
    return createTestDatabase("postgresql", await postgresTemplate(migrations));
  }
}

/** PostgreSQL's invalid_catalog_name: the database named (here, the template) does not exist. */
function isMissingDatabase(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && error.code === "3D000";
}

/** The migration runner's source: how it builds the database (its history table, pragmas) is part of the template too. */
const migrationRunnerSource = fs.readFileSync(new URL("../../src/db/migrateDatabase.ts", import.meta.url), "utf8");

/**
 * Names a template after its migrations (names and contents) and the runner that applied them, so an edited or added
 * migration, or a changed runner, makes a new one.
 */
export function templateKey(migrations: readonly MigrationFile[], runnerSource: string = migrationRunnerSource): string {
  const hash = createHash("sha256");
  hash.update(`${createHash("sha256").update(runnerSource).digest("hex")}\n`);
  for (const migration of migrations) hash.update(`${migration.name}\n${migration.checksum}\n`);
  return hash.digest("hex").slice(0, 16);
}

/** The migrated template file, built when missing; built aside and renamed in, so a file run beside sees it whole or not at all. */
function sqliteTemplate(migrations: readonly MigrationFile[]): string {
  const folder = path.join(os.tmpdir(), "cohort-bot-test-templates");
  const template = path.join(folder, `sqlite-${templateKey(migrations)}.db`);
  if (fs.existsSync(template)) return template;
  fs.mkdirSync(folder, { recursive: true });
  const building = fs.mkdtempSync(path.join(folder, "building-"));
  try {
    const file = path.join(building, "template.db");
    // Closing the only connection checkpoints the WAL into the file and removes it: the file alone is the database.
    migrateSqlite(file, migrations, captureLogger().logger);
    fs.renameSync(file, template);
  } finally {
    fs.rmSync(building, { recursive: true, force: true });
  }
  return template;
}

/** Serialises template builds across test workers (an advisory lock on the maintenance database). */
const templateLockKey = 72707370;

/**
 * The migrated template database's name, built when missing. Under the lock, a database built aside (named like a
 * test database, so ensure-postgres.sh drops it if this process dies) is migrated and then copied to the template's
 * name, so the template exists only complete.
 */
async function postgresTemplate(migrations: readonly MigrationFile[]): Promise<string> {
  const name = `cohort_template_${templateKey(migrations)}`;
  const exists = (client: Parameters<Parameters<typeof withServer>[0]>[0]) =>
    client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]).then((result) => result.rowCount === 1);
  if (await withServer(exists)) return name;
  await withServer(async (client) => {
    await client.query("SELECT pg_advisory_lock($1)", [templateLockKey]);
    try {
      if (await exists(client)) return;
      const building = await createTestDatabase("postgresql");
      try {
        const target = parseDatabaseUrl(building.url) as PostgresTarget;
        await migratePostgres(target, migrations, captureLogger().logger);
        await client.query(`CREATE DATABASE "${name}" TEMPLATE "${databaseName(building.url)}"`);
      } finally {
        await building.drop();
      }
      await dropStaleTemplates(client, name);
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [templateLockKey]);
    }
  });
  return name;
}

function databaseName(url: string): string {
  return decodeURIComponent(new URL(url).pathname.slice(1));
}

/** A template of other migrations is dropped once it was built this long ago (another checkout may still use it). */
const templateKeptMs = 24 * 60 * 60_000;

/**
 * The templates, other than `keep`, built before `builtBefore` (their PG_VERSION file's time, written when the
 * database is created). Reading a server file takes a superuser or pg_read_server_files: without, none.
 */
export async function staleTemplates(client: pg.Client, keep: string, builtBefore: Date): Promise<string[]> {
  try {
    const result = await client.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname LIKE $1 AND datname <> $2
         AND (pg_stat_file('base/' || oid || '/PG_VERSION', true)).modification < $3`,
      ["cohort\\_template\\_%", keep, builtBefore],
    );
    return result.rows.map((row) => row.datname);
  } catch {
    return [];
  }
}

/**
 * Drops the templates of other migration sets built more than a day ago, when a new one is made (a changed migration
 * or runner), so a developer's server does not keep one per edit. Without FORCE: a template being copied waits the
 * copy out; a worker whose copy finds it gone builds it again (createMigratedTestDatabase).
 */
async function dropStaleTemplates(client: pg.Client, keep: string): Promise<void> {
  for (const name of await staleTemplates(client, keep, new Date(Date.now() - templateKeptMs)))
    await client.query(`DROP DATABASE IF EXISTS "${name}"`).catch(() => undefined);
}
