import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { projectPaths } from "../../src/projectPaths.js";
import { makeTempDir } from "../helpers/tempDir.js";
import { testDatabasePrefix, testDatabaseProvider, testPostgresServerUrl } from "../helpers/testDatabase.js";

/** The bench run under way, if any: stopped (with the processes it started) before its databases are dropped. */
let running: ChildProcess | null = null;

/** Runs `npm run bench` with these arguments in its own temp folder (its data cache lives under TMPDIR). */
function runBench(args: readonly string[], tmpDir: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    // Its own process group, so stopping it stops the data set and bot processes it starts too.
    const child = spawn(process.execPath, ["--import", "tsx", path.join("bench", "run.ts"), ...args], {
      cwd: projectPaths().root,
      env: { ...process.env, TMPDIR: tmpDir },
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    });
    running = child;
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
    child.on("error", reject);
    child.on("exit", (code) => {
      running = null;
      resolve({ code, output });
    });
  });
}

/** Stops a bench run still under way (a timed-out test leaves it running) and waits for it to exit. */
async function stopBench(): Promise<void> {
  const child = running;
  if (child?.pid === undefined) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  try {
    process.kill(-child.pid, "SIGKILL");
  } catch {
    return; // already gone
  }
  await exited;
}

// Not a timed test: it checks that `npm run bench` still works end to end (data set, bot process, emulator,
// hand-written SQL, results table) on a data set small enough to build in seconds. The numbers are the README's.
describe("npm run bench", () => {
  // On the PostgreSQL run of the suite the bench measures PostgreSQL too (its database name must contain "bench").
  const postgresName = `${testDatabasePrefix}bench_${process.pid}`;
  const postgresUrl =
    testDatabaseProvider === "postgresql" ? Object.assign(new URL(testPostgresServerUrl), { pathname: `/${postgresName}` }).href : null;

  async function dropPostgresDatabases(): Promise<void> {
    const client = new pg.Client({ connectionString: testPostgresServerUrl });
    await client.connect();
    try {
      for (const name of [postgresName, `${postgresName}_template`]) await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    } finally {
      await client.end();
    }
  }

  // After the test, even a failed or timed-out one (its own finally would wait for a run that may never end): the
  // run's databases are dropped, not left on the developer's server.
  afterAll(async () => {
    await stopBench();
    if (postgresUrl !== null) await dropPostgresDatabases();
  });

  it("measures the bot in its own process and writes the results table", { timeout: 900_000 }, async () => {
    const temp = makeTempDir();
    try {
      const resultsFile = path.join(temp.dir, "results.md");
      const { code, output } = await runBench(
        [
          ...[
            "--members",
            "40",
            "--completions",
            "400",
            "--actors",
            "12",
            "--runs",
            "6",
            "--warmup",
            "2",
            "--burst",
            "8",
            "--concurrency",
            "3",
          ],
          ...(postgresUrl === null ? [] : ["--database", postgresUrl]),
          ...["--posting-cohorts", "4", "--no-pin", "--out", resultsFile],
        ],
        temp.dir,
      );
      expect(code, output).toBe(0);
      const results = fs.readFileSync(resultsFile, "utf8");
      expect(results.match(/^## /gm)).toHaveLength(postgresUrl === null ? 2 : 3);
      expect(results).toContain("## Posting the weekly assignment");
      // Four cohorts' weekly posts under the rate limits: all sent, none failed.
      expect(results).toMatch(/^\| 4 \| 0 \| \d+ \| \d+ \| [\d.]+ s \| [\d.]+ s \| [\d.]+ \|$/m);
      for (const command of [
        "`/today`",
        "`/done`",
        "`/leaderboard` (week)",
        "`/leaderboard period:all`",
        "`/cohort roster` (first page)",
      ]) {
        expect(results).toMatch(
          new RegExp(
            `^\\| ${command.replace(/[()/`]/g, "\\$&")} \\| [\\d.]+ ms \\| [\\d.]+ ms \\| [\\d.]+ ms \\| [\\d.]+× \\| [\\d.]+× \\| [\\d.]+× \\|`,
            "m",
          ),
        );
      }
      // The framework floor: the same discord.js client answering /today with a fixed reply, in the same run.
      expect(results).toMatch(/^\| floor bot \(`\/today`, fixed reply\) \| [\d.]+ ms \| [\d.]+ ms \| — \| — \| 1\.0× \| 1\.0× \| — \|$/m);
      expect(results).toMatch(/The floor bot peaked at [1-9]\d* MB\./);
      expect(results).toContain("One cohort of 40 members");
      // Six measured and two warm-up rounds of each command, the roster twice (one warm-up, one measured), then the burst.
      expect(results.match(/12 of them sent 42 interactions/g)).toHaveLength(postgresUrl === null ? 1 : 2);
      expect(results).toMatch(/every `\/done` recorded exactly once \(\d+ completions after the run\)/);
      expect(results).toMatch(/\*\*Peak RSS\*\*: \d+ MB \(high-water mark of the bot process/);
      expect(results).toMatch(/Live JS heap after a full collection: [1-9]\d* MB once connected, [1-9]\d* MB after serving/);
      expect(results).toContain("8 mixed interactions with 3 in flight");
      expect(results).not.toContain("⚠");
      expect(results).toMatch(/\*\*Plan of the largest curriculum\*\* \(generated: 256 KB, 520 weeks/);
      expect(results).toMatch(/^\| 40 \| [\d.]+ ms \| [\d.]+ ms \/ [\d.]+ ms \| [\d.]+ ms \| [\d.]+ ms \| 40 \|$/m);
    } finally {
      temp.cleanup();
    }
  });
});
