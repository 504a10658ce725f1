import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/loadConfig.js";
import { DatabaseUnavailableError } from "../../src/db/DatabaseUnavailableError.js";
import { prepareDeployment } from "../../src/sharding/prepareDeployment.js";
import { withDeploymentLock } from "../../src/sharding/withDeploymentLock.js";
import { captureLogger } from "../helpers/silentLogger.js";
import { createTestDatabase, type TestDatabase } from "../helpers/testDatabase.js";

/** The lock of README "Shards on several machines": pg_advisory_lock(72707370), on a connection of its own. */
const deploymentLockKey = 72707370;

/**
 * Ends the sessions of this database that hold (or wait for) the deployment lock, as a PostgreSQL restart, a
 * failover or an idle-session killer would.
 */
async function endLockSessions(admin: pg.Client, granted: boolean): Promise<number> {
  const { rowCount } = await admin.query(
    `SELECT pg_terminate_backend(pid) FROM pg_locks
      WHERE locktype = 'advisory' AND objid = $1 AND granted = $2 AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
    [deploymentLockKey, granted],
  );
  return rowCount ?? 0;
}

async function until(condition: () => Promise<boolean>): Promise<void> {
  while (!(await condition())) await new Promise((resolve) => setTimeout(resolve, 20));
}

describe.runIf(process.env.TEST_DATABASE === "postgresql")("the deployment lock of several sharding managers, on PostgreSQL", () => {
  let database: TestDatabase;
  let admin: pg.Client;
  beforeAll(async () => {
    database = await createTestDatabase("postgresql");
    admin = new pg.Client({ connectionString: database.url });
    await admin.connect();
  });
  afterAll(async () => {
    await admin.end();
    await database.drop();
  });

  /** Whether a manager waits for the deployment lock of this database (the server is shared with other tests). */
  async function someoneWaits(): Promise<boolean> {
    const { rowCount } = await admin.query(
      `SELECT 1 FROM pg_locks
        WHERE locktype = 'advisory' AND objid = $1 AND NOT granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
      [deploymentLockKey],
    );
    return rowCount === 1;
  }

  it("stops the preparing manager before it imports the curricula when its lock's connection alone is lost, while the waiting one prepares it all", async () => {
    const config = loadConfig({ DATABASE_URL: database.url });
    const steps: string[] = [];
    const first = captureLogger("info");
    let holding = (): void => undefined;
    const held = new Promise<void>((resolve) => (holding = resolve));
    let secondDone = (): void => undefined;
    const secondFinished = new Promise<void>((resolve) => (secondDone = resolve));
    const holder = withDeploymentLock(database.url, first.logger, async (lock) => {
      holding();
      await until(someoneWaits);
      expect(await endLockSessions(admin, true)).toBe(1);
      // The waiter now holds the lock and prepares; then ours goes on, whether or not pg has told it yet.
      await secondFinished;
      await prepareDeployment(config, first.logger, lock);
      steps.push("A prepared");
      return "prepared";
    });
    await held;
    const waiter = withDeploymentLock(database.url, captureLogger().logger, async (lock) => {
      await prepareDeployment(config, captureLogger().logger, lock);
      steps.push("B prepared");
      secondDone();
      return "prepared";
    });
    const [holderOutcome, waiterOutcome] = await Promise.allSettled([holder, waiter]);
    expect(waiterOutcome).toEqual({ status: "fulfilled", value: "prepared" });
    expect(holderOutcome.status === "rejected" ? holderOutcome.reason : holderOutcome).toBeInstanceOf(DatabaseUnavailableError);
    expect(holderOutcome.status === "rejected" ? String(holderOutcome.reason) : "").toMatch(
      /^DatabaseUnavailableError: Lost the connection holding the deployment lock to PostgreSQL at .*; another manager may be preparing now/,
    );
    expect(steps).toEqual(["B prepared"]);
    const warnings = first.lines().filter((line) => line.msg === "deployment lock connection lost");
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ level: 40 });
  });

  it("fails the start-up of a manager whose connection is lost while it waits for the lock", async () => {
    let holding = (): void => undefined;
    const held = new Promise<void>((resolve) => (holding = resolve));
    const holder = withDeploymentLock(database.url, captureLogger().logger, async () => {
      holding();
      await until(someoneWaits);
      expect(await endLockSessions(admin, false)).toBe(1);
      return "prepared";
    });
    await held;
    const waiter = withDeploymentLock(database.url, captureLogger().logger, () => Promise.resolve("prepared twice"));
    await expect(waiter).rejects.toBeInstanceOf(DatabaseUnavailableError);
    await expect(waiter).rejects.toThrow(
      /^Lost the connection waiting for the deployment lock to PostgreSQL at .*: terminating connection/,
    );
    await expect(holder).resolves.toBe("prepared");
  });

  it("names PostgreSQL and where it was looked for when it cannot be reached, as the bot's own start-up does", async () => {
    const unreachable = "postgresql://postgres@127.0.0.1:1/cohort";
    const attempt = withDeploymentLock(unreachable, captureLogger().logger, () => Promise.resolve("prepared"));
    await expect(attempt).rejects.toBeInstanceOf(DatabaseUnavailableError);
    await expect(attempt).rejects.toThrow(/^Cannot connect to PostgreSQL at 127\.0\.0\.1:1\/cohort: /);
  });
});
