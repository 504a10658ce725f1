import { ConfigError, loadConfig } from "./config/loadConfig.js";

async function main(): Promise<number> {
  let config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      return 2;
    }
    throw error;
  }
  if (config.discordToken === undefined) {
    console.error(
      "cohort-bot: DISCORD_TOKEN is not set. Set it to your bot's token (Discord developer portal → your application → Bot → Reset Token) and run npm start again.",
    );
    return 1;
  }
  const { createApp } = await import("./createApp.js");
  const app = await createApp(config);
  app.logger.info({ curricula: (await app.services.curricula.list(null)).length }, "database ready");
  await app.close();
  return 0;
}

process.exitCode = await main();
