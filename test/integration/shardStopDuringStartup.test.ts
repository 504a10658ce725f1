import { afterEach, describe, expect, it } from "vitest";
import { runShardingManager } from "../../src/sharding/runShardingManager.js";
import { captureLogger } from "../helpers/silentLogger.js";
import { fakeShardProcess, startFakeShards } from "../helpers/fakeShards.js";
import { until } from "../helpers/until.js";

/** pino's level number for error. */
const errorLevel = 50;

/**
 * The ShardingManager asked to stop: while it starts its shards (SIGTERM before all connected) and while
 * a shard that exited waits to be started again. Real shard processes (test/fixtures/sharding/fakeShard.ts).
 */
describe("the shard manager asked to stop", () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it("once the first of two shards connected: starts no second shard, stops the first and gives up starting", async () => {
    const { config } = await startFakeShards(cleanups, 2);
    const stopAsked = new AbortController();
    // Asked the moment shard 0 reports itself connected: the manager is then waiting before it starts shard 1.
    const captured = captureLogger("info", (line) => {
      if (line.msg === "shard connected" && line.shard === 0) stopAsked.abort();
    });
    const outcome = await runShardingManager({
      config,
      ...fakeShardProcess,
      logger: captured.logger,
      stopSignal: stopAsked.signal,
    }).then(
      () => "started",
      () => "gave up",
    );

    expect(outcome).toBe("gave up");
    const started = captured.lines().filter((line) => line.msg === "shard process started");
    expect(started.map((line) => line.shard)).toEqual([0]);
    expect(isRunning(Number(started[0]?.pid))).toBe(false);
    expect(captured.lines().filter((line) => Number(line.level) >= errorLevel)).toEqual([]);
  });

  it("while a shard that exited waits to be started again: the wait is called off and nothing starts", async () => {
    const { config } = await startFakeShards(cleanups, 1);
    const captured = captureLogger("info");
    const waits: { signal: AbortSignal; release: () => void }[] = [];
    const shards = await runShardingManager({
      config,
      ...fakeShardProcess,
      logger: captured.logger,
      respawnWait: (_delayMs, signal) => new Promise<void>((release) => waits.push({ signal, release })),
    });
    cleanups.push(() => shards.stop());
    const started = () => captured.lines().filter((line) => line.msg === "shard process started");
    process.kill(Number(started()[0]?.pid), "SIGKILL");
    await until(() => waits.length === 1, "the wait before the shard starts again");

    await shards.stop();
    expect(waits[0]?.signal.aborted).toBe(true);
    // Even a wait that ends anyway starts nothing.
    waits[0]?.release();
    await new Promise((resolve) => setImmediate(resolve));
    expect(started()).toHaveLength(1);
    expect(captured.lines().filter((line) => Number(line.level) >= errorLevel)).toEqual([]);
  });
});

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
