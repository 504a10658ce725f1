import pg from "pg";
import type { TestDatabaseHandle } from "./openTestDatabase.js";

/**
 * Another session on the PostgreSQL test database, as another process or a migration would open one,
 * connected and looking in the test's schema. The caller ends it.
 */
export async function openOtherSession(handle: TestDatabaseHandle): Promise<pg.Client> {
  if (handle.target.provider !== "postgresql") throw new Error("openOtherSession needs the PostgreSQL test database");
  const { connectionString, schema } = handle.target;
  const client = new pg.Client({ connectionString });
  await client.connect();
  if (schema !== null) await client.query(`SET search_path = "${schema}"`);
  return client;
}

/**
 * How many sessions of the test database wait for a lock now. Read through the handle's pool, never from
 * a session inside a transaction: pg_stat_activity keeps its first snapshot until the transaction ends.
 */
export async function countLockWaiters(handle: TestDatabaseHandle): Promise<number> {
  const rows = await handle.prisma.$queryRawUnsafe<{ waiting: bigint }[]>(
    `SELECT count(*) AS waiting FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
  );
  return Number(rows[0]?.waiting ?? 0);
}

/**
 * Resolves once some session of the test database waits for a lock, or once `finished()` holds (the step
 * ran without waiting). Polled with no deadline of its own: the test's timeout is the hang guard, so a
 * busy machine that is slow to reach the lock only makes the test slower.
 */
export async function untilLockWaitOr(handle: TestDatabaseHandle, finished: () => boolean): Promise<void> {
  while (!finished() && (await countLockWaiters(handle)) === 0) await new Promise((resolve) => setTimeout(resolve, 20));
}

/** Begins a transaction in `session` that holds the cohort's row, as another process's write of the cohort does first. The caller commits it. */
export async function holdCohortRow(session: pg.Client, cohortId: number): Promise<void> {
  await session.query("BEGIN");
  await session.query(`SELECT 1 FROM "Cohort" WHERE "id" = $1 FOR NO KEY UPDATE`, [cohortId]);
}
