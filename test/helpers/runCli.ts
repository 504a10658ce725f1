import { execFile } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { unhurriedDeadlineMs } from "./botHarness.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** `npm run cli -- <args>` as its own process on `databaseUrl`, JSON logs on stderr; never rejects. */
export function runCli(databaseUrl: string, args: readonly string[]): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ["--import", "tsx", "src/cli.ts", ...args],
      { cwd: root, env: { ...process.env, DATABASE_URL: databaseUrl, LOG_FORMAT: "json" }, timeout: unhurriedDeadlineMs },
      (error, stdout, stderr) => resolve({ code: error === null ? 0 : typeof error.code === "number" ? error.code : 1, stdout, stderr }),
    );
  });
}
