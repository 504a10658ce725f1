import { defineConfig } from "prisma/config";

// Used by the Prisma CLI only (generate, and `migrate diff` when a developer
// has the schema engine). The bot itself never reads this file.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "file:./data/cohort-bot.db" },
});
