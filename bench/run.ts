/**
 * `npm run bench`: the bot's latency for /today, /done and /leaderboard on
 * one cohort of 10,000 members with 1,000,000 completions, beside the same
 * database work done by hand-written SQL. See benchUsage for the options.
 *
 * Each database target runs in two child processes: one builds (or reuses)
 * the data set, one measures. A process of its own per measurement keeps
 * the data generation out of the reported peak memory and lets each
 * database report its own.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseDatabaseUrl } from "../src/db/parseDatabaseUrl.js";
import { compileBotEntries } from "./compileBotEntries.js";
import { BenchUsageError, benchUsage, parseBenchOptions, type BenchOptions } from "./benchOptions.js";
import type { BenchResult } from "./BenchResult.js";
import { benchCacheDir, BenchTargetError, benchTargetFor } from "./benchTargetFor.js";
import { parseCpuList, type CpuPinning } from "./parseCpuList.js";
import { renderPostingResult, type PostingBenchResult } from "./postingBench.js";
import type { SchedulerBenchResult } from "./measureScheduler.js";
import { renderResults } from "./renderResults.js";
import { renderSchedulerResults } from "./renderSchedulerResults.js";

const benchDir = path.dirname(fileURLToPath(import.meta.url));
const projectRoot = path.dirname(benchDir);

/**
 * The CPUs to pin to, when taskset can: the bot process gets the first CPU this
 * process may run on (a container may not allow CPU 0), the measuring process
 * (emulator, hand-written SQL) the next one, so neither waits for the other's core.
 */
function cpusToPinTo(): CpuPinning | null {
  const hasTaskset = (process.env.PATH ?? "").split(path.delimiter).some((dir) => dir !== "" && fs.existsSync(path.join(dir, "taskset")));
  if (!hasTaskset) return null;
  const status = fs.existsSync("/proc/self/status") ? fs.readFileSync("/proc/self/status", "utf8") : "";
  const allowed = parseCpuList(/Cpus_allowed_list:\s*(\S+)/.exec(status)?.[1] ?? "0");
  const bot = allowed[0] ?? 0;
  return { bot: String(bot), harness: String(allowed[1] ?? bot) };
}

/** Runs a bench script under tsx in a child process; rejects when it fails. */
function runChild(script: string, args: readonly string[], pinning: CpuPinning | null): Promise<void> {
  const node = [process.execPath, "--import", "tsx", path.join(benchDir, script), ...args];
  const [command, ...commandArgs] = pinning === null ? node : ["taskset", "-c", pinning.harness, ...node];
  return new Promise((resolve, reject) => {
    const child = spawn(command ?? process.execPath, commandArgs, {
      cwd: projectRoot,
      stdio: ["ignore", "inherit", "inherit"],
      env: { ...process.env, ...(pinning === null ? {} : { BENCH_BOT_CPU: pinning.bot, BENCH_HARNESS_CPU: pinning.harness }) },
    });
    child.on("error", reject);
    child.on("exit", (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`${script} failed (${signal === null ? `exit code ${code}` : `signal ${signal}`})`)),
    );
  });
}

/** PostgreSQL is measured only when the bot itself can run on it (src/db/parseDatabaseUrl.ts accepts the URL). */
function checkBotSupports(database: string): void {
  if (database === "sqlite") return;
  try {
    parseDatabaseUrl(database);
  } catch (error) {
    throw new BenchTargetError(
      `The bot cannot run on ${database.replace(/\/\/[^@/]*@/, "//")} yet: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

/** Posting the weekly assignment to `cohorts` cohorts under Discord's rate limits (bench/postingBench.ts), in a process of its own. */
async function measurePosting(cohorts: number): Promise<PostingBenchResult> {
  process.stderr.write(`posting: the weekly assignment of ${cohorts} cohorts under Discord's rate limits\n`);
  fs.mkdirSync(benchCacheDir, { recursive: true });
  const resultFile = path.join(benchCacheDir, `posting-${process.pid}.json`);
  await runChild("postingBench.ts", [resultFile, String(cohorts)], null);
  const result = JSON.parse(fs.readFileSync(resultFile, "utf8")) as PostingBenchResult;
  fs.rmSync(resultFile, { force: true });
  return result;
}

async function main(options: BenchOptions): Promise<void> {
  for (const database of options.databases) {
    checkBotSupports(database);
    benchTargetFor(database);
  }
  const pinning = options.pin ? cpusToPinTo() : null;
  const startedAt = new Date();
  const loadAverage = os.loadavg()[0] ?? 0;
  process.stderr.write("compiling the bot (dist/, as npm start runs it)\n");
  compileBotEntries(projectRoot);
  const results: BenchResult[] = [];
  const serialized = JSON.stringify(options);
  for (const database of options.databases) {
    const label = benchTargetFor(database).label;
    process.stderr.write(`${label}: preparing the data set (cached in ${benchCacheDir})\n`);
    await runChild("prepareDataset.ts", [serialized, database], null);
    process.stderr.write(
      `${label}: measuring${pinning === null ? "" : ` (bot on CPU ${pinning.bot}, emulator and SQL on CPU ${pinning.harness})`}\n`,
    );
    const resultFile = path.join(benchCacheDir, `result-${process.pid}-${results.length}.json`);
    await runChild("measureBot.ts", [serialized, database, resultFile], pinning);
    results.push(JSON.parse(fs.readFileSync(resultFile, "utf8")) as BenchResult);
    fs.rmSync(resultFile, { force: true });
  }
  const posting = options.postingCohorts === 0 ? null : await measurePosting(options.postingCohorts);
  const schedulerResult = options.scheduler ? await measureSchedulerRows(serialized) : null;
  const markdown = `${renderResults(results, {
    options,
    date: startedAt,
    machine: `${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? "unknown CPU"}`,
    loadAverage,
  })}${posting === null ? "" : `\n\n${renderPostingResult(posting)}`}${schedulerResult === null ? "" : `\n\n${renderSchedulerResults(schedulerResult)}`}`;
  process.stdout.write(`\n${markdown}\n`);
  const resultsFile = path.resolve(projectRoot, options.resultsFile);
  fs.writeFileSync(resultsFile, `${markdown}\n`);
  process.stderr.write(`Written to ${path.relative(projectRoot, resultsFile)}\n`);
}

let options: BenchOptions | "help";
try {
  options = parseBenchOptions(process.argv.slice(2));
} catch (error) {
  if (!(error instanceof BenchUsageError)) throw error;
  process.stderr.write(`${error.message}\n\n${benchUsage}`);
  process.exit(2);
}
if (options === "help") {
  process.stdout.write(benchUsage);
} else {
  main(options).catch((error: unknown) => {
    process.stderr.write(
      `${error instanceof BenchTargetError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  });
}

async function measureSchedulerRows(serialized: string): Promise<SchedulerBenchResult> {
  process.stderr.write("planning and scheduler: measuring (SQLite)\n");
  fs.mkdirSync(benchCacheDir, { recursive: true });
  const schedulerFile = path.join(benchCacheDir, `scheduler-${process.pid}.json`);
  await runChild("measureScheduler.ts", [serialized, schedulerFile], null);
  const result = JSON.parse(fs.readFileSync(schedulerFile, "utf8")) as SchedulerBenchResult;
  fs.rmSync(schedulerFile, { force: true });
  return result;
}
