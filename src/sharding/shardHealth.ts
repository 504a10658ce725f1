/**
 * What a shard process tells its manager over discord.js's IPC channel after each of its health checks (Discord
 * connected and its database answering): the manager writes the heartbeat only while every shard's last check
 * passed, so a shard that lost its database turns the container unhealthy as a lone bot's would.
 */
export interface ShardHealthReport {
  readonly cohortBotHealthy: boolean;
}

/** A report older than this counts as none: the shard's checks hang, or it stopped sending them (as healthStaleAfterMs). */
export const shardHealthStaleAfterMs = 90_000;

export function shardHealthReport(healthy: boolean): ShardHealthReport {
  return { cohortBotHealthy: healthy };
}

/** Whether an IPC message from a shard is its health report (discord.js's own messages are not). */
export function isShardHealthReport(message: unknown): message is ShardHealthReport {
  return (
    typeof message === "object" && message !== null && typeof (message as { cohortBotHealthy?: unknown }).cohortBotHealthy === "boolean"
  );
}
