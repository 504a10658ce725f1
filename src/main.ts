import { fileURLToPath } from "node:url";
import { FileClock } from "./clock.js";
import { ConfigError, loadConfig, type Config } from "./config/loadConfig.js";
import { DiscordTokenRefusedError, tokenRefusedMessage } from "./config/DiscordTokenRefusedError.js";
import { DatabaseUnavailableError } from "./db/DatabaseUnavailableError.js";
import type { App, AppOverrides } from "./createApp.js";
import { healthFileOf, heartbeatProblem, writeHeartbeat } from "./health/healthFile.js";
import type { Logger } from "./logging/createLogger.js";
import { shardHealthReport } from "./sharding/shardHealth.js";

const heartbeatEveryMs = 30_000;
/** The scheduler's tick under the test clock: the clock jumps, so follow it promptly. */
const testClockTickCron = "* * * * * *";

/** The logger of the bot or shard manager, once there is one: the outer catch logs a fatal error with it. */
let processLogger: { readonly logger: Logger; readonly drain: (logger: Logger) => Promise<void> } | undefined;

async function main(): Promise<number> {
  let config;
  try {
    config = loadConfig(process.env);
    if (config.discordToken !== undefined) checkHealthFile();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      return 2;
    }
    throw error;
  }
  if (config.discordToken === undefined) return runPlayground(config);
  const { createLogger, drainLogs } = await import("./logging/createLogger.js");
  const logger = createLogger({ level: config.logLevel, format: config.logFormat });
  processLogger = { logger, drain: drainLogs };
  if (config.shardCount !== undefined) return runShards(config, logger);
  return runBot(config, logger);
}

/** The heartbeat is written once the bot is connected: a place it cannot be written stops start-up before anything starts. */
function checkHealthFile(): void {
  const problem = heartbeatProblem(healthFileOf(process.env));
  if (problem !== null) throw new ConfigError([`HEALTH_FILE ${problem}`]);
}

/** One bot process: every guild (no SHARD_COUNT), or one shard started by the ShardingManager. */
// Long as one life cycle (stop asked for before, during or after start-up; start-up failed) whose steps share its state.
async function runBot(config: Config, baseLogger: Logger): Promise<number> {
  const [{ createApp }, { drainLogs }] = await Promise.all([import("./createApp.js"), import("./logging/createLogger.js")]);
  const healthFile = healthFileOf(process.env);
  let app: App | undefined;
  let heartbeat: NodeJS.Timeout | undefined;
  let started = false;
  // Until createApp returns (its logger names the shard too).
  const startLogger = config.shard === undefined ? baseLogger : baseLogger.child({ shard: config.shard.id });
  // Set by a signal at any moment: read after each step of start-up.
  let stopReason: string | undefined;
  const stopAsked = (): boolean => stopReason !== undefined;
  let stopped: Promise<never> | undefined;
  // Closes what is open, writes the lines still queued (process.exit would cut them short) and exits 0.
  const stop = (running: App): Promise<never> =>
    (stopped ??= (async () => {
      clearInterval(heartbeat);
      await running.close();
      await drainLogs(running.logger);
      process.exit(0);
    })());
  const onSignal = (reason: string) => {
    const logger = app?.logger ?? startLogger;
    // A second Ctrl+C (or SIGTERM) changes nothing: the stop under way finishes.
    if (stopAsked()) {
      logger.info({ reason, stopping: stopReason }, "already stopping");
      return;
    }
    stopReason = reason;
    if (started) logger.info({ reason }, "shutting down");
    else logger.info({ reason }, "asked to stop during start-up");
    // Before createApp has returned there is nothing to close yet: start-up stops as soon as it returns.
    if (app !== undefined) void stop(app);
  };
  // on, not once: with no listener left, a repeated signal would kill Node outright, mid-stop.
  process.on("SIGINT", () => onSignal("SIGINT"));
  process.on("SIGTERM", () => onSignal("SIGTERM"));
  // A shard whose manager is gone would run on unsupervised: it stops too.
  if (config.shard !== undefined) process.once("disconnect", () => onSignal("sharding manager gone"));

  const opened = await createApp(config, { ...testClockOverrides(config), logger: baseLogger });
  app = opened;
  if (stopAsked()) return stop(opened);
  if (config.testClockFile !== undefined) {
    opened.logger.warn(
      { file: config.testClockFile },
      "test clock: now is read from COHORT_BOT_TEST_CLOCK_FILE (never set it in production)",
    );
  }
  try {
    await opened.start();
  } catch (error) {
    // Stopped while connecting: closing the client is what ended start(); the stop exits 0.
    if (stopAsked()) return stop(opened);
    // Half-started (commands answered, no scheduler, no heartbeat) is worse than stopped: close the
    // connection, workers and database and exit non-zero, so Docker (or the shard manager) restarts it.
    stopReason = "start-up failed";
    reportStartupFailure(opened.logger, error);
    await opened
      .close()
      .catch((closeError: unknown) => opened.logger.error({ err: closeError }, "shutdown after a failed start-up failed"));
    await drainLogs(opened.logger);
    process.exit(1);
  }
  if (stopAsked()) return stop(opened);
  started = true;
  // A shard sends each check's result to its manager, which writes the heartbeat for all shards (runShardingManager).
  const shard = config.shard;
  const record = (healthy: boolean) => {
    // The manager may be gone by now (it is stopping): without the guard and the callback a send that fails would
    // be an 'error' event on process, which would end the shard in the middle of its own shutdown.
    if (shard !== undefined) {
      if (process.connected) process.send?.(shardHealthReport(healthy), undefined, undefined, () => undefined);
    } else if (healthy) writeHeartbeat(healthFile, new Date());
  };
  // One check at a time: a database that hangs must not pile up a query every 30 s. healthy() settles only once its
  // query has (given up by pg at DatabaseHandle.ping's timeout), so while one is in flight no beat starts another.
  let beating = false;
  const beat = () => {
    if (beating) return;
    beating = true;
    void opened
      .healthy()
      .then(record)
      .catch((error: unknown) => opened.logger.error({ err: error }, "heartbeat could not be written"))
      .finally(() => (beating = false));
  };
  beat();
  heartbeat = setInterval(beat, heartbeatEveryMs);
  return 0;
}

/** SHARD_COUNT: this process runs discord.js's ShardingManager, which runs this same entry once per shard. */
async function runShards(config: Config, logger: Logger): Promise<number> {
  const [{ drainLogs }, { runShardingManager }] = await Promise.all([
    import("./logging/createLogger.js"),
    import("./sharding/runShardingManager.js"),
  ]);
  const healthFile = healthFileOf(process.env);
  let heartbeat: NodeJS.Timeout | undefined;
  let shards: Awaited<ReturnType<typeof runShardingManager>> | undefined;
  // Writes the heartbeat while every shard is healthy; nothing until every shard connected.
  let beat = (): void => undefined;
  let stopping = false;
  // Aborted by a signal before every shard connected: runShardingManager stops what it started and rejects.
  const startUp = new AbortController();
  const exit = async (code: number): Promise<never> => {
    await drainLogs(logger);
    process.exit(code);
  };
  const shutdown = async (signal: string) => {
    // A second Ctrl+C (or SIGTERM) changes nothing: the stop under way finishes.
    if (stopping) {
      logger.info({ signal }, "already stopping");
      return;
    }
    stopping = true;
    if (shards === undefined) {
      logger.info({ signal }, "asked to stop during start-up");
      startUp.abort();
      return;
    }
    logger.info({ signal }, "shutting down every shard");
    clearInterval(heartbeat);
    await shards.stop();
    await exit(0);
  };
  // on, not once: with no listener left, a repeated signal would kill Node outright, mid-stop.
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  try {
    shards = await runShardingManager({
      config,
      shardFile: fileURLToPath(import.meta.url),
      execArgv: process.execArgv,
      logger,
      stopSignal: startUp.signal,
      // Written as soon as every shard's check passed, not at the next beat (shards check right after they connect).
      onHealthReport: () => beat(),
    });
  } catch (error) {
    // Its shards are stopped already. What ended start-up was the stop asked for (rejected with the
    // signal's reason), or a failure as it stopped (the database unreachable): exit 0 all the same, as asked.
    if (startUp.signal.aborted) {
      if (error !== startUp.signal.reason) logger.warn({ err: error }, "start-up failed while it was being stopped");
      return exit(0);
    }
    throw error;
  }
  if (startUp.signal.aborted) {
    await shards.stop();
    return exit(0);
  }
  const running = shards;
  beat = () => {
    if (running.allHealthy()) writeHeartbeat(healthFile, new Date());
  };
  beat();
  heartbeat = setInterval(beat, heartbeatEveryMs);
  return 0;
}

/** COHORT_BOT_TEST_CLOCK_FILE (tests only): a clock the test moves through a file, followed every second. */
function testClockOverrides(config: Config): AppOverrides {
  if (config.testClockFile === undefined) return {};
  return { clock: new FileClock(config.testClockFile), schedulerTickCron: testClockTickCron };
}

/** No token: the bot runs against the built-in Discord emulator, driven from a local web page. */
async function runPlayground(config: Config): Promise<number> {
  const { startPlayground } = await import("./playground/startPlayground.js");
  let playground;
  try {
    playground = await startPlayground({ config });
  } catch (error) {
    if (isAddressInUse(error)) {
      console.error(
        `cohort-bot: port ${config.playgroundPort} is in use; set PLAYGROUND_PORT to a free port (or 0 for any) and run npm start again.`,
      );
      return 1;
    }
    throw error;
  }
  const started = playground;
  const shutdown = async () => {
    await started.close();
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

/**
 * Says the start-up failed: as one `fatal` line, if there is a logger, and on standard error (message only). The
 * log is on standard output: the stderr line is for whoever reads only that (a terminal with the log redirected,
 * systemd's status), so where both streams are shown together (`docker logs`) the failure shows twice, on purpose.
 */
function reportStartupFailure(logger: Logger | undefined, error: unknown): void {
  console.error("cohort-bot: start-up failed:", error instanceof Error ? error.message : error);
  // The operator's setting, not a bug: what to do, without a stack to read through.
  if (error instanceof DiscordTokenRefusedError) logger?.fatal({ setting: "DISCORD_TOKEN", status: 401 }, tokenRefusedMessage);
  // A database not up yet or a wrong host: what and where, not a stack (the same under the shard manager).
  else if (error instanceof DatabaseUnavailableError) logger?.fatal({ setting: "DATABASE_URL", reason: error.message }, "start-up failed");
  else logger?.fatal({ err: error }, "start-up failed");
}

try {
  process.exitCode = await main();
} catch (error) {
  reportStartupFailure(processLogger?.logger, error);
  if (processLogger !== undefined) {
    // process.exit would cut short the lines still being written (asynchronously), this one included.
    await processLogger.drain(processLogger.logger);
  }
  // Whatever start-up left open (a connection, a timer) must not keep a process that does nothing alive.
  process.exit(1);
}
