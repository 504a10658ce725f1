import { once } from "node:events";
import { setTimeout as sleep } from "node:timers/promises";
import { ShardingManager, type Shard } from "discord.js";
import { slashCommands } from "../../commands/registry.js";
import type { Config } from "../config/loadConfig.js";
import { syncCommands } from "../discord/syncCommands.js";
import type { Logger } from "../logging/createLogger.js";
import { fetchGatewayBot } from "./fetchGatewayBot.js";
import { prepareDeployment } from "./prepareDeployment.js";
import { nextRespawn, type ShardExitHistory } from "./respawnBackoff.js";
import { isShardHealthReport, shardHealthStaleAfterMs } from "./shardHealth.js";
import { withDeploymentLock } from "./withDeploymentLock.js";
// How long a shard may take to shut down cleanly before it is killed: see the budget there.
import { shardStopTimeoutMs } from "../shutdownBudget.js";

/** A shard process may take this long from spawn to connected (it migrates-checks and seeds-checks first). */
const shardReadyTimeoutMs = 120_000;
/** Discord allows `max_concurrency` identifies per 5 seconds; a little margin on top. */
const identifyWindowMs = 5_500;

export interface ShardingManagerOptions {
  readonly config: Config;
  /** The entry script each shard process runs (the bot's own main). */
  readonly shardFile: string;
  /** Node options for the shard processes, e.g. tsx's loader when run from source. */
  readonly execArgv: readonly string[];
  readonly logger: Logger;
  /**
   * Waits before a shard process that exited is started again (nextRespawn's delay); `signal` is aborted when
   * the manager stops (the wait may then end at once, or reject). Default: a timer; tests hold it.
   */
  readonly respawnWait?: (delayMs: number, signal: AbortSignal) => Promise<void>;
  /** The clock nextRespawn reads (ms since the epoch). Default: Date.now. */
  readonly now?: () => number;
  /**
   * Aborted when the manager is asked to stop while it starts (SIGTERM before every shard connected): no
   * further shard is started (not even one whose turn comes during the wait between two), those started are
   * stopped, and runShardingManager rejects with the signal's reason.
   */
  readonly stopSignal?: AbortSignal;
  /** Called on each shard's health report (see shardHealth): the heartbeat need not wait for its next beat. */
  readonly onHealthReport?: () => void;
}

export interface RunningShards {
  readonly shardCount: number;
  /** The shards this manager runs: all of them, or SHARD_LIST's. */
  readonly shardIds: readonly number[];
  /** Every shard process of this manager is running and connected to Discord. */
  allReady(): boolean;
  /** allReady, and every shard's last health check (see shardHealth), sent within shardHealthStaleAfterMs, passed. */
  allHealthy(): boolean;
  /** Stops every shard process (each finishes its scheduler tick and closes its database) without restarting them. */
  stop(): Promise<void>;
}

/**
 * SHARD_COUNT set: this process becomes discord.js's ShardingManager. It
 * migrates the database and registers the commands once, then starts one
 * process per shard running the normal bot entry; discord.js passes each its
 * shard in SHARDS / SHARD_COUNT. A shard that exits after it connected is
 * started again after a wait that grows while it keeps exiting (nextRespawn);
 * discord.js's own respawn would restart it at once, in a tight loop. With
 * SHARD_LIST it runs only those shards of SHARD_COUNT; managers on other
 * machines run the rest, and the one that prepares the deployment first does
 * it for all (see withDeploymentLock).
 */
// Long as one start-up sequence (check, prepare once, spawn, watch) whose steps share the manager and its logger.
export async function runShardingManager(options: ShardingManagerOptions): Promise<RunningShards> {
  const { config } = options;
  const logger = options.logger.child({ component: "shards" });
  const token = config.discordToken;
  const wanted = config.shardCount;
  if (token === undefined || wanted === undefined) throw new Error("runShardingManager needs DISCORD_TOKEN and SHARD_COUNT");

  await withDeploymentLock(config.databaseUrl, logger, async (lock) => {
    await prepareDeployment(config, options.logger, lock);
    // Should ours be lost, another manager holds the lock: it registers the commands, this one stops.
    await lock.confirmHeld();
    await syncCommands(
      { token, apiUrl: config.discordApiUrl, guildId: config.discordGuildId },
      slashCommands.map((command) => command.definition),
      options.logger,
    );
  });
  const gateway = await fetchGatewayBot(token, config.discordApiUrl);
  const shardCount = wanted === "auto" ? gateway.shards : wanted;
  const shardIds = config.shardList ?? Array.from({ length: shardCount }, (_, id) => id);
  logger.info({ shards: shardCount, here: shardIds, requested: wanted, recommended: gateway.shards }, "starting shard processes");

  const manager = new ShardingManager(options.shardFile, {
    totalShards: shardCount,
    shardList: [...shardIds],
    token,
    mode: "process",
    // Restarts are ours, after a wait (below); discord.js's would start the process again at once.
    respawn: false,
    execArgv: [...options.execArgv],
  });
  const now = options.now ?? Date.now;
  const respawnWait = options.respawnWait ?? ((delayMs: number, signal: AbortSignal) => sleep(delayMs, undefined, { signal }));
  let stopping = false;
  // Aborted by stop(): ends the waits between shards at start-up and before a restart.
  const waitsCalledOff = new AbortController();
  // Each shard's last health report and when it came (on `now`'s clock); none for a process started since.
  const reports = new Map<number, { readonly healthy: boolean; readonly at: number }>();
  manager.on("shardCreate", (shard: Shard) => {
    const log = logger.child({ shard: shard.id });
    shard.on("message", (message: unknown) => {
      if (!isShardHealthReport(message)) return;
      reports.set(shard.id, { healthy: message.cohortBotHealthy, at: now() });
      options.onHealthReport?.();
    });
    let history: ShardExitHistory = { exitsInARow: 0, readySince: null };
    let everConnected = false;
    shard.on("spawn", () => log.info({ pid: shard.process?.pid }, "shard process started"));
    shard.on("ready", () => {
      everConnected = true;
      history = { ...history, readySince: now() };
      log.info("shard connected");
    });
    shard.on("disconnect", () => log.warn("shard disconnected from Discord"));
    shard.on("death", () => {
      reports.delete(shard.id);
      // A shard that never connected is still part of start-up, which fails with it (its spawn rejects).
      if (stopping || !everConnected) return;
      const { delayMs, exitsInARow } = nextRespawn(history, now());
      history = { exitsInARow, readySince: null };
      log.warn({ delayMs, exitsInARow }, "shard process exited; starting it again after a wait");
      void respawnWait(delayMs, waitsCalledOff.signal)
        // -1: resolve once started; its connecting (or exiting again) is reported by the events above.
        .then(() => (stopping ? undefined : shard.spawn(-1)))
        .catch((error: unknown) => {
          // The wait called off by a stop.
          if (!stopping) log.error({ err: error }, "shard process could not be restarted");
        });
    });
  });

  // Once: a second SIGTERM would kill a shard still shutting down from the first.
  let stopped: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping = true;
    waitsCalledOff.abort();
    stopped ??= Promise.all(manager.shards.map((shard) => stopShard(shard))).then(() => undefined);
    return stopped;
  };
  const stopSignal = options.stopSignal;
  const stopAsked = () => void stop();
  stopSignal?.addEventListener("abort", stopAsked, { once: true });
  if (stopSignal?.aborted === true) stopAsked();
  try {
    await spawnShards(manager, shardIds, {
      delayMs: Math.ceil(identifyWindowMs / Math.max(1, gateway.maxConcurrency)),
      signal: waitsCalledOff.signal,
      stopAsked: () => stopping,
    });
  } catch (error) {
    // A shard that failed as it started, or stopped by the stop asked for (then the stop is what ended start-up).
    const stopWasAsked = stopSignal?.aborted === true;
    await stop();
    throw stopWasAsked ? stopSignal.reason : error;
  } finally {
    stopSignal?.removeEventListener("abort", stopAsked);
  }
  logger.info({ shards: shardCount, here: shardIds }, "all shards connected");
  const allReady = () => manager.shards.size === shardIds.length && manager.shards.every((shard) => shard.ready);
  const reportedHealthy = (shardId: number) => {
    const report = reports.get(shardId);
    return report !== undefined && report.healthy && now() - report.at < shardHealthStaleAfterMs;
  };
  return { shardCount, shardIds, allReady, allHealthy: () => allReady() && shardIds.every(reportedHealthy), stop };
}

/**
 * discord.js's ShardingManager.spawn, which, once started, starts every shard even when a stop is asked
 * for meanwhile: each shard of `shardIds` in turn, the next one once this one connected (or failed to, within
 * the timeout) and `delayMs` went by since it started (Discord's identify limit), the last without that wait.
 * Nothing more starts once `stopAsked`; `signal` ends the wait.
 */
async function spawnShards(
  manager: ShardingManager,
  shardIds: readonly number[],
  options: { readonly delayMs: number; readonly signal: AbortSignal; readonly stopAsked: () => boolean },
): Promise<void> {
  for (const [index, shardId] of shardIds.entries()) {
    if (options.stopAsked()) throw new Error("asked to stop while the shards started");
    const shard = manager.createShard(shardId);
    const waits: Promise<unknown>[] = [shard.spawn(shardReadyTimeoutMs)];
    if (options.delayMs > 0 && index < shardIds.length - 1) waits.push(sleep(options.delayMs, undefined, { signal: options.signal }));
    // One after the other, as Discord's identify limit wants.
    await Promise.all(waits);
  }
}

async function stopShard(shard: Shard): Promise<void> {
  const child = shard.process;
  if (child === null || child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, "exit");
  child.kill("SIGTERM");
  const stopped = await Promise.race([exited.then(() => true), sleep(shardStopTimeoutMs, undefined, { ref: false }).then(() => false)]);
  if (!stopped) {
    child.kill("SIGKILL");
    await exited;
  }
}
