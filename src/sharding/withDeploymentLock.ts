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
 * the lock at once, so `work` must call `lock.confirmHeld()` before each step:
 * a round trip on the lock's own connection asking the server whether this
 * session still holds the lock. pg's `error` event for a lost connection can
 * come after the server already granted the lock to the waiter, so only the
 * round trip is certain; it fails with a DatabaseUnavailableError, start-up
 * fails, and the restart policy starts the manager again.
 */
export async function withDeploymentLock<T>(databaseUrl: string, logger: Logger, work: (lock: DeploymentLock) => Promise<T>): Promise<T> {
  const target = parseDatabaseUrl(databaseUrl);
  if (target.provider === "sqlite") return work({ confirmHeld: () => Promise.resolve() });
  // keepAlive: a dropped TCP link is noticed by the OS, not only at the next query.
  const client = new pg.Client({ connectionString: target.connectionString, connectionTimeoutMillis: 10_000, keepAlive: true });
  let warned = false;
  const warnLost = (error: unknown): void => {
    if (warned) return;
    warned = true;
    logger.warn({ err: error, lock: deploymentLockKey }, "deployment lock connection lost");
  };
  // Without a listener a connection lost between queries would crash the manager; confirmHeld reports it.
  client.on("error", warnLost);
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
      await client.query("SELECT pg_advisory_lock($1)", [deploymentLockKey]).catch((error: unknown) => {
        throw lockConnectionLost(target.displayName, "Lost the connection waiting for the deployment lock", error);
      });
    }
    return await work({
      confirmHeld: () =>
        confirmHeld(client, target.displayName).catch((error: unknown) => {
          warnLost(error);
          throw error;
        }),
    });
  } finally {
    // Ending the session releases the lock.
    await client.end().catch(() => undefined);
  }
}

/** What `work` gets from withDeploymentLock. */
export interface DeploymentLock {
  /** Resolves once the server confirms this session still holds the lock; rejects with a DatabaseUnavailableError otherwise. */
  confirmHeld(): Promise<void>;
}

async function confirmHeld(client: pg.Client, where: string): Promise<void> {
  // A single bigint key below 2^32 is stored as classid 0, objid = key, objsubid 1.
  const { rows } = await client
    .query<{ held: boolean }>(
      `SELECT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND pid = pg_backend_pid()
          AND classid = 0 AND objid = $1 AND objsubid = 1 AND granted) AS held`,
      [deploymentLockKey],
    )
    .catch((error: unknown) => {
      throw lockConnectionLost(where, "Lost the connection holding the deployment lock", error);
    });
  if (rows[0]?.held !== true) throw lockConnectionLost(where, "No longer holding the deployment lock", new Error("the lock was released"));
}

function lockConnectionLost(where: string, what: string, error: unknown): DatabaseUnavailableError {
  const reason = error instanceof Error ? error.message : String(error);
  return new DatabaseUnavailableError(
    `${what} to PostgreSQL at ${where}: ${reason}; another manager may be preparing now, so this one stops`,
    {
      cause: error,
    },
  );
}
