// Creates a new Prisma migration for both databases from the difference
// between the migrations folders and prisma/schema.prisma, without Prisma's
// native schema engine (which cannot be downloaded on offline machines).
// Development aid only: it uses Prisma's WebAssembly schema engine, which
// Prisma no longer ships on its official path since 7.0; the bot itself
// applies migrations with its own runner (src/db/migrateDatabase.ts).
//
// Writes prisma/migrations/<stamp>_<name>/migration.sql (SQLite) and
// prisma/postgresql/migrations/<stamp>_<name>/migration.sql (PostgreSQL),
// under the same name so the two histories stay in step.
//
// The PostgreSQL diff needs a reachable server (TEST_POSTGRES_URL, default
// postgresql://postgres@127.0.0.1:5432/postgres): the engine asks it for its
// version and nothing else. It cannot read a PostgreSQL database's schema
// through the `pg` adapter (it fails on `"char"` catalog columns), so the
// previous state for both databases is the SQLite migrations replayed into a
// throw-away file and read back; the data model is portable, so that state,
// re-labelled as PostgreSQL, is also where the PostgreSQL migrations stand.
//
// Usage: npm run migration:new -- <name>
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import Database from "better-sqlite3";
import { derivePostgresSchema } from "./derivePostgresSchema.mjs";
import { loadSchemaEngine } from "./loadSchemaEngine.mjs";

const root = path.resolve(import.meta.dirname, "..");
const name = (process.argv[2] ?? "")
  .trim()
  .toLowerCase()
  .replace(/[^a-z0-9]+/g, "_")
  .replace(/^_|_$/g, "");
if (name === "") {
  console.error("Usage: npm run migration:new -- <name>   (e.g. add_member_timezone)");
  process.exit(2);
}

const emptyMigration = "-- This is an empty migration.";
const filters = { externalTables: [], externalEnums: [] };
const postgresServerUrl = process.env.TEST_POSTGRES_URL || "postgresql://postgres@127.0.0.1:5432/postgres";

const sqlite = {
  schemaPath: path.join(root, "prisma", "schema.prisma"),
  migrationsDir: path.join(root, "prisma", "migrations"),
  provider: "sqlite",
};
const postgres = {
  schemaPath: path.join(root, "prisma", "postgresql", "schema.prisma"),
  migrationsDir: path.join(root, "prisma", "postgresql", "migrations"),
  provider: "postgresql",
};

const sqliteSchema = fs.readFileSync(sqlite.schemaPath, "utf8");
const postgresSchema = derivePostgresSchema(sqliteSchema);
fs.mkdirSync(path.dirname(postgres.schemaPath), { recursive: true });
fs.writeFileSync(postgres.schemaPath, postgresSchema);

/** @param {string} dir */
function migrationNames(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(dir, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort();
}

const sqliteNames = migrationNames(sqlite.migrationsDir);
const postgresNames = migrationNames(postgres.migrationsDir);
if (sqliteNames.join("\n") !== postgresNames.join("\n")) {
  console.error("The SQLite and PostgreSQL migration folders differ; every migration must exist in both:");
  console.error(`  prisma/migrations:            ${sqliteNames.join(", ") || "(none)"}`);
  console.error(`  prisma/postgresql/migrations: ${postgresNames.join(", ") || "(none)"}`);
  process.exit(1);
}

/** @param {string} provider */
function bareDatasource(provider) {
  return `datasource db {\n  provider = "${provider}"\n}\n`;
}

/**
 * The data model the SQLite migrations build, as schema files (null when there are none).
 * @returns {Promise<{ path: string, content: string }[] | null>}
 */
async function appliedDatamodel(SchemaEngine) {
  if (sqliteNames.length === 0) return null;
  // Replay into a throw-away file and read it back (the engine's own
  // shadow-database replay does not work through the WebAssembly build).
  const shadowFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "cohort-bot-shadow-")), "shadow.db");
  const shadow = new Database(shadowFile);
  for (const dir of sqliteNames) shadow.exec(fs.readFileSync(path.join(sqlite.migrationsDir, dir, "migration.sql"), "utf8"));
  shadow.close();
  const adapter = bindMigrationAwareSqlAdapterFactory(new PrismaBetterSqlite3({ url: `file:${shadowFile}` }));
  const engine = await SchemaEngine.new({ datamodels: [["schema.prisma", sqliteSchema]] }, () => {}, adapter);
  const introspected = await engine.introspect({
    schema: { files: [{ path: "schema.prisma", content: bareDatasource("sqlite") }] },
    baseDirectoryPath: root,
    force: true,
    compositeTypeDepth: 0,
    namespaces: null,
  });
  fs.rmSync(path.dirname(shadowFile), { recursive: true, force: true });
  return introspected.schema.files;
}

/**
 * @param {{ provider: string }} target
 * @param {unknown} adapterFactory
 * @param {string} schema
 * @param {{ path: string, content: string }[] | null} applied
 */
async function diff(SchemaEngine, target, adapterFactory, schema, applied) {
  const engine = await SchemaEngine.new(
    { datamodels: [["schema.prisma", schema]] },
    () => {},
    bindMigrationAwareSqlAdapterFactory(adapterFactory),
  );
  // Diff from a data model rather than from "empty": "empty" makes the
  // PostgreSQL script start with CREATE SCHEMA "public", which needs a
  // privilege the bot's database user may not have.
  const from = (applied ?? [{ path: "schema.prisma", content: bareDatasource(target.provider) }]).map((file) => ({
    path: file.path,
    content: file.content.replace(/(datasource\s+\w+\s*\{[^}]*?provider\s*=\s*)"[^"]*"/, `$1"${target.provider}"`),
  }));
  const result = await engine.diff({
    from: { tag: "schemaDatamodel", files: from },
    to: { tag: "schemaDatamodel", files: [{ path: "schema.prisma", content: schema }] },
    script: true,
    exitCode: null,
    filters,
  });
  const sql = (result.stdout ?? "").trim();
  return sql === "" ? emptyMigration : sql;
}

const SchemaEngine = await loadSchemaEngine();
const applied = await appliedDatamodel(SchemaEngine);
const sqliteScratch = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "cohort-bot-diff-")), "diff.db");
const sqliteSql = await diff(SchemaEngine, sqlite, new PrismaBetterSqlite3({ url: `file:${sqliteScratch}` }), sqliteSchema, applied);
fs.rmSync(path.dirname(sqliteScratch), { recursive: true, force: true });
let postgresSql;
try {
  postgresSql = await diff(SchemaEngine, postgres, new PrismaPg({ connectionString: postgresServerUrl }), postgresSchema, applied);
} catch (error) {
  console.error(`Cannot diff the PostgreSQL migrations: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`);
  console.error("Start PostgreSQL (scripts/ensure-postgres.sh) or point TEST_POSTGRES_URL at a server; nothing was written.");
  process.exit(1);
}

if (sqliteSql === emptyMigration && postgresSql === emptyMigration) {
  console.log("The schema matches the migrations: nothing to create.");
  process.exit(0);
}
const stamp = new Date()
  .toISOString()
  .replace(/[-:TZ]/g, "")
  .slice(0, 14);
for (const [target, sql] of /** @type {const} */ ([
  [sqlite, sqliteSql],
  [postgres, postgresSql],
])) {
  const dir = path.join(target.migrationsDir, `${stamp}_${name}`);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, "migration.sql"), `${sql}\n`);
  const lockPath = path.join(target.migrationsDir, "migration_lock.toml");
  if (!fs.existsSync(lockPath)) {
    fs.writeFileSync(
      lockPath,
      `# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "${target.provider}"\n`,
    );
  }
  console.log(`Created ${path.relative(root, dir)}/migration.sql${sql === emptyMigration ? " (no change for this database)" : ""}`);
}
// The PostgreSQL adapter keeps a connection pool open.
process.exit(0);
