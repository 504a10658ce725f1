// Generates the Prisma client into src/generated/prisma (run by `npm install`).
//
// `prisma generate` does not run Prisma's native schema engine, but the CLI
// still tries to download it first and fails on machines that cannot reach
// Prisma's binary host. Pointing PRISMA_SCHEMA_ENGINE_BINARY at any existing
// file skips that download. The stand-in is never executed by generate; it
// would be by `prisma migrate`, which is why the bot applies migrations with
// its own runner (src/db/migrateDatabase.ts) instead.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const prismaCli = require.resolve("prisma/build/index.js");
const env = { ...process.env };
env.PRISMA_SCHEMA_ENGINE_BINARY ??= fileURLToPath(import.meta.url);
env.PRISMA_HIDE_UPDATE_MESSAGE = "1";
env.CHECKPOINT_DISABLE = "1";

const result = spawnSync(process.execPath, [prismaCli, "generate"], { stdio: "inherit", env });
process.exit(result.status ?? 1);
