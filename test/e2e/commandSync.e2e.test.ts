import { execFile } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it, onTestFinished } from "vitest";
import { slashCommands } from "../../commands/registry.js";
import { syncCommands } from "../../src/discord/syncCommands.js";
import { DiscordEmulator } from "../../src/emulator/DiscordEmulator.js";
import { unhurriedDeadlineMs, waitLimitMs } from "../helpers/botHarness.js";
import { captureLogger } from "../helpers/silentLogger.js";
import { startTestApp, type TestApp } from "../helpers/testApp.js";

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const definitions = slashCommands.map((command) => command.definition);
/** A well-formed server id of a server the emulator does not have, so the bot is not in it. */
const strangerGuildId = "123456789012345678";

describe("slash command registration against the emulator", () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function emulatorWithGuild() {
    // A hang guard, not Discord's 3 s on the wall clock; see unhurriedDeadlineMs.
    const emulator = await DiscordEmulator.start({ interactionDeadlineMs: unhurriedDeadlineMs, answerWaitMs: unhurriedDeadlineMs });
    cleanups.push(() => emulator.stop());
    const guild = emulator.createGuild({ name: "Study Server" });
    const channel = emulator.createChannel(guild.id, { name: "general" });
    const admin = emulator.createMember(guild.id, { username: "admin", manageGuild: true });
    return { emulator, guild, channel, admin };
  }

  async function startBot(emulator: DiscordEmulator, guildId?: string): Promise<TestApp> {
    const test = await startTestApp({
      environment: {
        DISCORD_TOKEN: emulator.token,
        DISCORD_API_URL: emulator.apiUrl,
        ...(guildId === undefined ? {} : { DISCORD_GUILD_ID: guildId }),
      },
    });
    try {
      await test.app.start();
    } catch (error) {
      await test.close();
      throw error;
    }
    return test;
  }

  const commandPuts = (emulator: DiscordEmulator) =>
    emulator.requestLog().filter((entry) => entry.method === "PUT" && /\/commands$/.test(entry.path));

  it("registers global commands on the first start and not again on a restart", async () => {
    const { emulator, guild, channel, admin } = await emulatorWithGuild();
    const first = await startBot(emulator);
    expect(commandPuts(emulator)).toHaveLength(1);
    const names = emulator.registeredCommands().map((command) => command.name);
    expect(names).toEqual(expect.arrayContaining(["cohort", "curriculum", "today", "done", "join"]));
    expect(names).toHaveLength(slashCommands.length);
    await first.close();

    const second = await startBot(emulator);
    cleanups.push(() => second.close());
    // The restart compared what Discord has with its own definitions and found them equal.
    expect(commandPuts(emulator)).toHaveLength(1);
    expect(emulator.requestLog().filter((entry) => entry.method === "GET" && /\/commands$/.test(entry.path))).toHaveLength(2);

    const reply = await emulator.runCommand({ guildId: guild.id, channelId: channel.id, userId: admin.id, name: "cohort list" }).final();
    expect(reply.ephemeral).toBe(true);
  });

  it("uses guild commands when DISCORD_GUILD_ID is set, also without re-registering on restart", async () => {
    const { emulator, guild } = await emulatorWithGuild();
    const first = await startBot(emulator, guild.id);
    expect(emulator.registeredCommands({ guildId: guild.id }).map((command) => command.name)).toEqual(
      expect.arrayContaining(["cohort", "curriculum"]),
    );
    expect(emulator.registeredCommands()).toEqual([]);
    expect(commandPuts(emulator).map((entry) => entry.path)).toEqual([
      `/applications/${emulator.applicationId}/guilds/${guild.id}/commands`,
    ]);
    await first.close();

    const second = await startBot(emulator, guild.id);
    cleanups.push(() => second.close());
    expect(commandPuts(emulator)).toHaveLength(1);
  });

  it("registers again when a definition changed, then finds them equal", async () => {
    const { emulator } = await emulatorWithGuild();
    const target = { token: emulator.token, apiUrl: emulator.apiUrl, guildId: undefined };
    const { logger } = captureLogger();
    expect(await syncCommands(target, definitions, logger)).toBe("registered");
    expect(await syncCommands(target, definitions, logger)).toBe("unchanged");

    const changed = definitions.map((definition) =>
      definition.name === "cohort" ? { ...definition, description: "Something else entirely" } : definition,
    );
    expect(await syncCommands(target, changed, logger)).toBe("registered");
    expect(emulator.registeredCommands().find((command) => command.name === "cohort")?.description).toBe("Something else entirely");
    expect(await syncCommands(target, definitions, logger)).toBe("registered");
    expect(commandPuts(emulator)).toHaveLength(3);
  });

  it("npm run deploy-commands registers the commands in DISCORD_GUILD_ID", async () => {
    const { emulator, guild } = await emulatorWithGuild();
    const result = await runDeployCommands({
      DISCORD_TOKEN: emulator.token,
      DISCORD_API_URL: emulator.apiUrl,
      DISCORD_GUILD_ID: guild.id,
    });
    expect(result.code, result.stderr + result.stdout).toBe(0);
    expect(result.stdout).toContain(`Registered ${slashCommands.length} commands in server ${guild.id}`);
    const registered = emulator.registeredCommands({ guildId: guild.id });
    expect(registered.map((command) => command.name).sort()).toEqual(definitions.map((definition) => definition.name).sort());
    expect(registered.find((command) => command.name === "cohort")?.default_member_permissions).toBe("32");
  });

  it("npm run deploy-commands -- --clear-guild <id> removes the commands from that server only", async () => {
    const { emulator, guild } = await emulatorWithGuild();
    const { logger } = captureLogger();
    await syncCommands({ token: emulator.token, apiUrl: emulator.apiUrl, guildId: guild.id }, definitions, logger);
    await syncCommands({ token: emulator.token, apiUrl: emulator.apiUrl, guildId: undefined }, definitions, logger);
    const result = await runDeployCommands({ DISCORD_TOKEN: emulator.token, DISCORD_API_URL: emulator.apiUrl }, [
      "--clear-guild",
      guild.id,
    ]);
    expect(result.code, result.stderr + result.stdout).toBe(0);
    expect(result.stdout).toContain(`Removed ${slashCommands.length} commands from server ${guild.id}`);
    expect(emulator.registeredCommands({ guildId: guild.id })).toEqual([]);
    expect(emulator.registeredCommands()).toHaveLength(slashCommands.length);
  });

  // Discord answers "Missing Access" for a server the bot is not in: said as the value to change, not as a failed registration.
  it("npm run deploy-commands -- --clear-guild <id> of a server the bot is not in says so, and exits 1", async () => {
    const { emulator } = await emulatorWithGuild();
    const result = await runDeployCommands({ DISCORD_TOKEN: emulator.token, DISCORD_API_URL: emulator.apiUrl }, [
      "--clear-guild",
      strangerGuildId,
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`--clear-guild ${strangerGuildId}: the bot is not in that server`);
    expect(result.stderr).not.toContain("could not register");
    expect(result.stderr).not.toContain("Missing Access");
  });

  // Configuration errors exit 2 with their message only, as npm start's do.
  it("npm run deploy-commands explains a missing token, and exits 2", async () => {
    const result = await runDeployCommands({});
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("DISCORD_TOKEN is not set");
  });

  // As `npm run cli -- --help`: the usage, exit 0, no token needed and nothing sent.
  it.each([["--help"], ["-h"]])("npm run deploy-commands -- %s prints the usage and exits 0", async (flag) => {
    const result = await runDeployCommands({}, [flag]);
    expect(result.code, result.stderr + result.stdout).toBe(0);
    expect(result.stdout).toContain("Usage: npm run deploy-commands [-- --clear-guild <server id>]");
    expect(result.stderr).toBe("");
  });

  // "12" is digits: the message must say what a server id is, as DISCORD_GUILD_ID's does.
  it("npm run deploy-commands -- --clear-guild with too short an id says how long a server id is, and exits 2", async () => {
    const result = await runDeployCommands({ DISCORD_TOKEN: "x" }, ["--clear-guild", "12"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("--clear-guild needs a server id (17 to 20 digits, below 2^64), not 12.");
  });

  it("npm run deploy-commands -- --clear-guild with an id of 2^64 or more refuses it as no server id, and exits 2", async () => {
    const result = await runDeployCommands({ DISCORD_TOKEN: "x" }, ["--clear-guild", "18446744073709551616"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("--clear-guild needs a server id (17 to 20 digits, below 2^64), not 18446744073709551616.");
  });

  it("npm run deploy-commands names a badly formed variable, and exits 2", async () => {
    const result = await runDeployCommands({ DISCORD_TOKEN: "x", DISCORD_GUILD_ID: "my-server" });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("DISCORD_GUILD_ID must be a server id");
    expect(result.stderr).not.toContain("could not register");
  });
});

function runDeployCommands(
  environment: Record<string, string>,
  args: readonly string[] = [],
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      ["--import", "tsx", "src/deployCommands.ts", ...args],
      {
        cwd: projectRoot,
        env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...environment },
        // Killed before the test's timeout, so a hang fails on the child's output, not a bare timeout.
        timeout: waitLimitMs,
      },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === "number" ? error.code : 1;
        resolve({ code, stdout, stderr });
      },
    );
    // However the test ends, its timeout included, the child does not outlive it.
    onTestFinished(() => {
      child.kill("SIGKILL");
    });
  });
}
