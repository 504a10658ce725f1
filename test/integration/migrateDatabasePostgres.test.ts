import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { MigrationError, migratePostgres, migrationLockKey, readMigrations, type MigrationReport } from "../../src/db/migrateDatabase.js";
import { parseDatabaseUrl, type PostgresTarget } from "../../src/db/parseDatabaseUrl.js";
import { projectPaths } from "../../src/projectPaths.js";
import { prismaMigrateDeploy } from "../helpers/prismaMigrateDeploy.js";
import { captureLogger } from "../helpers/silentLogger.js";
import { makeTempDir } from "../helpers/tempDir.js";
import { createTestDatabase, testDatabaseProvider, type TestDatabase } from "../helpers/testDatabase.js";

const postgresMigrationsDir = path.join(projectPaths().root, "prisma", "postgresql", "migrations");

function postgresTarget(url: string): PostgresTarget {
  const target = parseDatabaseUrl(url);
  if (target.provider !== "postgresql") throw new Error("expected a PostgreSQL URL");
  return target;
}

async function query<Row extends pg.QueryResultRow>(url: string, sql: string, values: unknown[] = []): Promise<Row[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<Row>(sql, values)).rows;
  } finally {
    await client.end();
  }
}

async function tables(url: string, schema = "public"): Promise<string[]> {
  const rows = await query<{ table_name: string }>(
    url,
    "SELECT table_name FROM information_schema.tables WHERE table_schema = $1 ORDER BY table_name",
    [schema],
  );
  return rows.map((row) => row.table_name);
}

function writeMigration(dir: string, name: string, sql: string): void {
  fs.mkdirSync(path.join(dir, name), { recursive: true });
  fs.writeFileSync(path.join(dir, name, "migration.sql"), sql);
}

describe.runIf(testDatabaseProvider === "postgresql")("migration runner on PostgreSQL", () => {
  let database: TestDatabase;
  let temp: ReturnType<typeof makeTempDir>;
  beforeEach(async () => {
    database = await createTestDatabase("postgresql");
    temp = makeTempDir();
  });
  afterEach(async () => {
    temp.cleanup();
    await database.drop();
  });

  it("creates every table of the project's schema on a fresh database and records it in Prisma's own table", async () => {
    const migrations = readMigrations(postgresMigrationsDir);
    expect(migrations.length).toBeGreaterThan(0);
    const report = await migratePostgres(postgresTarget(database.url), migrations, captureLogger().logger);
    expect(report.applied).toEqual(migrations.map((migration) => migration.name));
    expect(await tables(database.url)).toEqual(
      expect.arrayContaining([
        "Curriculum",
        "Section",
        "Item",
        "Cohort",
        "Member",
        "Completion",
        "CheckpointAnswer",
        "ScheduledPost",
        "_prisma_migrations",
      ]),
    );
    const rows = await query<{ migration_name: string; checksum: string; finished_at: Date | null; applied_steps_count: number }>(
      database.url,
      `SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    expect(rows.map((row) => row.migration_name)).toEqual(migrations.map((migration) => migration.name));
    expect(rows.map((row) => row.checksum)).toEqual(migrations.map((migration) => migration.checksum));
    for (const row of rows) {
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.applied_steps_count).toBe(1);
    }
    // Prisma's column types, so Prisma's tools read the table as their own.
    const columns = await query<{ column_name: string; data_type: string }>(
      database.url,
      `SELECT column_name, data_type FROM information_schema.columns WHERE table_name = '_prisma_migrations' ORDER BY ordinal_position`,
    );
    expect(columns.map((column) => `${column.column_name} ${column.data_type}`)).toEqual([
      "id character varying",
      "checksum character varying",
      "finished_at timestamp with time zone",
      "migration_name character varying",
      "logs text",
      "rolled_back_at timestamp with time zone",
      "started_at timestamp with time zone",
      "applied_steps_count integer",
    ]);
  });

  it("applies nothing to an already-migrated database and only the new migration after an update", async () => {
    const dir = path.join(temp.dir, "migrations");
    const target = postgresTarget(database.url);
    const logger = captureLogger().logger;
    writeMigration(dir, "20260101000000_first", `CREATE TABLE "A" ("id" INTEGER PRIMARY KEY);`);
    expect((await migratePostgres(target, readMigrations(dir), logger)).applied).toEqual(["20260101000000_first"]);
    const second = await migratePostgres(target, readMigrations(dir), logger);
    expect(second.applied).toEqual([]);
    expect(second.alreadyApplied).toEqual(["20260101000000_first"]);

    writeMigration(dir, "20260102000000_second", `CREATE TABLE "B" ("id" INTEGER PRIMARY KEY);\nINSERT INTO "A" ("id") VALUES (1);`);
    const third = await migratePostgres(target, readMigrations(dir), logger);
    expect(third.applied).toEqual(["20260102000000_second"]);
    expect(await tables(database.url)).toEqual(expect.arrayContaining(["A", "B"]));
    expect(await query(database.url, `SELECT "id" FROM "A"`)).toEqual([{ id: 1 }]);
  });

  it("leaves the database as it was when a migration fails halfway, and says which one", async () => {
    const dir = path.join(temp.dir, "migrations");
    const target = postgresTarget(database.url);
    const logger = captureLogger().logger;
    writeMigration(dir, "20260101000000_first", `CREATE TABLE "A" ("id" INTEGER PRIMARY KEY);`);
    await migratePostgres(target, readMigrations(dir), logger);
    writeMigration(
      dir,
      "20260102000000_broken",
      `CREATE TABLE "C" ("id" INTEGER PRIMARY KEY);\nINSERT INTO "A" ("id") VALUES (7);\nTHIS IS NOT SQL;`,
    );
    const failure = await migratePostgres(target, readMigrations(dir), logger).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(MigrationError);
    expect((failure as MigrationError).migrationName).toBe("20260102000000_broken");
    expect(await tables(database.url)).not.toContain("C");
    expect(await query(database.url, `SELECT COUNT(*)::int AS n FROM "A"`)).toEqual([{ n: 0 }]);
    expect(await query(database.url, `SELECT migration_name FROM "_prisma_migrations"`)).toEqual([
      { migration_name: "20260101000000_first" },
    ]);

    // Fixed file: the next start applies it.
    writeMigration(dir, "20260102000000_broken", `CREATE TABLE "C" ("id" INTEGER PRIMARY KEY);`);
    expect((await migratePostgres(target, readMigrations(dir), logger)).applied).toEqual(["20260102000000_broken"]);
  });

  it("lets several processes start at once: each migration is applied exactly once", async () => {
    const migrations = readMigrations(postgresMigrationsDir);
    const target = postgresTarget(database.url);
    const reports: MigrationReport[] = await Promise.all(
      [1, 2, 3, 4].map(() => migratePostgres(target, migrations, captureLogger().logger)),
    );
    const appliedEverywhere = reports.flatMap((report) => report.applied).sort();
    expect(appliedEverywhere).toEqual(migrations.map((migration) => migration.name).sort());
    for (const report of reports) {
      expect([...report.applied, ...report.alreadyApplied].sort()).toEqual(migrations.map((migration) => migration.name).sort());
    }
    const rows = await query<{ n: number }>(database.url, `SELECT COUNT(*)::int AS n FROM "_prisma_migrations"`);
    expect(rows).toEqual([{ n: migrations.length }]);
  });

  it("waits for the migration lock Prisma Migrate uses, and gives up with a clear message", async () => {
    const holder = new pg.Client({ connectionString: database.url });
    await holder.connect();
    try {
      await holder.query("SELECT pg_advisory_lock($1)", [migrationLockKey]);
      const failure = await migratePostgres(postgresTarget(database.url), readMigrations(postgresMigrationsDir), captureLogger().logger, {
        lockWaitMs: 300,
      }).catch((error: unknown) => error);
      expect(String(failure)).toMatch(/migration lock/);
      expect(await tables(database.url)).not.toContain("Cohort");
    } finally {
      await holder.end();
    }
  });

  it("puts the tables in the schema named by ?schema=, creating it", async () => {
    const url = `${database.url}?schema=tenant_a`;
    await migratePostgres(postgresTarget(url), readMigrations(postgresMigrationsDir), captureLogger().logger);
    expect(await tables(database.url, "tenant_a")).toEqual(expect.arrayContaining(["Cohort", "Member", "_prisma_migrations"]));
    expect(await tables(database.url, "public")).toEqual([]);
  });

  it("keeps one history with prisma migrate deploy, whichever applied the migrations first", async () => {
    const migrations = readMigrations(postgresMigrationsDir);
    await migratePostgres(postgresTarget(database.url), migrations, captureLogger().logger);
    expect(await prismaMigrateDeploy(database.url, postgresMigrationsDir)).toEqual([]);

    const other = await createTestDatabase("postgresql");
    try {
      expect(await prismaMigrateDeploy(other.url, postgresMigrationsDir)).toEqual(migrations.map((migration) => migration.name));
      const report = await migratePostgres(postgresTarget(other.url), migrations, captureLogger().logger);
      expect(report.applied).toEqual([]);
      expect(report.alreadyApplied).toEqual(migrations.map((migration) => migration.name));
    } finally {
      await other.drop();
    }
  });

  it("says where it could not connect, without the password", async () => {
    const url = "postgresql://someone:secret-password@127.0.0.1:1/nowhere";
    const failure = await migratePostgres(postgresTarget(url), [], captureLogger().logger).catch((error: unknown) => error);
    expect(String(failure)).toContain("127.0.0.1:1/nowhere");
    expect(String(failure)).not.toContain("secret-password");
  });
});
