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

  it("fails before the bot has written a heartbeat and passes once it is connected with its database open", async () => {
    const emulator = await DiscordEmulator.start();
    cleanups.push(() => emulator.stop());
    emulator.createGuild({ name: "Study Server" });
    const temp = makeTempDir();
    cleanups.push(() => temp.cleanup());
    const healthFile = path.join(temp.dir, "health");
    expect(healthCheck(healthFile)).toBe(1);

    const bot = spawnBotInTempDir({ DISCORD_TOKEN: emulator.token, DISCORD_API_URL: emulator.apiUrl, HEALTH_FILE: healthFile }, cleanups);
    await bot.waitForLog((line) => line.msg === "connected to Discord", "the bot connected");
    await until(() => fs.existsSync(healthFile), "the first heartbeat");

    expect(healthCheck(healthFile)).toBe(0);
  });

  it("under SHARD_COUNT passes once the manager's shards are connected and each has found its database answering", async () => {
    const emulator = await DiscordEmulator.start();
    cleanups.push(() => emulator.stop());
    emulator.createGuild({ name: "Study Server" });
    const temp = makeTempDir();
    cleanups.push(() => temp.cleanup());
    const healthFile = path.join(temp.dir, "health");

    const manager = spawnBotInTempDir(
      { DISCORD_TOKEN: emulator.token, DISCORD_API_URL: emulator.apiUrl, HEALTH_FILE: healthFile, SHARD_COUNT: "2" },
      cleanups,
    );
    await manager.waitForLog((line) => line.msg === "all shards connected", "the shards connected", 110_000);
    // The shards' first checks reach the manager over IPC: the heartbeat does not wait for the manager's next beat.
    await until(() => fs.existsSync(healthFile), "the first heartbeat");

    expect(healthCheck(healthFile)).toBe(0);
  });
});
