import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export interface ProjectPaths {
  readonly root: string;
  readonly migrationsDir: string;
  readonly seedCurriculaDir: string;
}

/** Locates the project folder, whether we run from src/ (tsx) or dist/src/ (built). */
export function projectPaths(): ProjectPaths {
  const start = path.dirname(fileURLToPath(import.meta.url));
  let dir = start;
  for (;;) {
    if (fs.existsSync(path.join(dir, "package.json")) && fs.existsSync(path.join(dir, "prisma", "migrations"))) {
      return {
        root: dir,
        migrationsDir: path.join(dir, "prisma", "migrations"),
        seedCurriculaDir: path.join(dir, "prisma", "seed"),
      };
    }
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`cohort-bot: cannot find the project folder above ${start}`);
    dir = parent;
  }
}
