import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { loadConfig, type Config } from "../../src/config/loadConfig.js";
import { DiscordEmulator } from "../../src/emulator/DiscordEmulator.js";
import { makeTempDir } from "./tempDir.js";
import { createTestDatabase } from "./testDatabase.js";

/**
 * The shard process runShardingManager starts in the sharding tests: test/fixtures/sharding/fakeShard.ts, which reports
 * itself connected (or exits at once) and sends the health report a file names, with no bot inside.
 */
export const fakeShardProcess = {
  shardFile: fileURLToPath(new URL("../fixtures/sharding/fakeShard.ts", import.meta.url)),
  execArgv: ["--import", "tsx"],
} as const;

/** What a fake shard does as it starts: reports itself connected, or exits with 1. */
export type FakeShardMode = "ready" | "fail";

/** The health report fake shards send over and over ("silent": none, as a check that hangs). */
export type FakeShardHealth = "healthy" | "unhealthy" | "silent";

export interface FakeShards {
  /** The bot's configuration for the shards: the emulator's Discord, the test database, SHARD_COUNT. */
  readonly config: Config;
  /** The mode of the shard processes started from now on. */
  readonly setMode: (mode: FakeShardMode) => void;
  /** The report the shards send from now on; only where startFakeShards was given `health`. */
  readonly setHealth: (health: FakeShardHealth) => void;
}

/**
 * A Discord emulator, a test database and the files the fake shards read (named to them through the environment,
 * which discord.js passes on to each shard), their mode "ready" and, with `health`, their report "silent" at first;
 * each undone by a cleanup pushed on `cleanups` (the caller runs them last first).
 */
export async function startFakeShards(
  cleanups: (() => Promise<void> | void)[],
  shardCount: number,
  options: { readonly health?: boolean } = {},
): Promise<FakeShards> {
  const emulator = await DiscordEmulator.start();
  cleanups.push(() => emulator.stop());
  const database = await createTestDatabase();
  cleanups.push(() => database.drop());
  const temp = makeTempDir();
  cleanups.push(() => temp.cleanup());
  const modeFile = path.join(temp.dir, "mode");
  const healthFile = path.join(temp.dir, "health");
  const setMode = (mode: FakeShardMode) => fs.writeFileSync(modeFile, mode);
  setMode("ready");
  process.env.FAKE_SHARD_MODE_FILE = modeFile;
  if (options.health === true) {
    fs.writeFileSync(healthFile, "silent");
    process.env.FAKE_SHARD_HEALTH_FILE = healthFile;
  }
  cleanups.push(() => {
    delete process.env.FAKE_SHARD_MODE_FILE;
    delete process.env.FAKE_SHARD_HEALTH_FILE;
  });
  const config = loadConfig({
    DISCORD_TOKEN: emulator.token,
    DISCORD_API_URL: emulator.apiUrl,
    DATABASE_URL: database.url,
    SHARD_COUNT: String(shardCount),
  });
  return {
    config,
    setMode,
    setHealth: (health) => {
      if (options.health !== true) throw new Error("the fake shards were started without a health file");
      fs.writeFileSync(healthFile, health);
    },
  };
}
