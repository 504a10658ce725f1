/** When a shard process that exited is started again (see nextRespawn). */
export interface RespawnPolicy {
  /** The wait after the first exit in a row. */
  readonly firstDelayMs: number;
  /** The longest wait, however many exits in a row. */
  readonly maxDelayMs: number;
  /** A shard connected at least this long before it exits starts a new row (its next wait is the first again). */
  readonly stableAfterMs: number;
}

/** 1, 2, 4 … s up to a minute; a shard that stayed connected 5 minutes counts as healthy again. */
export const shardRespawnPolicy: RespawnPolicy = { firstDelayMs: 1_000, maxDelayMs: 60_000, stableAfterMs: 5 * 60_000 };

/** What the manager remembers of one shard between its exits. */
export interface ShardExitHistory {
  /** Exits since the shard last stayed connected for `stableAfterMs` (0: none yet). */
  readonly exitsInARow: number;
  /** When the shard's current process connected to Discord (ms since the epoch); null if it never did. */
  readonly readySince: number | null;
}

export interface RespawnDecision {
  readonly delayMs: number;
  /** The exits in a row, this one included: the history to keep for the next exit. */
  readonly exitsInARow: number;
}

/**
 * How long to wait before starting a shard process that exited at `exitedAt`: doubling with each exit in
 * a row (a shard that fails as it starts is not restarted in a tight loop, hammering Discord's identify
 * limit and the database), back to the first wait once the exiting process had been connected for
 * `stableAfterMs`.
 */
export function nextRespawn(history: ShardExitHistory, exitedAt: number, policy: RespawnPolicy = shardRespawnPolicy): RespawnDecision {
  const stable = history.readySince !== null && exitedAt - history.readySince >= policy.stableAfterMs;
  const exitsInARow = stable ? 1 : history.exitsInARow + 1;
  const delayMs = Math.min(policy.maxDelayMs, policy.firstDelayMs * 2 ** Math.min(exitsInARow - 1, 30));
  return { delayMs, exitsInARow };
}
