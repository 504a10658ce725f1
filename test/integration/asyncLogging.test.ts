import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";

/** Runs the fixture and returns its standard output (a pipe, as under a process manager). */
async function runFixture(lines: number): Promise<{ code: number | null; stdout: string }> {
  const child = spawn(process.execPath, ["--import", "tsx", "test/fixtures/logging/logThenSigterm.ts", String(lines)], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const chunks: Buffer[] = [];
  child.stdout.on("data", (chunk: Buffer) => chunks.push(chunk));
  const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
  return { code, stdout: Buffer.concat(chunks).toString("utf8") };
}

describe("production logging (asynchronous standard output)", () => {
  it("loses no line when the process stops on SIGTERM right after logging", async () => {
    const lines = 20_000;
    const { code, stdout } = await runFixture(lines);
    expect(code).toBe(0);
    const parsed = stdout
      .split("\n")
      .filter((line) => line !== "")
      .map((line) => JSON.parse(line) as { msg: string; index?: number });
    const indexes = parsed.filter((line) => line.msg === "line").map((line) => line.index);
    expect(indexes).toHaveLength(lines);
    expect(indexes).toEqual(Array.from({ length: lines }, (_, index) => index));
    expect(parsed.at(-1)?.msg).toBe("shutting down");
  });
});
