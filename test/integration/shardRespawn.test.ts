import { afterEach, describe, expect, it } from "vitest";
import { runShardingManager, type RunningShards } from "../../src/sharding/runShardingManager.js";
import { captureLogger } from "../helpers/silentLogger.js";
import { fakeShardProcess, startFakeShards } from "../helpers/fakeShards.js";
import { until } from "../helpers/until.js";

const minute = 60_000;

/**
 * The ShardingManager restarting a shard process that exits: after a wait that doubles while it keeps
 * exiting. Real processes (test/fixtures/sharding/fakeShard.ts, which reports itself connected or exits at
 * once); the waits are the test's, released by hand, and the manager's clock is the test's.
 */
describe("a shard process that exits after it connected", () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it("is started again after 1, 2, 4 … s while it keeps exiting, and after 1 s again once it had stayed connected 5 minutes", async () => {
    const { config, setMode } = await startFakeShards(cleanups, 1);

    const waits: { delayMs: number; release: () => void }[] = [];
    let now = Date.UTC(2027, 2, 1, 9, 0, 0);
    const captured = captureLogger("info");
    const shards: RunningShards = await runShardingManager({
      config,
      ...fakeShardProcess,
      logger: captured.logger,
      respawnWait: (delayMs) => new Promise<void>((release) => waits.push({ delayMs, release })),
      now: () => now,
    });
    cleanups.push(async () => {
      await shards.stop();
      for (const wait of waits) wait.release();
    });

    const lines = (msg: string) => captured.lines().filter((line) => line.msg === msg);
    const started = () => lines("shard process started");
    const connected = () => lines("shard connected").length;
    const killCurrent = () => {
      const pid = started().at(-1)?.pid;
      if (typeof pid !== "number") throw new Error("no shard process started");
      process.kill(pid, "SIGKILL");
    };
    const nextWait = async (count: number) => {
      await until(() => waits.length === count, `wait number ${count}`);
      return waits[count - 1];
    };
    expect(connected()).toBe(1);

    // It keeps failing as it starts: each wait twice the one before, and nothing started before a wait ends.
    setMode("fail");
    killCurrent();
    for (const [index, delayMs] of [1_000, 2_000, 4_000].entries()) {
      const wait = await nextWait(index + 1);
      expect(wait?.delayMs).toBe(delayMs);
      expect(started()).toHaveLength(index + 1);
      if (index < 2) wait?.release();
    }
    expect(lines("shard process exited; starting it again after a wait")).toEqual([
      expect.objectContaining({ shard: 0, level: 40, delayMs: 1_000, exitsInARow: 1 }),
      expect.objectContaining({ shard: 0, level: 40, delayMs: 2_000, exitsInARow: 2 }),
      expect.objectContaining({ shard: 0, level: 40, delayMs: 4_000, exitsInARow: 3 }),
    ]);

    // It starts fine, but exits again a minute later: still the same run of exits.
    setMode("ready");
    waits[2]?.release();
    await until(() => connected() === 2 && shards.allReady(), "the shard to connect again");
    now += minute;
    killCurrent();
    expect((await nextWait(4))?.delayMs).toBe(8_000);
    waits[3]?.release();
    await until(() => connected() === 3, "the shard to connect a third time");

    // Connected for 5 minutes before it exits: a new run, 1 s again.
    now += 5 * minute;
    killCurrent();
    expect((await nextWait(5))?.delayMs).toBe(1_000);
    waits[4]?.release();
    await until(() => connected() === 4 && shards.allReady(), "the shard to connect a fourth time");
    expect(captured.lines().filter((line) => Number(line.level) >= 50)).toEqual([]);
  });
});
