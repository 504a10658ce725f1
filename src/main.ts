import { ConfigError, loadConfig } from "./config/loadConfig.js";
import { defaultHealthFile, writeHeartbeat } from "./health/healthFile.js";

const heartbeatEveryMs = 30_000;

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
  const healthFile = process.env.HEALTH_FILE ?? defaultHealthFile();
  let heartbeat: NodeJS.Timeout | undefined;
  const shutdown = async (signal: string) => {
    app.logger.info({ signal }, "shutting down");
    clearInterval(heartbeat);
    await app.close();
    process.exit(0);
  };
  process.once("SIGINT", () => void shutdown("SIGINT"));
  process.once("SIGTERM", () => void shutdown("SIGTERM"));
  await app.start();
  const beat = () => {
    if (app.discord.client.isReady()) writeHeartbeat(healthFile, new Date());
  };
  beat();
  heartbeat = setInterval(beat, heartbeatEveryMs);
  return 0;
}

try {
  process.exitCode = await main();
} catch (error) {
  console.error("cohort-bot: start-up failed:", error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
