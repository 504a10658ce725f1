import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);

describe("bench:pictures", () => {
  it("reports the progress card's render time and memory", async () => {
    const { stdout } = await run(process.execPath, ["--expose-gc", "--import", "tsx", "bench/pictures.ts", "--renders", "10"], {
      cwd: new URL("../..", import.meta.url).pathname,
    });
    expect(stdout).toMatch(/\| draw \+ PNG encode \| 10 \| [\d.]+ \| [\d.]+ \|/);
    expect(stdout).toMatch(/extra RSS per card with 10 rendered at once: [+−][\d.]+ MB/);
  });

  it("refuses a run too small to give a p99", async () => {
    await expect(
      run(process.execPath, ["--import", "tsx", "bench/pictures.ts", "--renders", "3"], {
        cwd: new URL("../..", import.meta.url).pathname,
      }),
    ).rejects.toMatchObject({
      stderr: expect.stringContaining("--renders must be a whole number of at least 10") as unknown,
    });
  });
});
