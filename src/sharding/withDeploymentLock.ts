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
 */
export async function withDeploymentLock<T>(databaseUrl: string, logger: Logger, work: () => Promise<T>): Promise<T> {
  const target = parseDatabaseUrl(databaseUrl);
  if (target.provider === "sqlite") return work();
  const client = new pg.Client({ connectionString: target.connectionString, connectionTimeoutMillis: 10_000 });
  // A connection lost while waiting fails that wait (its query rejects); lost while `work` runs, the work goes on
  // (migrations take their own lock, the rest is idempotent), only unguarded. Without a listener the same event
  // would crash the manager mid-migration.
  client.on("error", (error) => logger.warn({ err: error, lock: deploymentLockKey }, "deployment lock connection lost"));
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
    return await work();
  } finally {
    // Ending the session releases the lock.
    await client.end().catch(() => undefined);
  }
}
