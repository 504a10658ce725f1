import { afterEach, describe, expect, it } from "vitest";
import { runShardingManager } from "../../src/sharding/runShardingManager.js";
import { captureLogger } from "../helpers/silentLogger.js";
import { fakeShardProcess, startFakeShards } from "../helpers/fakeShards.js";
import { until } from "../helpers/until.js";

/**
 * Under SHARD_COUNT the manager writes the heartbeat (main.ts) only while allHealthy(): every shard connected
 * and its own last health check (Discord and its database) passed, recently. Real shard processes
 * (test/fixtures/sharding/fakeShard.ts, which sends the report a file names); the manager's clock is the test's.
 */
describe("the sharding manager's health", () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it("needs every shard's database check to pass, not only their connections, and a recent one", async () => {
    const { config, setHealth } = await startFakeShards(cleanups, 2, { health: true });
    let now = Date.UTC(2027, 2, 1, 9, 0, 0);
    const shards = await runShardingManager({
      config,
      ...fakeShardProcess,
      logger: captureLogger("info").logger,
      now: () => now,
    });
    cleanups.push(() => shards.stop());

    // Connected, but no shard has said its database answers yet.
    expect(shards.allReady()).toBe(true);
    expect(shards.allHealthy()).toBe(false);
    setHealth("healthy");
    await until(() => shards.allHealthy(), "both shards' checks to pass");
    // A shard whose database stopped answering: still connected, not healthy.
    setHealth("unhealthy");
    await until(() => !shards.allHealthy(), "a failed check to count");
    expect(shards.allReady()).toBe(true);
    setHealth("healthy");
    await until(() => shards.allHealthy(), "the checks to pass again");
    // Checks that stop coming (a check that hangs) count as failed once the last is 90 s old.
    setHealth("silent");
    now += 91_000;
    expect(shards.allHealthy()).toBe(false);
  });
});
