import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { derivePostgresSchema } from "../../scripts/derivePostgresSchema.mjs";
import { migratePostgres, migrateSqlite, readMigrations } from "../../src/db/migrateDatabase.js";
import { parseDatabaseUrl } from "../../src/db/parseDatabaseUrl.js";
import { projectPaths } from "../../src/projectPaths.js";
import { captureLogger } from "../helpers/silentLogger.js";
import { createTestDatabase, testDatabaseProvider, type TestDatabase } from "../helpers/testDatabase.js";

const root = projectPaths().root;
const sqliteMigrationsDir = path.join(root, "prisma", "migrations");
const postgresMigrationsDir = path.join(root, "prisma", "postgresql", "migrations");

/** What the application relies on, in terms both databases can state. */
interface Shape {
  readonly columns: string[];
  readonly indexes: string[];
  readonly foreignKeys: string[];
}

function typeFamily(type: string): string {
  const lower = type.toLowerCase();
  if (lower === "integer" || lower === "int") return "integer";
  if (lower === "text") return "text";
  if (lower === "boolean") return "boolean";
  if (lower === "datetime" || lower.startsWith("timestamp")) return "datetime";
  if (lower === "real" || lower === "double precision") return "float";
  if (lower === "bigint") return "bigint";
  if (lower.startsWith("decimal") || lower === "numeric") return "decimal";
  if (lower === "blob" || lower === "bytea") return "bytes";
  return `unmapped:${lower}`;
}

function normaliseDefault(value: string | null): string {
  if (value === null) return "none";
  if (value.startsWith("nextval(")) return "autoincrement";
  return value.replace(/::[a-z ]+$/i, "").toLowerCase();
}

function sqliteShape(file: string): Shape {
  const db = new Database(file, { readonly: true });
  try {
    const tableNames = (
      db
        .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '_prisma_migrations'`)
        .all() as {
        name: string;
      }[]
    ).map((row) => row.name);
    const columns: string[] = [];
    const foreignKeys: string[] = [];
    for (const table of tableNames) {
      const info = db.prepare(`PRAGMA table_info("${table}")`).all() as {
        name: string;
        type: string;
        notnull: number;
        dflt_value: string | null;
        pk: number;
      }[];
      // Only a single-column INTEGER primary key is SQLite's rowid (autoincrement); a composite key's first column is not.
      const keyColumns = info.filter((column) => column.pk > 0).length;
      for (const column of info) {
        const isAutoincrement = keyColumns === 1 && column.pk === 1 && column.type.toUpperCase() === "INTEGER";
        const fallback = isAutoincrement ? "autoincrement" : normaliseDefault(column.dflt_value);
        columns.push(
          `${table}.${column.name} ${typeFamily(column.type)} ${column.notnull === 1 || column.pk === 1 ? "not null" : "null"} default ${fallback}`,
        );
      }
      const keys = db.prepare(`PRAGMA foreign_key_list("${table}")`).all() as {
        table: string;
        from: string;
        to: string;
        on_delete: string;
      }[];
      for (const key of keys) foreignKeys.push(`${table}.${key.from} -> ${key.table}.${key.to} on delete ${key.on_delete.toLowerCase()}`);
    }
    const indexes = (
      db
        .prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_%' AND tbl_name <> '_prisma_migrations'`)
        .all() as {
        name: string;
      }[]
    ).map((row) => row.name);
    return { columns: columns.sort(), indexes: indexes.sort(), foreignKeys: foreignKeys.sort() };
  } finally {
    db.close();
  }
}

async function postgresShape(url: string): Promise<Shape> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const columnRows = await client.query<{
      table_name: string;
      column_name: string;
      data_type: string;
      is_nullable: string;
      column_default: string | null;
    }>(
      `SELECT table_name, column_name, data_type, is_nullable, column_default FROM information_schema.columns
       WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'`,
    );
    const columns = columnRows.rows.map(
      (row) =>
        `${row.table_name}.${row.column_name} ${typeFamily(row.data_type)} ${row.is_nullable === "NO" ? "not null" : "null"} default ${normaliseDefault(row.column_default)}`,
    );
    const indexRows = await client.query<{ indexname: string }>(
      `SELECT i.indexname FROM pg_indexes i
       WHERE i.schemaname = 'public' AND i.tablename <> '_prisma_migrations'
         AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname AND c.contype = 'p')`,
    );
    const deleteRule: Record<string, string> = { a: "no action", r: "restrict", c: "cascade", n: "set null", d: "set default" };
    const keyRows = await client.query<{ source: string; column: string; target: string; target_column: string; rule: string }>(
      `SELECT src.relname AS source, sa.attname AS column, dst.relname AS target, da.attname AS target_column, c.confdeltype AS rule
       FROM pg_constraint c
       JOIN pg_class src ON src.oid = c.conrelid
       JOIN pg_class dst ON dst.oid = c.confrelid
       JOIN pg_namespace n ON n.oid = src.relnamespace AND n.nspname = 'public'
       JOIN pg_attribute sa ON sa.attrelid = c.conrelid AND sa.attnum = c.conkey[1]
       JOIN pg_attribute da ON da.attrelid = c.confrelid AND da.attnum = c.confkey[1]
       WHERE c.contype = 'f'`,
    );
    const foreignKeys = keyRows.rows.map(
      (row) => `${row.source}.${row.column} -> ${row.target}.${row.target_column} on delete ${deleteRule[row.rule] ?? row.rule}`,
    );
    return { columns: columns.sort(), indexes: indexRows.rows.map((row) => row.indexname).sort(), foreignKeys: foreignKeys.sort() };
  } finally {
    await client.end();
  }
}

describe("the PostgreSQL schema and migrations follow the SQLite ones", () => {
  it("prisma/postgresql/schema.prisma is the one derived from prisma/schema.prisma (run npm install after editing the schema)", () => {
    const sqliteSchema = fs.readFileSync(path.join(root, "prisma", "schema.prisma"), "utf8");
    const postgresSchema = fs.readFileSync(path.join(root, "prisma", "postgresql", "schema.prisma"), "utf8");
    expect(postgresSchema).toBe(derivePostgresSchema(sqliteSchema));
    expect(postgresSchema).toMatch(/provider\s*=\s*"postgresql"/);
  });

  it("both migration folders hold the same migrations, by name", () => {
    const names = (dir: string) => readMigrations(dir).map((migration) => migration.name);
    expect(names(postgresMigrationsDir).length).toBeGreaterThan(0);
    expect(names(postgresMigrationsDir)).toEqual(names(sqliteMigrationsDir));
    expect(fs.readFileSync(path.join(postgresMigrationsDir, "migration_lock.toml"), "utf8")).toMatch(/provider = "postgresql"/);
  });

  describe.runIf(testDatabaseProvider === "postgresql")("after migrating a SQLite file and a PostgreSQL database", () => {
    let sqlite: TestDatabase;
    let postgres: TestDatabase;
    beforeEach(async () => {
      sqlite = await createTestDatabase("sqlite");
      postgres = await createTestDatabase("postgresql");
    });
    afterEach(async () => {
      await sqlite.drop();
      await postgres.drop();
    });

    it("both have the same tables, columns (type, nullability, default), indexes and foreign keys", async () => {
      const logger = captureLogger().logger;
      const sqliteFile = sqlite.filePath ?? "";
      migrateSqlite(sqliteFile, readMigrations(sqliteMigrationsDir), logger);
      const target = parseDatabaseUrl(postgres.url);
      if (target.provider !== "postgresql") throw new Error("expected PostgreSQL");
      await migratePostgres(target, readMigrations(postgresMigrationsDir), logger);

      const fromSqlite = sqliteShape(sqliteFile);
      const fromPostgres = await postgresShape(postgres.url);
      expect(fromSqlite.columns.length).toBeGreaterThan(50);
      expect(fromSqlite.columns.some((column) => column.includes("unmapped"))).toBe(false);
      expect(fromPostgres.columns).toEqual(fromSqlite.columns);
      expect(fromPostgres.indexes).toEqual(fromSqlite.indexes);
      expect(fromPostgres.foreignKeys).toEqual(fromSqlite.foreignKeys);
    });
  });
});
