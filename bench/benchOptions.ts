import { parseArgs } from "node:util";

/** What `npm run bench -- …` was asked to do. */
export interface BenchOptions {
  /** Database targets, each measured in its own process: "sqlite" (a file in the cache folder) or a postgresql:// URL. */
  readonly databases: readonly string[];
  readonly members: number;
  readonly completions: number;
  /** Measured runs per command (after the warm-up). */
  readonly runs: number;
  readonly warmup: number;
  /** Members the emulator knows and who run the commands (spread over the cohort). */
  readonly actors: number;
  /** Interactions of the concurrent throughput phase; 0 skips it. */
  readonly burst: number;
  readonly concurrency: number;
  /** Cohorts whose weekly assignment the posting measurement sends under Discord's rate limits; 0 skips it. */
  readonly postingCohorts: number;
  /** Rebuild the data set even when a cached copy matches. */
  readonly fresh: boolean;
  /** Pin the bot process to one CPU and the measuring process to another with taskset (the goals are "on one core"). */
  readonly pin: boolean;
  /** Measure planning and the scheduler (bench/measureScheduler.ts) after the commands. */
  readonly scheduler: boolean;
  readonly seed: number;
  /** Where the Markdown table is written. */
  readonly resultsFile: string;
}

export const benchUsage = `Usage: npm run bench -- [options]

  --database <url>     also measure this database: postgresql://user@host:port/name
                       (its name must contain "bench": the bench drops and recreates it
                       and a <name>_template beside it). SQLite is always measured.
  --members <n>        cohort members (default 10000)
  --completions <n>    completions in the cohort (default 1000000)
  --runs <n>           measured runs per command (default 1000)
  --warmup <n>         warm-up runs per command (default 40)
  --actors <n>         members who run commands (default 1000)
  --burst <n>          interactions of the concurrent throughput phase, 0 = skip (default 400)
  --concurrency <n>    interactions in flight during the burst (default 20)
  --posting-cohorts <n> cohorts whose weekly post is sent under Discord's rate limits, 0 = skip (default 1000)
  --fresh              rebuild the data set even if a cached one matches
  --no-pin             do not pin the bot process and the measuring process to CPUs
  --no-scheduler       skip the planning and scheduler rows (their 10,000-cohort posting tick takes minutes)
  --seed <n>           data generator seed (default 1)
  --out <file>         Markdown results file (default bench/results.md)
`;

export class BenchUsageError extends Error {
  override readonly name = "BenchUsageError";
}

function positiveInteger(name: string, raw: string | undefined, fallback: number, minimum = 1): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < minimum) throw new BenchUsageError(`--${name} must be an integer ≥ ${minimum}, got "${raw}"`);
  return value;
}

/** Reads the command line; throws BenchUsageError with a readable message on bad input. */
export function parseBenchOptions(argv: readonly string[]): BenchOptions | "help" {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: false,
      options: {
        database: { type: "string", multiple: true },
        members: { type: "string" },
        completions: { type: "string" },
        runs: { type: "string" },
        warmup: { type: "string" },
        actors: { type: "string" },
        burst: { type: "string" },
        concurrency: { type: "string" },
        "posting-cohorts": { type: "string" },
        fresh: { type: "boolean" },
        "no-pin": { type: "boolean" },
        "no-scheduler": { type: "boolean" },
        seed: { type: "string" },
        out: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (error) {
    throw new BenchUsageError(error instanceof Error ? error.message : String(error));
  }
  const values = parsed.values;
  if (values.help === true) return "help";
  const extra = (values.database ?? []).map((url) => url.trim()).filter((url) => url !== "" && url !== "sqlite");
  for (const url of extra) {
    if (!/^postgres(ql)?:\/\//.test(url))
      throw new BenchUsageError(`--database must be a postgresql:// URL (SQLite is always measured), got "${url}"`);
  }
  const members = positiveInteger("members", values.members, 10_000, 2);
  const actors = Math.min(positiveInteger("actors", values.actors, 1_000), members);
  return {
    databases: ["sqlite", ...new Set(extra)],
    members,
    completions: positiveInteger("completions", values.completions, 1_000_000, 0),
    runs: positiveInteger("runs", values.runs, 1_000),
    warmup: positiveInteger("warmup", values.warmup, 40, 0),
    actors,
    burst: positiveInteger("burst", values.burst, 400, 0),
    concurrency: positiveInteger("concurrency", values.concurrency, 20),
    postingCohorts: positiveInteger("posting-cohorts", values["posting-cohorts"], 1_000, 0),
    fresh: values.fresh === true,
    pin: values["no-pin"] !== true,
    scheduler: values["no-scheduler"] !== true,
    seed: positiveInteger("seed", values.seed, 1, 0),
    resultsFile: values.out ?? "bench/results.md",
  };
}
