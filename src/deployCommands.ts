// `npm run deploy-commands`: registers the slash commands with Discord
// (in DISCORD_GUILD_ID when set, globally otherwise).
import { slashCommands } from "../commands/registry.js";
import { ConfigError, loadConfig } from "./config/loadConfig.js";
import { deployCommands } from "./discord/syncCommands.js";

try {
  const config = loadConfig(process.env);
  if (config.discordToken === undefined) {
    console.error("cohort-bot: DISCORD_TOKEN is not set. Set it to your bot's token to register the commands.");
    process.exitCode = 1;
  } else {
    const count = await deployCommands(
      { token: config.discordToken, apiUrl: config.discordApiUrl, guildId: config.discordGuildId },
      slashCommands.map((command) => command.definition),
    );
    console.log(
      `Registered ${count} commands ${config.discordGuildId === undefined ? "globally (may take up to an hour to appear)" : `in server ${config.discordGuildId}`}.`,
    );
  }
} catch (error) {
  console.error(
    error instanceof ConfigError
      ? error.message
      : `cohort-bot: could not register commands: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exitCode = 1;
}
