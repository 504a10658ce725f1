// `npm run deploy-commands`: registers the slash commands with Discord
// (in DISCORD_GUILD_ID when set, globally otherwise). `-- --clear-guild <server id>` instead removes them
// from that server's guild scope (left by a start with DISCORD_GUILD_ID, once the commands are global).
import { slashCommands } from "../commands/registry.js";
import { ConfigError, loadConfig, type Config } from "./config/loadConfig.js";
import { isDiscordId } from "./shared/discordId.js";
import { clearGuildCommands, deployCommands } from "./discord/syncCommands.js";

const usage = "Usage: npm run deploy-commands [-- --clear-guild <server id>]";

/** The server to clear, null to register, the usage asked for, or what is wrong with the command line. */
function clearGuildArgument(args: readonly string[]): { clear: string | null } | { problem: string } | { help: true } {
  // As `npm run cli -- --help`: asked for anywhere, before any setting is read.
  if (args.some((arg) => arg === "--help" || arg === "-h")) return { help: true };
  if (args.length === 0) return { clear: null };
  const match = /^--clear-guild(?:=(.*))?$/.exec(args[0] ?? "");
  const guildId = match === null ? undefined : (match[1] ?? args[1]);
  const used = match?.[1] === undefined ? 2 : 1;
  if (match === null || args.length > used) return { problem: `Unexpected arguments: ${args.join(" ")}.\n${usage}` };
  if (guildId === undefined || !isDiscordId(guildId)) {
    const given = guildId === undefined || guildId === "" ? "" : `, not ${guildId.slice(0, 40)}`;
    return { problem: `--clear-guild needs a server id (17 to 20 digits, below 2^64)${given}.\n${usage}` };
  }
  return { clear: guildId };
}

/**
 * The environment as the bot reads it (a value the bot would refuse is refused here too, before any request): a bad
 * setting or a missing token exits 2 with its message only, as `npm start` does; what Discord refuses exits 1.
 */
function configOrExit(): Config | null {
  try {
    const config = loadConfig(process.env);
    if (config.discordToken !== undefined) return config;
    console.error("cohort-bot: DISCORD_TOKEN is not set. Set it to your bot's token to register the commands.");
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
  }
  process.exitCode = 2;
  return null;
}

async function register(config: Config, token: string, parsed: { clear: string | null }): Promise<void> {
  if (parsed.clear !== null) {
    const removed = await clearGuildCommands(
      { token, apiUrl: config.discordApiUrl },
      parsed.clear,
      slashCommands.map((command) => command.definition),
    );
    console.log(`Removed ${removed} commands from server ${parsed.clear} (global commands are unchanged).`);
    return;
  }
  const count = await deployCommands(
    { token, apiUrl: config.discordApiUrl, guildId: config.discordGuildId },
    slashCommands.map((command) => command.definition),
  );
  console.log(
    `Registered ${count} commands ${config.discordGuildId === undefined ? "globally (may take up to an hour to appear)" : `in server ${config.discordGuildId}`}.`,
  );
}

const parsed = clearGuildArgument(process.argv.slice(2));
if ("help" in parsed) {
  console.log(usage);
} else if ("problem" in parsed) {
  console.error(parsed.problem);
  process.exitCode = 2;
} else {
  const config = configOrExit();
  if (config?.discordToken !== undefined) {
    try {
      await register(config, config.discordToken, parsed);
    } catch (error) {
      // A refused token or a server the bot is not in (a ConfigError from Discord's answer) says only its message.
      console.error(
        error instanceof ConfigError
          ? error.message
          : `cohort-bot: could not ${parsed.clear === null ? "register" : "remove"} commands: ${error instanceof Error ? error.message : String(error)}`,
      );
      process.exitCode = 1;
    }
  }
}
