import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { MigrationError, migrateSqlite, readMigrations } from "../../src/db/migrateDatabase.js";
import { projectPaths } from "../../src/projectPaths.js";
import { prismaMigrateDeploy } from "../helpers/prismaMigrateDeploy.js";
import { captureLogger } from "../helpers/silentLogger.js";
import { makeTempDir } from "../helpers/tempDir.js";

function tables(file: string): string[] {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map(
      (row) => row.name,
    );
  } finally {
    db.close();
  }
}

function writeMigration(dir: string, name: string, sql: string): void {
  fs.mkdirSync(path.join(dir, name), { recursive: true });
  fs.writeFileSync(path.join(dir, name, "migration.sql"), sql);
}

describe("migration runner on SQLite", () => {
  let temp: ReturnType<typeof makeTempDir>;
  beforeEach(() => {
    temp = makeTempDir();
  });
  afterEach(() => temp.cleanup());

  it("creates every table of the project's schema on a fresh database and records it the way Prisma does", () => {
    const file = path.join(temp.dir, "nested", "fresh.db");
    const migrations = readMigrations(projectPaths().migrationsDir);
    expect(migrations.length).toBeGreaterThan(0);
    const report = migrateSqlite(file, migrations, captureLogger().logger);
    expect(report.applied).toEqual(migrations.map((migration) => migration.name));
    expect(tables(file)).toEqual(
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
    const db = new Database(file, { readonly: true });
    const rows = db.prepare(`SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations"`).all() as {
      migration_name: string;
      checksum: string;
      finished_at: number | null;
      applied_steps_count: number;
    }[];
    db.close();
    expect(rows.map((row) => row.migration_name)).toEqual(migrations.map((migration) => migration.name));
    for (const row of rows) {
      expect(row.checksum).toMatch(/^[0-9a-f]{64}$/);
      expect(row.finished_at).not.toBeNull();
      expect(row.applied_steps_count).toBe(1);
    }
  });

  it("applies nothing to an already-migrated database and only the new migration after an update", () => {
    const dir = path.join(temp.dir, "migrations");
    writeMigration(dir, "20260101000000_first", `CREATE TABLE "A" ("id" INTEGER PRIMARY KEY);`);
    const file = path.join(temp.dir, "db.sqlite");
    const logger = captureLogger().logger;
    expect(migrateSqlite(file, readMigrations(dir), logger).applied).toEqual(["20260101000000_first"]);
    const second = migrateSqlite(file, readMigrations(dir), logger);
    expect(second.applied).toEqual([]);
    expect(second.alreadyApplied).toEqual(["20260101000000_first"]);

    writeMigration(dir, "20260102000000_second", `CREATE TABLE "B" ("id" INTEGER PRIMARY KEY);\nINSERT INTO "A" ("id") VALUES (1);`);
    const third = migrateSqlite(file, readMigrations(dir), logger);
    expect(third.applied).toEqual(["20260102000000_second"]);
    expect(tables(file)).toEqual(expect.arrayContaining(["A", "B"]));
  });

  it("leaves the database as it was when a migration fails halfway, and says which one", () => {
    const dir = path.join(temp.dir, "migrations");
    writeMigration(dir, "20260101000000_first", `CREATE TABLE "A" ("id" INTEGER PRIMARY KEY);`);
    const file = path.join(temp.dir, "db.sqlite");
    const logger = captureLogger().logger;
    migrateSqlite(file, readMigrations(dir), logger);
    writeMigration(
      dir,
      "20260102000000_broken",
      `CREATE TABLE "C" ("id" INTEGER PRIMARY KEY);\nINSERT INTO "A" ("id") VALUES (7);\nTHIS IS NOT SQL;`,
    );
    let thrown: unknown;
    try {
      migrateSqlite(file, readMigrations(dir), logger);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(MigrationError);
    expect((thrown as MigrationError).migrationName).toBe("20260102000000_broken");
    expect(tables(file)).not.toContain("C");
    const db = new Database(file, { readonly: true });
    expect(db.prepare(`SELECT COUNT(*) AS n FROM "A"`).get()).toEqual({ n: 0 });
    expect(db.prepare(`SELECT migration_name FROM "_prisma_migrations"`).all()).toEqual([{ migration_name: "20260101000000_first" }]);
    db.close();
  });

  it("warns when an applied migration file was edited afterwards", () => {
    const dir = path.join(temp.dir, "migrations");
    writeMigration(dir, "20260101000000_first", `CREATE TABLE "A" ("id" INTEGER PRIMARY KEY);`);
    const file = path.join(temp.dir, "db.sqlite");
    const captured = captureLogger();
    migrateSqlite(file, readMigrations(dir), captured.logger);
    fs.writeFileSync(path.join(dir, "20260101000000_first", "migration.sql"), `CREATE TABLE "A" ("id" INTEGER PRIMARY KEY, "x" TEXT);`);
    migrateSqlite(file, readMigrations(dir), captured.logger);
    expect(captured.lines().some((line) => line.msg === "applied migration was edited afterwards")).toBe(true);
  });

  it("keeps one history with prisma migrate deploy, whichever applied the migrations first", async () => {
    const migrationsDir = projectPaths().migrationsDir;
    const migrations = readMigrations(migrationsDir);
    const ours = path.join(temp.dir, "ours.db");
    migrateSqlite(ours, migrations, captureLogger().logger);
    expect(await prismaMigrateDeploy(`file:${ours}`, migrationsDir)).toEqual([]);

    const theirs = path.join(temp.dir, "theirs.db");
    expect(await prismaMigrateDeploy(`file:${theirs}`, migrationsDir)).toEqual(migrations.map((migration) => migration.name));
    const report = migrateSqlite(theirs, migrations, captureLogger().logger);
    expect(report.applied).toEqual([]);
    expect(report.alreadyApplied).toEqual(migrations.map((migration) => migration.name));
  });
});
