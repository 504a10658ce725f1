import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase, type DatabaseHandle } from "../../src/db/openDatabase.js";
import { projectPaths } from "../../src/projectPaths.js";
import { startFreezableProxy } from "../helpers/freezableProxy.js";
import { captureLogger } from "../helpers/silentLogger.js";
import { createTestDatabase, testDatabaseProvider, type TestDatabase } from "../helpers/testDatabase.js";
import { until } from "../helpers/until.js";

/**
 * The health check's query (DatabaseHandle.ping). A PostgreSQL that keeps its connections but stops answering
 * must not hold a pool connection per heartbeat: each check gives up, frees its connection, and shutdown,
 * which waits for every busy connection, still ends.
 */
describe.runIf(testDatabaseProvider === "postgresql")("the database ping on a PostgreSQL that stops answering", () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it("answers false instead of waiting, leaves no connection busy, and lets the database close", async () => {
    const database: TestDatabase = await createTestDatabase();
    cleanups.push(() => database.drop());
    const url = new URL(database.url);
    const proxy = await startFreezableProxy(url.hostname, Number(url.port || 5432));
    cleanups.push(() => proxy.close());
    url.hostname = "127.0.0.1";
    url.port = String(proxy.port);
    const handle: DatabaseHandle = await openDatabase({
      url: url.toString(),
      migrationsDir: projectPaths().migrationsDir,
      logger: captureLogger().logger,
      // A hang guard, not a speed claim: a first connection and query through the proxy on a loaded machine fit in it,
      // and the frozen check below waits it out once (a live check takes at most two, so the test stays under its timeout).
      pingTimeoutMs: 20_000,
    });
    // One check, not a poll: a live database must answer true the first time it is asked.
    expect(await handle.ping()).toBe(true);

    proxy.freeze();
    expect(await handle.ping()).toBe(false);

    // Closing waits for every pool connection still in use: none is, so it ends.
    await handle.close();
  });

  /** Opens the database through a proxy the test can freeze, with checks that would wait far longer than any test. */
  const openBehindProxy = async () => {
    const database: TestDatabase = await createTestDatabase();
    cleanups.push(() => database.drop());
    const url = new URL(database.url);
    const proxy = await startFreezableProxy(url.hostname, Number(url.port || 5432));
    cleanups.push(() => proxy.close());
    url.hostname = "127.0.0.1";
    url.port = String(proxy.port);
    const handle = await openDatabase({
      url: url.toString(),
      migrationsDir: projectPaths().migrationsDir,
      logger: captureLogger().logger,
      pingTimeoutMs: 3_600_000,
    });
    return { handle, proxy };
  };

  it("lets the database close while a check waits for its answer, and the check answers false", async () => {
    const { handle, proxy } = await openBehindProxy();
    expect(await handle.ping()).toBe(true);

    proxy.freeze();
    const waiting = handle.ping();
    // Shutdown does not wait out the check's own timeout (an hour here): it ends the check's connection.
    await handle.close();
    expect(await waiting).toBe(false);
  });

  it("lets the database close while a check waits for its connection, and the check answers false", async () => {
    const { handle, proxy } = await openBehindProxy();
    proxy.freeze();
    const waiting = handle.ping();

    await handle.close();
    expect(await waiting).toBe(false);
  });
});

describe.runIf(testDatabaseProvider === "postgresql")("the database ping while long queries hold every pool connection", () => {
  it("is true: the database answers, though no pool connection is free", async () => {
    const database = await createTestDatabase();
    const handle = await openDatabase({
      url: database.url,
      migrationsDir: projectPaths().migrationsDir,
      logger: captureLogger().logger,
      // A hang guard, not a speed claim: the check opens a connection of its own, which a loaded machine may take
      // seconds to set up. A check waiting in the pool's line would still time out (twice this, below the test's timeout).
      pingTimeoutMs: 30_000,
    });
    // Long transactions (an export, a burst) on each of the pool's 10 connections, until the test lets them end.
    let finish = (): void => undefined;
    const finished = new Promise<void>((resolve) => (finish = resolve));
    const long = Array.from({ length: 10 }, () =>
      handle.prisma.$transaction(
        async (tx) => {
          await tx.$queryRawUnsafe("SELECT 1");
          await finished;
        },
        { maxWait: 60_000, timeout: 600_000 },
      ),
    );
    const observer = new pg.Client({ connectionString: database.url });
    await observer.connect();
    try {
      const inTransaction = async () => {
        const result = await observer.query(
          `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND state = 'idle in transaction'`,
        );
        return (result.rows[0] as { n: number }).n >= 10;
      };
      await until(inTransaction, "every pool connection held by a long transaction");

      expect(await handle.ping()).toBe(true);
    } finally {
      finish();
      await Promise.all(long);
      await observer.end();
      await handle.close();
      await database.drop();
    }
  });
});

describe.runIf(testDatabaseProvider === "postgresql")("the database ping after its connection was dropped between checks", () => {
  it("is true: a server restart or a pooler's idle timeout is not a database that stopped answering", async () => {
    const database = await createTestDatabase();
    const handle = await openDatabase({ url: database.url, migrationsDir: projectPaths().migrationsDir, logger: captureLogger().logger });
    const observer = new pg.Client({ connectionString: database.url });
    await observer.connect();
    try {
      expect(await handle.ping()).toBe(true);
      // Every connection of the bot's (the probe's among them) ends, as at a server restart; waits until they have.
      await observer.query(
        `SELECT pg_terminate_backend(pid, 10000) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`,
      );

      expect(await handle.ping()).toBe(true);
      expect(await handle.ping()).toBe(true);
    } finally {
      await observer.end();
      await handle.close();
      await database.drop();
    }
  });
});

describe("the database ping on a database that answers", () => {
  it("is true", async () => {
    const database = await createTestDatabase();
    try {
      const handle = await openDatabase({ url: database.url, migrationsDir: projectPaths().migrationsDir, logger: captureLogger().logger });
      try {
        expect(await handle.ping()).toBe(true);
      } finally {
        await handle.close();
      }
    } finally {
      await database.drop();
    }
  });
});
