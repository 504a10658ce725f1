import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { waitLimitMs } from "./botHarness.js";
import { makeTempDir } from "./tempDir.js";

const projectRoot = fileURLToPath(new URL("../..", import.meta.url));

export type LogLine = Record<string, unknown> & { readonly msg?: unknown };

/**
 * `npm start` as a real OS process (`node --import tsx src/main.ts`), with
 * its JSON log lines (stdout, shared by any shard processes it starts) read
 * back for the test.
 */
export interface BotProcess {
  readonly pid: number;
  /** Every JSON log line so far. */
  logs(): LogLine[];
  /** The first log line (old or new) matching `predicate`; fails with the output's tail after `timeoutMs`. */
  waitForLog(predicate: (line: LogLine) => boolean, description: string, timeoutMs?: number): Promise<LogLine>;
  /** SIGTERM, then waits for the exit; returns the exit code. */
  stop(): Promise<number | null>;
  /** The exit code once the process has exited and its output is read to the end (every line in logs()). */
  closed(): Promise<number | null>;
}

/** Starts the bot entry with exactly `environment` (plus PATH and HOME). */
export function spawnBotProcess(environment: Record<string, string>): BotProcess {
  const child: ChildProcessWithoutNullStreams = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: projectRoot,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/tmp", ...environment },
  });
  const lines: LogLine[] = [];
  let partial = "";
  let other = "";
  child.stdout.on("data", (chunk: Buffer) => {
    const text = partial + chunk.toString("utf8");
    const complete = text.split("\n");
    partial = complete.pop() ?? "";
    for (const line of complete) {
      if (line.trim() === "") continue;
      try {
        lines.push(JSON.parse(line) as LogLine);
      } catch {
        other += `${line}\n`;
      }
    }
  });
  child.stderr.on("data", (chunk: Buffer) => (other += chunk.toString("utf8")));
  let exitCode: number | null | undefined;
  const exited = new Promise<number | null>((resolve) =>
    child.on("exit", (code) => {
      exitCode = code;
      resolve(code);
    }),
  );
  const closed = new Promise<number | null>((resolve) => child.on("close", (code) => resolve(code)));
  const tail = () => [...lines.slice(-15).map((line) => JSON.stringify(line)), other.slice(-2_000)].join("\n");

  return {
    pid: child.pid ?? -1,
    logs: () => lines,
    async waitForLog(predicate, description, timeoutMs = waitLimitMs) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = lines.find(predicate);
        if (found !== undefined) return found;
        if (exitCode !== undefined) throw new Error(`bot process exited (${String(exitCode)}) before ${description}:\n${tail()}`);
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${description}:\n${tail()}`);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    },
    async stop() {
      if (exitCode === undefined) child.kill("SIGTERM");
      return exited;
    },
    closed: () => closed,
  };
}

/**
 * The bot entry with its own SQLite file and health file in a fresh temporary folder, logging JSON at info level
 * (`environment` overrides either). Its stop and the folder's removal go on `cleanups`, run in reverse: stopped, then removed.
 */
export function spawnBotInTempDir(environment: Record<string, string>, cleanups: (() => Promise<void> | void)[]): BotProcess {
  const temp = makeTempDir();
  cleanups.push(() => temp.cleanup());
  const bot = spawnBotProcess({
    DATABASE_URL: `file:${path.join(temp.dir, "bot.db")}`,
    HEALTH_FILE: path.join(temp.dir, "health"),
    LOG_LEVEL: "info",
    LOG_FORMAT: "json",
    ...environment,
  });
  cleanups.push(async () => {
    await bot.stop();
  });
  return bot;
}

/** The clock every bot process reads (COHORT_BOT_TEST_CLOCK_FILE), moved by the test. */
export class SharedTestClock {
  constructor(readonly file: string) {}

  /** Replaces the file in one step, so a process never reads it half-written. */
  set(instant: Date): void {
    const next = path.join(path.dirname(this.file), `.${path.basename(this.file)}.next`);
    fs.writeFileSync(next, instant.toISOString());
    fs.renameSync(next, this.file);
  }
}
