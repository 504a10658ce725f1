import { ConfigError, loadConfig, type Config } from "./config/loadConfig.js";
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
  if (config.discordToken === undefined) return runPlayground(config);
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

/** No token: the bot runs against the built-in Discord emulator, driven from a local web page. */
async function runPlayground(config: Config): Promise<number> {
  const { startPlayground } = await import("./playground/startPlayground.js");
  let playground;
  try {
    playground = await startPlayground({ config });
  } catch (error) {
    if (isAddressInUse(error)) {
      console.error(`cohort-bot: port ${config.playgroundPort} is in use; set PLAYGROUND_PORT to a free port (or 0 for any) and run npm start again.`);
      return 1;
    }
    throw error;
  }
  const { close } = playground;
  const shutdown = async () => {
    await close();
    process.exit(0);
  };
  process.once("SIGINT", () => void shutdown());
  process.once("SIGTERM", () => void shutdown());
  console.log(`cohort-bot playground: ${playground.url}`);
  console.log(
    "No DISCORD_TOKEN is set, so the bot runs against a built-in Discord emulator with a demo server. Open the address above; Ctrl+C stops it. Set DISCORD_TOKEN to run on Discord instead.",
  );
  return 0;
}

function isAddressInUse(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "EADDRINUSE";
}

try {
  process.exitCode = await main();
} catch (error) {
  console.error("cohort-bot: start-up failed:", error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
