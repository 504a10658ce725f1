import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type DatabaseHandle } from "../../src/db/openDatabase.js";
import { projectPaths } from "../../src/projectPaths.js";
import { captureLogger } from "../helpers/silentLogger.js";
import { createTestDatabase, type TestDatabase } from "../helpers/testDatabase.js";

describe.runIf(process.env.TEST_DATABASE === "postgresql")("the bot's PostgreSQL sessions", () => {
  let database: TestDatabase;
  let handle: DatabaseHandle;

  beforeAll(async () => {
    database = await createTestDatabase("postgresql");
    handle = await openDatabase({ url: database.url, migrationsDir: projectPaths().migrationsDir, logger: captureLogger().logger });
  });

  afterAll(async () => {
    await handle.close();
    await database.drop();
  });

  it("never JIT-compile a query: the roster's estimate made PostgreSQL spend 1.5 s compiling a 0.5 s query", async () => {
    const [row] = await handle.prisma.$queryRawUnsafe<{ jit: string }[]>("SHOW jit");
    expect(row?.jit).toBe("off");
  });
});
