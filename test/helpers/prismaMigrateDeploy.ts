import fs from "node:fs";
import path from "node:path";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";
import { loadSchemaEngine } from "../../scripts/loadSchemaEngine.mjs";

/**
 * Runs what `prisma migrate deploy` runs, `applyMigrations` of Prisma's schema
 * engine (its WebAssembly build, through a driver adapter, since the native
 * engine cannot be downloaded here), on `databaseUrl` with the migrations in
 * `migrationsDir`. Returns the names it applied.
 */
export async function prismaMigrateDeploy(databaseUrl: string, migrationsDir: string): Promise<string[]> {
  const SchemaEngine = await loadSchemaEngine();
  const lockfilePath = path.join(migrationsDir, "migration_lock.toml");
  const migrationDirectories = fs
    .readdirSync(migrationsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => ({
      path: name,
      migrationFile: {
        path: "migration.sql",
        content: { tag: "ok" as const, value: fs.readFileSync(path.join(migrationsDir, name, "migration.sql"), "utf8") },
      },
    }));
  const isSqlite = databaseUrl.startsWith("file:");
  const inner: SqlMigrationAwareDriverAdapterFactory = isSqlite
    ? new PrismaBetterSqlite3({ url: databaseUrl })
    : new PrismaPg({ connectionString: databaseUrl });
  const opened: SqlDriverAdapter[] = [];
  const tracked: SqlMigrationAwareDriverAdapterFactory = {
    provider: inner.provider,
    adapterName: inner.adapterName,
    connect: async () => {
      const adapter = isSqlite ? await inner.connect() : dollarQuoteAware(await inner.connect());
      opened.push(adapter);
      return adapter;
    },
    connectToShadowDb: () => inner.connectToShadowDb(),
  };
  const datasource = `datasource db {\n  provider = "${isSqlite ? "sqlite" : "postgresql"}"\n}\n`;
  const engine = await SchemaEngine.new(
    { datamodels: [["schema.prisma", datasource]] },
    () => {},
    bindMigrationAwareSqlAdapterFactory(tracked),
  );
  try {
    const result = await engine.applyMigrations({
      migrationsList: {
        baseDir: migrationsDir,
        lockfile: { path: "migration_lock.toml", content: fs.existsSync(lockfilePath) ? fs.readFileSync(lockfilePath, "utf8") : null },
        shadowDbInitScript: "",
        migrationDirectories,
      },
      filters: { externalTables: [], externalEnums: [] },
    });
    return result.appliedMigrationNames;
  } finally {
    engine.free();
    await Promise.all(opened.map((adapter) => adapter.dispose()));
  }
}

/**
 * The pg adapter runs a migration script by splitting it at every ";", which
 * cuts a plpgsql body (`$$ … $$`) apart; Prisma's native engine sends the
 * script whole. This runs the same statements, split only outside `$$` bodies.
 */
function dollarQuoteAware(adapter: SqlDriverAdapter): SqlDriverAdapter {
  return Object.assign(Object.create(adapter) as SqlDriverAdapter, {
    executeScript: async (script: string) => {
      for (const statement of statementsOf(script)) await adapter.executeRaw({ sql: statement, args: [], argTypes: [] });
    },
  });
}

function statementsOf(script: string): string[] {
  const statements: string[] = [];
  let current = "";
  for (const [index, part] of script.split("$$").entries()) {
    // Odd parts are inside a $$ body: kept whole.
    if (index % 2 === 1) {
      current += `$$${part}$$`;
      continue;
    }
    const pieces = part.split(";");
    current += pieces[0] ?? "";
    for (const piece of pieces.slice(1)) {
      statements.push(current);
      current = piece;
    }
  }
  statements.push(current);
  return statements.map((statement) => statement.trim()).filter((statement) => statement.length > 0);
}
