import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { projectPaths } from "../src/projectPaths.js";
import type { BenchOptions } from "./benchOptions.js";

/** The cohort every measurement runs in: the 12-week path, in a zone with daylight saving time. */
export const benchCohort = {
  name: "Benchmark Cohort",
  curriculum: "backend-engineer-learning-path",
  start: "2027-01-04",
  timeZone: "Europe/Berlin",
} as const;

/** The bot's clock during the measurements: Wednesday of week 10, mid-course, so every board has data. */
export const benchNow = new Date("2027-03-10T10:00:00Z");

/** Bump when the generator changes what it writes: cached data sets are rebuilt. */
const generatorVersion = 5;

/** What the measuring process needs to know about a built data set. */
export interface DatasetManifest {
  readonly key: string;
  readonly cohortId: number;
  readonly members: number;
  readonly activeMembers: number;
  readonly completions: number;
  readonly weeklyScores: number;
  /** Active members who run the commands; the emulator gets one user for each. */
  readonly actorMemberIds: readonly number[];
  readonly buildSeconds: number;
}

/**
 * Identifies a data set: the options that shape it, the generator, the
 * schema (migration folders) and the built-in curricula it is made from.
 */
export function datasetKey(options: Pick<BenchOptions, "members" | "completions" | "actors" | "seed">, provider: string): string {
  const paths = projectPaths();
  const hash = createHash("sha256");
  hash.update(JSON.stringify({ generatorVersion, provider, benchCohort, now: benchNow.toISOString(), ...pickShape(options) }));
  for (const dir of [paths.migrationsDir, path.join(paths.root, "prisma", "postgresql", "migrations"), paths.seedCurriculaDir]) {
    if (!fs.existsSync(dir)) continue;
    const files = fs
      .readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => path.join(entry.parentPath, entry.name))
      .sort();
    for (const file of files) hash.update(path.relative(paths.root, file)).update(fs.readFileSync(file));
  }
  return hash.digest("hex").slice(0, 24);
}

function pickShape(options: Pick<BenchOptions, "members" | "completions" | "actors" | "seed">) {
  return { members: options.members, completions: options.completions, actors: options.actors, seed: options.seed };
}

export function readManifest(file: string): DatasetManifest | null {
  if (!fs.existsSync(file)) return null;
  return JSON.parse(fs.readFileSync(file, "utf8")) as DatasetManifest;
}
