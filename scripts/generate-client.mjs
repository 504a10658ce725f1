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
for (const clientDir of ["prisma", "prisma-postgres"])
  readQueryCompilerAsFile(path.join(root, "src", "generated", clientDir, "internal", "class.ts"));

/**
 * The generated client loads its query compiler (WebAssembly) by importing a
 * module whose only export is the binary as one base64 string. An imported
 * module stays loaded, so that text stayed in the JS heap for the life of the
 * process twice over (the module's source and its string: 4.2 MB, more with
 * the "fast" build). This rewrites the client to read the same file as text
 * and decode it, after which both are garbage. Fails loudly when Prisma's
 * output no longer has the expected shape (then review this step).
 */
function readQueryCompilerAsFile(classFile) {
  const source = fs.readFileSync(classFile, "utf8");
  if (source.includes("readWasmBase64(")) return;
  const importing =
    /const \{ wasm \} = await import\(("@prisma\/client\/runtime\/query_compiler_\w+_bg\.\w+\.wasm-base64\.mjs")\)\n(\s*)return await decodeBase64AsWasm\(wasm\)/;
  const decoder = "async function decodeBase64AsWasm(";
  if (!importing.test(source) || !source.includes(decoder)) {
    throw new Error(
      `${path.relative(root, classFile)}: Prisma's query compiler loading changed; update readQueryCompilerAsFile in scripts/generate-client.mjs`,
    );
  }
  const reader = `// cohort-bot (scripts/generate-client.mjs): the base64 module read as text, so no module keeps it in memory.
async function readWasmBase64(specifier: string): Promise<string> {
  const { createRequire } = await import('node:module')
  const { readFile } = await import('node:fs/promises')
  const text = await readFile(createRequire(import.meta.url).resolve(specifier), 'utf8')
  const start = text.indexOf('"') + 1
  const end = text.indexOf('"', start)
  if (start === 0 || end === -1) throw new Error(\`no base64 string in \${specifier}\`)
  return text.slice(start, end)
}

`;
  const rewritten = source
    .replace(importing, "return await decodeBase64AsWasm(await readWasmBase64($1))")
    .replace(decoder, `${reader}${decoder}`);
  fs.writeFileSync(classFile, rewritten);
}
