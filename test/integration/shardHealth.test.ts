import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/loadConfig.js";
import { DiscordEmulator } from "../../src/emulator/DiscordEmulator.js";
import { runShardingManager } from "../../src/sharding/runShardingManager.js";
import { captureLogger } from "../helpers/silentLogger.js";
import { makeTempDir } from "../helpers/tempDir.js";
import { createTestDatabase } from "../helpers/testDatabase.js";
import { until } from "../helpers/until.js";

const fakeShard = fileURLToPath(new URL("../fixtures/sharding/fakeShard.ts", import.meta.url));

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
    const emulator = await DiscordEmulator.start();
    cleanups.push(() => emulator.stop());
    const database = await createTestDatabase();
    cleanups.push(() => database.drop());
    const temp = makeTempDir();
    cleanups.push(() => temp.cleanup());
    const modeFile = path.join(temp.dir, "mode");
    fs.writeFileSync(modeFile, "ready");
    const healthFile = path.join(temp.dir, "health");
    const setHealth = (health: "healthy" | "unhealthy" | "silent") => fs.writeFileSync(healthFile, health);
    setHealth("silent");
    // Read by discord.js into each shard's environment.
    process.env.FAKE_SHARD_MODE_FILE = modeFile;
    process.env.FAKE_SHARD_HEALTH_FILE = healthFile;
    cleanups.push(() => {
      delete process.env.FAKE_SHARD_MODE_FILE;
      delete process.env.FAKE_SHARD_HEALTH_FILE;
    });
    let now = Date.UTC(2027, 2, 1, 9, 0, 0);
    const config = loadConfig({
      DISCORD_TOKEN: emulator.token,
      DISCORD_API_URL: emulator.apiUrl,
      DATABASE_URL: database.url,
      SHARD_COUNT: "2",
    });
    const shards = await runShardingManager({
      config,
      shardFile: fakeShard,
      execArgv: ["--import", "tsx"],
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
