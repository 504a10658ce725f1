import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { defaultHealthFile, healthFileOf, heartbeatProblem } from "../../src/health/healthFile.js";
import { makeTempDir } from "../helpers/tempDir.js";

describe("HEALTH_FILE", () => {
  const temp = makeTempDir();
  afterAll(() => temp.cleanup());

  it("uses the default when unset or empty, as every variable does", () => {
    expect(healthFileOf({})).toBe(defaultHealthFile());
    expect(healthFileOf({ HEALTH_FILE: "" })).toBe(defaultHealthFile());
    expect(healthFileOf({ HEALTH_FILE: "  " })).toBe(defaultHealthFile());
    expect(healthFileOf({ HEALTH_FILE: "/data/health" })).toBe("/data/health");
  });

  it("accepts a file in a folder that exists", () => {
    expect(heartbeatProblem(path.join(temp.dir, "cohort-bot.health"))).toBeNull();
  });

  it("names the folder that does not exist, and a folder given as the file", () => {
    expect(heartbeatProblem(path.join(temp.dir, "missing", "cohort-bot.health"))).toContain(path.join(temp.dir, "missing"));
    fs.mkdirSync(path.join(temp.dir, "a-folder"));
    expect(heartbeatProblem(path.join(temp.dir, "a-folder"))).toContain("folder");
  });
});
