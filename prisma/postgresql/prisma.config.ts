import { defineConfig } from "prisma/config";

// Prisma's CLI on the PostgreSQL schema and migrations, for machines that have
// Prisma's engine: `npx prisma migrate deploy --config prisma/postgresql/prisma.config.ts`
// with DATABASE_URL set. Paths are relative to this file. The bot itself never
// reads this file (it migrates with src/db/migrateDatabase.ts).
export default defineConfig({
  schema: "schema.prisma",
  migrations: { path: "migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/cohort_bot" },
});
