/**
 * The one shutdown budget, from the inside out (README "Sharding", "Docker"):
 * - close() waits at most `shutdownWaitMs` in all, from one deadline: for the scheduler's tick in progress,
 *   interactions in flight and the checks of the servers a session listed (side by side), then for the exclude
 *   role listings still running (what is left of it); then it closes the workers, client and database, which
 *   is not timed;
 * - a shard manager gives each shard process `shardStopTimeoutMs` to do that and exit before it kills it;
 * - Docker gives the container `dockerStopGraceMs` (docker-compose.yml `stop_grace_period`) before its SIGKILL,
 *   which leaves the manager time to write its last lines after its shards stopped.
 */
export const shutdownWaitMs = 10_000;
/** The wait above, then closing the workers, client and database and writing the last log lines: 10 s left for those. */
export const shardStopTimeoutMs = 20_000;
/** docker-compose.yml's `stop_grace_period` (a test keeps the two equal). */
export const dockerStopGraceMs = 30_000;
