import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/loadConfig.js";
import { problemsOf } from "../helpers/configProblems.js";

const token = { DISCORD_TOKEN: "abc.def.ghi" };

describe("SHARD_COUNT", () => {
  it("runs one process when unset", () => {
    const config = loadConfig(token);
    expect(config.shardCount).toBeUndefined();
    expect(config.shard).toBeUndefined();
  });

  it("takes a number of shards or auto (in any case)", () => {
    expect(loadConfig({ ...token, SHARD_COUNT: "3" }).shardCount).toBe(3);
    expect(loadConfig({ ...token, SHARD_COUNT: "1" }).shardCount).toBe(1);
    expect(loadConfig({ ...token, SHARD_COUNT: " Auto " }).shardCount).toBe("auto");
  });

  it.each(["0", "-2", "2.5", "many", "10000"])("refuses %s, naming the variable and the accepted forms", (value) => {
    const problems = problemsOf({ ...token, SHARD_COUNT: value });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain("SHARD_COUNT");
    expect(problems[0]).toContain("or auto");
  });

  it("needs a bot token: the playground runs in one process", () => {
    const problems = problemsOf({ SHARD_COUNT: "2" });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain("SHARD_COUNT needs DISCORD_TOKEN");
  });

  it("reads the shard a process runs from what discord.js's ShardingManager sets, and does not start a manager again", () => {
    const config = loadConfig({ ...token, SHARD_COUNT: "3", SHARDING_MANAGER: "true", SHARDS: "2", SHARDING_MANAGER_MODE: "process" });
    expect(config.shard).toEqual({ id: 2, count: 3 });
    expect(config.shardCount).toBeUndefined();
  });

  it("refuses a shard id outside the shard count", () => {
    const problems = problemsOf({ ...token, SHARD_COUNT: "3", SHARDING_MANAGER: "true", SHARDS: "3" });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain("shard 3 of 3");
  });
});

describe("COHORT_BOT_TEST_CLOCK_FILE", () => {
  it("is unset in a normal environment", () => {
    expect(loadConfig(token).testClockFile).toBeUndefined();
  });

  it("takes an absolute path and refuses a relative one", () => {
    expect(loadConfig({ ...token, COHORT_BOT_TEST_CLOCK_FILE: "/tmp/clock" }).testClockFile).toBe("/tmp/clock");
    const problems = problemsOf({ ...token, COHORT_BOT_TEST_CLOCK_FILE: "clock.txt" });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain("COHORT_BOT_TEST_CLOCK_FILE must be an absolute path");
  });
});
