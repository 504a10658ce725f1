import { afterEach, describe, expect, it } from "vitest";
import { openDatabase, type DatabaseHandle } from "../../src/db/openDatabase.js";
import { projectPaths } from "../../src/projectPaths.js";
import { startFreezableProxy } from "../helpers/freezableProxy.js";
import { captureLogger } from "../helpers/silentLogger.js";
import { createTestDatabase, testDatabaseProvider, type TestDatabase } from "../helpers/testDatabase.js";

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
      pingTimeoutMs: 500,
    });
    expect(await handle.ping()).toBe(true);

    proxy.freeze();
    expect(await handle.ping()).toBe(false);

    // Closing waits for every pool connection still in use: none is, so it ends.
    await handle.close();
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
