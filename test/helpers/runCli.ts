import { execFile } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { onTestFinished } from "vitest";
import { waitLimitMs } from "./botHarness.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * `npm run cli -- <args>` as its own process on `databaseUrl` (and `environment`), JSON logs; never rejects. Call it
 * inside a test: a CLI that hangs is killed at waitLimitMs, so the test fails on its output, not on a bare
 * timeout, and it is killed when the test ends however it ends.
 */
export function runCli(databaseUrl: string, args: readonly string[], environment: Record<string, string> = {}): Promise<CliResult> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      ["--import", "tsx", "src/cli.ts", ...args],
      { cwd: root, env: { ...process.env, DATABASE_URL: databaseUrl, LOG_FORMAT: "json", ...environment }, timeout: waitLimitMs },
      (error, stdout, stderr) =>
        resolve({
          code: error === null ? 0 : typeof error.code === "number" ? error.code : 1,
          stdout,
          // A CLI killed (at waitLimitMs, or by the machine) says so where tests look first, not as a bare exit code 1.
          stderr: error?.signal ? `${stderr}[runCli: killed by ${error.signal}]\n` : stderr,
        }),
    );
    onTestFinished(() => {
      child.kill("SIGKILL");
    });
  });
}
