import { describe, expect, it } from "vitest";
import { BenchUsageError, parseBenchOptions } from "../../bench/benchOptions.js";

describe("npm run bench options", () => {
  it("measures planning and the scheduler unless told --no-scheduler", () => {
    const defaults = parseBenchOptions([]);
    const skipped = parseBenchOptions(["--no-scheduler", "--members", "1000"]);
    expect(defaults !== "help" && defaults.scheduler).toBe(true);
    expect(skipped !== "help" && { scheduler: skipped.scheduler, members: skipped.members }).toEqual({ scheduler: false, members: 1000 });
  });

  it("refuses a value that is not a count", () => {
    expect(() => parseBenchOptions(["--members", "ten"])).toThrow(BenchUsageError);
  });
});
