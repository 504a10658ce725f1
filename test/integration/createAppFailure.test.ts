import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/loadConfig.js";
import { createApp } from "../../src/createApp.js";
import { projectPaths } from "../../src/projectPaths.js";
import { openConnectionsTo } from "../helpers/openConnections.js";
import { captureLogger } from "../helpers/silentLogger.js";
import { createTestDatabase, type TestDatabase } from "../helpers/testDatabase.js";

/**
 * A start that fails after the database opened (here: the built-in curricula cannot be read, as
 * when a deployment lost prisma/seed) must not leave connections, reader threads or file handles
 * behind: a supervisor restarting the bot, or a test building many apps, would pile them up.
 */
describe("createApp when a step after opening the database throws", () => {
  let database: TestDatabase | undefined;
  afterEach(async () => {
    await database?.drop();
  });

  it("throws that error and leaves nothing open on the database", async () => {
    database = await createTestDatabase();
    const config = loadConfig({ DATABASE_URL: database.url });
    const options = { logger: captureLogger().logger, schedulerTickCron: null };
    // A first, successful start and close: what a clean close leaves is nothing.
    await (await createApp(config, options)).close();
    expect(await openConnectionsTo(database)).toEqual([]);

    const paths = { ...projectPaths(), seedCurriculaDir: path.join(projectPaths().root, "no-such-seed-folder") };
    await expect(createApp(config, { ...options, paths })).rejects.toThrow(/no-such-seed-folder/);
    expect(await openConnectionsTo(database)).toEqual([]);
  });
});
