// Generates both Prisma clients (run by `npm install`): the SQLite one into
// src/generated/prisma from prisma/schema.prisma, and the PostgreSQL one into
// src/generated/prisma-postgres from prisma/postgresql/schema.prisma, which
// this script first derives from prisma/schema.prisma. Prisma 7 clients are
// provider-specific (the query compiler emits that database's SQL), hence two.
//
// `prisma generate` does not run Prisma's native schema engine, but the CLI
// still tries to download it first and fails on machines that cannot reach
// Prisma's binary host. Pointing PRISMA_SCHEMA_ENGINE_BINARY at any existing
// file skips that download. The stand-in is never executed by generate; it
// would be by `prisma migrate`, which is why the bot applies migrations with
// its own runner (src/db/migrateDatabase.ts) instead.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { derivePostgresSchema } from "./derivePostgresSchema.mjs";

const root = path.resolve(import.meta.dirname, "..");
const require = createRequire(import.meta.url);
const prismaCli = require.resolve("prisma/build/index.js");
const env = { ...process.env };
env.PRISMA_SCHEMA_ENGINE_BINARY ??= fileURLToPath(import.meta.url);
env.PRISMA_HIDE_UPDATE_MESSAGE = "1";
env.CHECKPOINT_DISABLE = "1";

const sqliteSchemaPath = path.join(root, "prisma", "schema.prisma");
const postgresSchemaPath = path.join(root, "prisma", "postgresql", "schema.prisma");
const postgresSchema = derivePostgresSchema(fs.readFileSync(sqliteSchemaPath, "utf8"));
// Rewrite only on change, so an unchanged checkout stays unchanged.
if (!fs.existsSync(postgresSchemaPath) || fs.readFileSync(postgresSchemaPath, "utf8") !== postgresSchema) {
  fs.mkdirSync(path.dirname(postgresSchemaPath), { recursive: true });
  fs.writeFileSync(postgresSchemaPath, postgresSchema);
}

for (const schemaPath of [sqliteSchemaPath, postgresSchemaPath]) {
  const result = spawnSync(process.execPath, [prismaCli, "generate", "--schema", path.relative(root, schemaPath)], {
    cwd: root,
    stdio: "inherit",
    env,
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
