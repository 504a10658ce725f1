/**
 * The one shutdown budget, from the inside out (README "Sharding", "Docker"):
 * - close() waits at most `shutdownWaitMs` for interactions in flight and for the checks of the servers a
 *   session listed (side by side with the scheduler's tick in progress), then closes the client and database;
 * - a shard manager gives each shard process `shardStopTimeoutMs` to do that and exit before it kills it;
 * - Docker gives the container `dockerStopGraceMs` (docker-compose.yml `stop_grace_period`) before its SIGKILL,
 *   which leaves the manager time to write its last lines after its shards stopped.
 */
export const shutdownWaitMs = 10_000;
/** The wait above, then closing the workers, client and database and writing the last log lines (at most 2 s). */
export const shardStopTimeoutMs = 20_000;
/** docker-compose.yml's `stop_grace_period` (a test keeps the two equal). */
export const dockerStopGraceMs = 30_000;
