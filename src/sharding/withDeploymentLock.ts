import pg from "pg";
import { DatabaseUnavailableError } from "../db/DatabaseUnavailableError.js";
import { parseDatabaseUrl } from "../db/parseDatabaseUrl.js";
import type { Logger } from "../logging/createLogger.js";

/**
 * PostgreSQL advisory lock key held while a ShardingManager prepares the
 * deployment; any number other than Prisma Migrate's own (72707369), which
 * the migration runner takes inside it.
 */
const deploymentLockKey = 72707370;

/**
 * Runs `work` (migrations, seeding, command registration) while no other
 * ShardingManager on the same PostgreSQL database runs its own: with
 * SHARD_LIST, managers on several machines start at once, and the first to
 * take the lock does the work while the others wait and then find it done
 * (nothing to migrate, curricula unchanged, commands already registered).
 * The lock belongs to a connection of its own and goes with it, so a manager
 * that dies mid-way releases it. On SQLite (one machine) `work` just runs:
 * its migrations take the file's write lock themselves.
 *
 * Should the connection alone be lost while `work` runs (idle-session
 * timeout, a terminated backend, a dropped TCP link), a waiting manager takes
 * the lock at once: `work` gets `lockLost`, aborted then with a
 * DatabaseUnavailableError, and must stop before its next step (throwIfAborted)
 * so that start-up fails and the restart policy starts it again.
 */
export async function withDeploymentLock<T>(databaseUrl: string, logger: Logger, work: (lockLost: AbortSignal) => Promise<T>): Promise<T> {
  const target = parseDatabaseUrl(databaseUrl);
  const lockLost = new AbortController();
  if (target.provider === "sqlite") return work(lockLost.signal);
  const client = new pg.Client({ connectionString: target.connectionString, connectionTimeoutMillis: 10_000 });
  // A connection lost while waiting fails that wait (its query rejects). Lost while `work` runs, it arrives here
  // (without a listener it would crash the manager), often twice (the server's notice, then the socket's end).
  client.on("error", (error) => {
    if (lockLost.signal.aborted) return;
    logger.warn({ err: error, lock: deploymentLockKey }, "deployment lock connection lost");
    const reason = `Lost the connection holding the deployment lock to PostgreSQL at ${target.displayName}: ${error.message}`;
    lockLost.abort(new DatabaseUnavailableError(`${reason}; another manager may be preparing now, so this one stops`, { cause: error }));
  });
  try {
    await client.connect();
  } catch (error) {
    // As the bot's own start-up says it (migrateDatabase): where, and why, not a bare "connect ECONNREFUSED".
    const reason = error instanceof Error ? error.message : String(error);
    throw new DatabaseUnavailableError(`Cannot connect to PostgreSQL at ${target.displayName}: ${reason}`, { cause: error });
  }
  try {
    const { rows } = await client.query<{ locked: boolean }>("SELECT pg_try_advisory_lock($1) AS locked", [deploymentLockKey]);
    if (rows[0]?.locked !== true) {
      logger.info({ lock: deploymentLockKey }, "another sharding manager is preparing the deployment; waiting for it");
      await client.query("SELECT pg_advisory_lock($1)", [deploymentLockKey]);
    }
    return await work(lockLost.signal);
  } finally {
    // Ending the session releases the lock.
    await client.end().catch(() => undefined);
  }
}
