import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { DiscordEmulator } from "../../src/emulator/DiscordEmulator.js";
import { spawnBotInTempDir } from "../helpers/botProcess.js";
import { makeTempDir } from "../helpers/tempDir.js";
import { until } from "../helpers/until.js";

const projectRoot = fileURLToPath(new URL("../..", import.meta.url));

/** The container's HEALTHCHECK (`node dist/src/healthcheck.js`), from source: its exit code. */
function healthCheck(healthFile: string): number | null {
  const result = spawnSync(process.execPath, ["--import", "tsx", "src/healthcheck.ts"], {
    cwd: projectRoot,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/tmp", HEALTH_FILE: healthFile },
  });
  return result.status;
}

describe("the health check of a running bot", () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  /**
   * A Discord emulator with one server, and a heartbeat file not written yet: the bot's environment for them, both
   * undone after the test.
   */
  async function botEnvironment(): Promise<{ DISCORD_TOKEN: string; DISCORD_API_URL: string; HEALTH_FILE: string }> {
    const emulator = await DiscordEmulator.start();
    cleanups.push(() => emulator.stop());
    emulator.createGuild({ name: "Study Server" });
    const temp = makeTempDir();
    cleanups.push(() => temp.cleanup());
    const healthFile = path.join(temp.dir, "health");
    return { DISCORD_TOKEN: emulator.token, DISCORD_API_URL: emulator.apiUrl, HEALTH_FILE: healthFile };
  }

  it("fails before the bot has written a heartbeat and passes once it is connected with its database open", async () => {
    const environment = await botEnvironment();
    const healthFile = environment.HEALTH_FILE;
    expect(healthCheck(healthFile)).toBe(1);

    const bot = spawnBotInTempDir(environment, cleanups);
    await bot.waitForLog((line) => line.msg === "connected to Discord", "the bot connected");
    await until(() => fs.existsSync(healthFile), "the first heartbeat");

    expect(healthCheck(healthFile)).toBe(0);
  });

  it("under SHARD_COUNT passes once the manager's shards are connected and each has found its database answering", async () => {
    const environment = await botEnvironment();
    const healthFile = environment.HEALTH_FILE;

    const manager = spawnBotInTempDir({ ...environment, SHARD_COUNT: "2" }, cleanups);
    await manager.waitForLog((line) => line.msg === "all shards connected", "the shards connected", 110_000);
    // The shards' first checks reach the manager over IPC: the heartbeat does not wait for the manager's next beat.
    await until(() => fs.existsSync(healthFile), "the first heartbeat");

    expect(healthCheck(healthFile)).toBe(0);
  });
});
