import fs from "node:fs";
import path from "node:path";
import { afterEach } from "vitest";
import { openDatabase, type DatabaseHandle } from "../../src/db/openDatabase.js";
import { projectPaths } from "../../src/projectPaths.js";
import { captureLogger } from "./silentLogger.js";
import { makeTempDir } from "./tempDir.js";
import { createTestDatabase, type TestDatabase } from "./testDatabase.js";
import { startTestApp, type TestApp } from "./testApp.js";

/** A test database whose schema is as it was just before a migration, for rows written the old way. */
export interface BeforeMigration {
  /** A fresh database of the provider under test, migrated up to (not including) the migration, and opened. */
  open(): Promise<DatabaseHandle>;
  /** Closes the old database and starts the bot on it: its start applies the migration under test and those after it. */
  migrate(): Promise<TestApp>;
}

/**
 * For a describe block of `migration`'s tests: each test opens the old schema with `open()`, writes its rows, then
 * `migrate()`s and checks them. Everything a test opened (bot, database, copied migrations) is removed after it.
 */
export function openBeforeMigration(migration: string): BeforeMigration {
  let temp: ReturnType<typeof makeTempDir> | undefined;
  let database: TestDatabase | undefined;
  let old: DatabaseHandle | undefined;
  let app: TestApp | undefined;
  afterEach(async () => {
    await app?.close();
    await old?.close();
    await database?.drop();
    temp?.cleanup();
    [app, old, database, temp] = [undefined, undefined, undefined, undefined];
  });
  return {
    async open() {
      temp = makeTempDir();
      database = await createTestDatabase();
      old = await openDatabase({
        url: database.url,
        migrationsDir: migrationsBefore(temp.dir, migration),
        logger: captureLogger().logger,
      });
      return old;
    },
    async migrate() {
      if (database === undefined || old === undefined) throw new Error("open() the old schema first");
      await old.close();
      old = undefined;
      app = await startTestApp({ environment: { DATABASE_URL: database.url } });
      return app;
    },
  };
}

/**
 * Copies the project's migrations older than `migration` (SQLite and PostgreSQL) into `dir` and returns the SQLite
 * directory to open a database with: a schema as it was just before `migration`.
 */
function migrationsBefore(dir: string, migration: string): string {
  const root = projectPaths().root;
  const sqlite = path.join(dir, "migrations");
  const postgres = path.join(dir, "postgresql", "migrations");
  fs.cpSync(path.join(root, "prisma", "migrations"), sqlite, { recursive: true });
  fs.cpSync(path.join(root, "prisma", "postgresql", "migrations"), postgres, { recursive: true });
  for (const base of [sqlite, postgres]) {
    const names = fs.readdirSync(base).filter((name) => /^\d{14}_/.test(name));
    for (const name of names) if (name >= migration) fs.rmSync(path.join(base, name), { recursive: true });
  }
  return sqlite;
}
