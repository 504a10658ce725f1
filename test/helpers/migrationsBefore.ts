import fs from "node:fs";
import path from "node:path";
import { projectPaths } from "../../src/projectPaths.js";

/**
 * Copies the project's migrations older than `migration` (SQLite and PostgreSQL) into `dir` and returns the SQLite
 * directory to open a database with: a schema as it was just before `migration`, for rows written the old way.
 */
export function migrationsBefore(dir: string, migration: string): string {
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
