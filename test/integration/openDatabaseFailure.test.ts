import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { openDatabase } from "../../src/db/openDatabase.js";
import { projectPaths } from "../../src/projectPaths.js";
import { captureLogger } from "../helpers/silentLogger.js";
import { createTestDatabase, type TestDatabase } from "../helpers/testDatabase.js";

/** Set by a test: the last step of opening (the transaction runner) throws. */
const failing = vi.hoisted(() => ({ lastStep: false }));

vi.mock("../../src/db/SqliteTransactionRunner.js", async (importOriginal) => {
  const original = await importOriginal<typeof import("../../src/db/SqliteTransactionRunner.js")>();
  class FailingRunner extends original.SqliteTransactionRunner {
    constructor(...args: ConstructorParameters<typeof original.SqliteTransactionRunner>) {
      if (failing.lastStep) throw new Error("the last step of opening failed");
      super(...args);
    }
  }
  return { ...original, SqliteTransactionRunner: FailingRunner };
});

/** The files this process holds open under `dir` (Linux: /proc/self/fd), the worker threads' included. */
function openFilesUnder(dir: string): string[] {
  return fs.readdirSync("/proc/self/fd").flatMap((fd) => {
    try {
      const target = fs.readlinkSync(path.join("/proc/self/fd", fd));
      return target.startsWith(dir) ? [target] : [];
    } catch {
      return [];
    }
  });
}

describe.runIf(process.env.TEST_DATABASE !== "postgresql" && fs.existsSync("/proc/self/fd"))(
  "openDatabase on a SQLite file when a step of opening throws",
  () => {
    let database: TestDatabase | undefined;
    afterEach(async () => {
      failing.lastStep = false;
      await database?.drop();
    });

    it("throws that error and leaves no connection, reader or checkpointer thread open on the file", async () => {
      database = await createTestDatabase("sqlite");
      const filePath = database.filePath ?? "";
      const dir = path.dirname(filePath);
      const open = () =>
        openDatabase({ url: database?.url ?? "", migrationsDir: projectPaths().migrationsDir, logger: captureLogger().logger });
      // A first, successful open and close: what a clean close leaves is nothing.
      await (await open()).close();
      expect(openFilesUnder(dir)).toEqual([]);

      failing.lastStep = true;
      await expect(open()).rejects.toThrow("the last step of opening failed");
      expect(openFilesUnder(dir)).toEqual([]);

      // And the file opens again as the bot opens it.
      failing.lastStep = false;
      const again = await open();
      expect(await again.prisma.curriculum.count()).toBe(0);
      await again.close();
    });
  },
);
