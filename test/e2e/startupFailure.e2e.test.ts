import { execFile, spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it, onTestFinished } from "vitest";
import { DiscordEmulator } from "../../src/emulator/DiscordEmulator.js";
import { unhurriedDeadlineMs, waitLimitMs } from "../helpers/botHarness.js";
import { spawnBotInTempDir } from "../helpers/botProcess.js";
import { makeTempDir } from "../helpers/tempDir.js";
import { startTestApp } from "../helpers/testApp.js";
import { until } from "../helpers/until.js";

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
/** A well-formed server id of a server the bot is not in (a typo, or the bot not invited there yet). */
const strangerGuildId = "123456789012345678";

// Start-up fails after the gateway connected when DISCORD_GUILD_ID names a server the bot is not in:
// Discord refuses the command registration with a bare "Missing Access".
describe("a start-up failure after login", () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function emulatorWithGuild(): Promise<DiscordEmulator> {
    const emulator = await DiscordEmulator.start({ interactionDeadlineMs: unhurriedDeadlineMs, answerWaitMs: unhurriedDeadlineMs });
    cleanups.push(() => emulator.stop());
    emulator.createGuild({ name: "Study Server" });
    return emulator;
  }

  /** `npm start` as its own process; resolves with its exit code and stderr once it exits (or hangs past the guard). */
  function runStart(environment: Record<string, string>): Promise<{ code: number | null; stderr: string; exited: boolean }> {
    const temp = makeTempDir();
    cleanups.push(() => temp.cleanup());
    const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
      cwd: projectRoot,
      env: {
        PATH: process.env.PATH ?? "",
        HOME: process.env.HOME ?? "/tmp",
        DATABASE_URL: `file:${path.join(temp.dir, "bot.db")}`,
        HEALTH_FILE: path.join(temp.dir, "health"),
        LOG_LEVEL: "warn",
        LOG_FORMAT: "json",
        ...environment,
      },
    });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
    let exitCode: number | null | undefined;
    child.on("exit", (code) => (exitCode = code));
    onTestFinished(() => {
      if (exitCode === undefined) child.kill("SIGKILL");
    });
    return until(() => exitCode !== undefined, "npm start to exit after its start-up failed").then(
      () => ({ code: exitCode ?? null, stderr, exited: true }),
      () => ({ code: null, stderr, exited: false }),
    );
  }

  it.each([
    ["one process", {}],
    ["under the shard manager", { SHARD_COUNT: "1" }],
  ])("%s: says the start-up failed, naming DISCORD_GUILD_ID, and exits non-zero", async (_, extra) => {
    const emulator = await emulatorWithGuild();
    const result = await runStart({
      DISCORD_TOKEN: emulator.token,
      DISCORD_API_URL: emulator.apiUrl,
      DISCORD_GUILD_ID: strangerGuildId,
      ...extra,
    });
    expect(result.stderr).toContain("start-up failed");
    expect(result.stderr).toContain(`DISCORD_GUILD_ID ${strangerGuildId}: the bot is not in that server`);
    expect(result.exited).toBe(true);
    expect(result.code).toBe(1);
  });

  it.each([
    ["one process", {}],
    ["under the shard manager", { SHARD_COUNT: "1" }],
  ])("%s: logs the failure as one fatal line with the error in its fields before it exits", async (_, extra) => {
    const emulator = await emulatorWithGuild();
    // Debug level: many lines still being written when it fails, as the fatal one must not be lost behind them.
    const bot = spawnBotInTempDir(
      { DISCORD_TOKEN: emulator.token, DISCORD_API_URL: emulator.apiUrl, DISCORD_GUILD_ID: strangerGuildId, LOG_LEVEL: "debug", ...extra },
      cleanups,
    );
    expect(await bot.closed()).toBe(1);
    const fatal = bot.logs().filter((line) => line.level === 60);
    expect(fatal).toHaveLength(1);
    expect(fatal[0]).toMatchObject({ msg: "start-up failed", err: { type: "ConfigError" } });
    expect(String((fatal[0]?.err as { message?: unknown } | undefined)?.message)).toContain(
      `DISCORD_GUILD_ID ${strangerGuildId}: the bot is not in that server`,
    );
  });

  it("app.start() rejects with an error naming DISCORD_GUILD_ID", async () => {
    const emulator = await emulatorWithGuild();
    const test = await startTestApp({
      environment: { DISCORD_TOKEN: emulator.token, DISCORD_API_URL: emulator.apiUrl, DISCORD_GUILD_ID: strangerGuildId },
    });
    cleanups.push(() => test.close());
    await expect(test.app.start()).rejects.toThrow(`DISCORD_GUILD_ID ${strangerGuildId}: the bot is not in that server`);
  });

  // A newcomer's likeliest first-start mistake: the application's client secret or public key pasted, or a token
  // reset since. Well formed, so only Discord can refuse it; the message must say which setting to fix.
  const refusedToken = "MTIzNDU2Nzg5MDEyMzQ1Njc4.GaBcDe.not-this-bots-token-at-all-000000000000";

  it.each([
    ["one process", {}],
    ["under the shard manager", { SHARD_COUNT: "1" }],
  ])("%s: a token Discord refuses stops start-up naming DISCORD_TOKEN, and exits 1", async (_, extra) => {
    const emulator = await emulatorWithGuild();
    const result = await runStart({ DISCORD_TOKEN: refusedToken, DISCORD_API_URL: emulator.apiUrl, ...extra });
    expect(result.exited).toBe(true);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("start-up failed");
    expect(result.stderr).toContain("Discord refused the bot token (401 Unauthorized): check DISCORD_TOKEN");
    // The operator's mistake, not the bot's: no stack frames.
    expect(result.stderr).not.toMatch(/^\s+at /m);
  });

  it.each([
    ["one process", {}],
    ["under the shard manager", { SHARD_COUNT: "1" }],
  ])("%s: a token Discord refuses is one fatal log line saying to check DISCORD_TOKEN, with no stack", async (_, extra) => {
    const emulator = await emulatorWithGuild();
    const bot = spawnBotInTempDir({ DISCORD_TOKEN: refusedToken, DISCORD_API_URL: emulator.apiUrl, ...extra }, cleanups);
    expect(await bot.closed()).toBe(1);
    const fatal = bot.logs().filter((line) => line.level === 60);
    expect(fatal).toHaveLength(1);
    expect(fatal[0]?.msg).toContain("Discord refused the bot token (401 Unauthorized): check DISCORD_TOKEN");
    expect(fatal[0]).not.toHaveProperty("err");
    expect(JSON.stringify(bot.logs())).not.toContain("\\n    at ");
  });

  it("npm run deploy-commands names DISCORD_TOKEN when Discord refuses it, and exits 1", async () => {
    const emulator = await emulatorWithGuild();
    const result = await runDeployCommands({ DISCORD_TOKEN: refusedToken, DISCORD_API_URL: emulator.apiUrl });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("Discord refused the bot token (401 Unauthorized): check DISCORD_TOKEN");
  });

  /** `npm run deploy-commands` as its own process with exactly `environment` (plus PATH and HOME). */
  function runDeployCommands(environment: Record<string, string>): Promise<{ code: number; stderr: string }> {
    return new Promise<{ code: number; stderr: string }>((resolve) => {
      const child = execFile(
        process.execPath,
        ["--import", "tsx", "src/deployCommands.ts"],
        {
          cwd: projectRoot,
          env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...environment },
          timeout: waitLimitMs,
        },
        (error, _stdout, stderr) => resolve({ code: error === null ? 0 : typeof error.code === "number" ? error.code : 1, stderr }),
      );
      onTestFinished(() => {
        child.kill("SIGKILL");
      });
    });
  }

  it("npm run deploy-commands names DISCORD_GUILD_ID and exits 1", async () => {
    const emulator = await emulatorWithGuild();
    const result = await runDeployCommands({
      DISCORD_TOKEN: emulator.token,
      DISCORD_API_URL: emulator.apiUrl,
      DISCORD_GUILD_ID: strangerGuildId,
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`DISCORD_GUILD_ID ${strangerGuildId}: the bot is not in that server`);
  });
});
