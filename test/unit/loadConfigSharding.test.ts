import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/loadConfig.js";
import { problemsOf } from "../helpers/configProblems.js";

const token = { DISCORD_TOKEN: "abc.def.ghi" };
/** SHARD_LIST runs shards on several machines, which share a PostgreSQL database (never a SQLite file). */
const severalMachines = { ...token, DATABASE_URL: "postgresql://bot:secret@db.example:5432/cohort" };

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

describe("SHARD_LIST", () => {
  it("names the shards this machine runs, of SHARD_COUNT in all", () => {
    const config = loadConfig({ ...severalMachines, SHARD_COUNT: "4", SHARD_LIST: "2, 3" });
    expect(config.shardList).toEqual([2, 3]);
    expect(config.shardCount).toBe(4);
    expect(loadConfig({ ...severalMachines, SHARD_COUNT: "4" }).shardList).toBeUndefined();
  });

  it.each([
    ["0-1", "separated by commas"],
    ["0,,1", "separated by commas"],
    ["a", "separated by commas"],
    ["-1", "separated by commas"],
    ["1,1", "must not name a shard twice"],
  ])("refuses %s, naming the variable and the form it takes", (value, expected) => {
    const problems = problemsOf({ ...severalMachines, SHARD_COUNT: "4", SHARD_LIST: value });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain("SHARD_LIST");
    expect(problems[0]).toContain(expected);
  });

  it("refuses a shard beyond SHARD_COUNT", () => {
    const problems = problemsOf({ ...severalMachines, SHARD_COUNT: "4", SHARD_LIST: "3,4,7" });
    expect(problems).toEqual(["SHARD_LIST must name shards from 0 to 3 (SHARD_COUNT is 4); 4, 7 are not one of them"]);
  });

  it.each([[undefined], ["auto"]])("needs a numeric SHARD_COUNT (not %s)", (count) => {
    const problems = problemsOf({ ...severalMachines, SHARD_LIST: "0", ...(count === undefined ? {} : { SHARD_COUNT: count }) });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain("SHARD_LIST needs SHARD_COUNT set to the total number of shards across all machines");
  });

  it.each(["file:./data/cohort-bot.db", undefined])("refuses a SQLite database (%s): other machines cannot share its file", (url) => {
    const problems = problemsOf({ ...token, SHARD_COUNT: "4", SHARD_LIST: "0,1", ...(url === undefined ? {} : { DATABASE_URL: url }) });
    expect(problems).toEqual([
      "SHARD_LIST needs DATABASE_URL to be a PostgreSQL database (postgresql://…) that every machine shares: a SQLite file is on one machine only (without SHARD_LIST, SHARD_COUNT runs every shard on this machine)",
    ]);
  });

  it("is passed on to the shard processes, where the shard's own id counts", () => {
    const config = loadConfig({ ...severalMachines, SHARD_COUNT: "4", SHARD_LIST: "2,3", SHARDING_MANAGER: "true", SHARDS: "3" });
    expect(config.shard).toEqual({ id: 3, count: 4 });
    expect(config.shardList).toBeUndefined();
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
