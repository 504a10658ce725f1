import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isDatabaseLocked } from "../../src/db/repositories/isDatabaseLocked.js";
import type { SqliteTransactionRunner } from "../../src/db/SqliteTransactionRunner.js";
import { openTestDatabase, type TestDatabaseHandle } from "../helpers/openTestDatabase.js";

const insertCurriculum = `INSERT INTO "Curriculum" ("slug", "title", "totalWeeks", "sourceHash", "createdAt", "updatedAt") VALUES (?, 'T', 1, 'x', ?, ?)`;

/** /done's transaction on SQLite runs without Prisma: all of it or nothing, and a lock held elsewhere is retried, not waited for. */
describe.runIf(process.env.TEST_DATABASE !== "postgresql")("SQLite write transactions without Prisma", () => {
  let handle: TestDatabaseHandle;
  let runner: SqliteTransactionRunner;

  beforeAll(async () => {
    handle = await openTestDatabase();
    if (handle.sqliteTransactions === null) throw new Error("a SQLite handle has a transaction runner");
    runner = handle.sqliteTransactions;
  });

  afterAll(async () => {
    await handle.closeAndDrop();
  });

  const slugs = async () => (await handle.prisma.curriculum.findMany({ orderBy: { slug: "asc" } })).map((row) => row.slug);

  it("writes every statement or, when one fails, none", async () => {
    const now = new Date("2027-01-04T10:00:00Z");
    expect(runner.run([{ sql: insertCurriculum, params: ["a", now, now] }])).toEqual([1]);
    // The second insert repeats a unique slug: the first of this transaction must not stay.
    expect(() =>
      runner.run([
        { sql: insertCurriculum, params: ["b", now, now] },
        { sql: insertCurriculum, params: ["a", now, now] },
      ]),
    ).toThrow(/UNIQUE/);
    expect(await slugs()).toEqual(["a"]);
    const stored = await handle.prisma.curriculum.findFirstOrThrow({ where: { slug: "a" } });
    expect(stored.createdAt).toEqual(now);
  });

  it("meets another connection's write lock with an error the write queue retries, writing nothing", async () => {
    if (handle.target.provider !== "sqlite") throw new Error("a SQLite test database has a file");
    const other = new Database(handle.target.filePath);
    other.prepare("BEGIN IMMEDIATE").run();
    const now = new Date();
    let failure: unknown = null;
    try {
      runner.run([{ sql: insertCurriculum, params: ["c", now, now] }]);
    } catch (error) {
      failure = error;
    } finally {
      other.prepare("ROLLBACK").run();
      other.close();
    }
    expect(isDatabaseLocked(failure)).toBe(true);
    expect(await slugs()).toEqual(["a"]);
    expect(runner.run([{ sql: insertCurriculum, params: ["c", now, now] }])).toEqual([1]);
  });

  it("meets a Prisma transaction open on its connection with an error the write queue retries, writing nothing", async () => {
    const now = new Date();
    let release: () => void = () => undefined;
    const released = new Promise<void>((resolve) => (release = resolve));
    let opened: () => void = () => undefined;
    const open = new Promise<void>((resolve) => (opened = resolve));
    // A write outside the queue (CohortRepository's, which Prisma wraps in a transaction) holds the connection.
    const prismaWrite = handle.prisma.$transaction(async (tx) => {
      await tx.curriculum.create({ data: { slug: "d", title: "T", totalWeeks: 1, sourceHash: "x" } });
      opened();
      await released;
    });
    await open;
    let failure: unknown = null;
    try {
      runner.run([{ sql: insertCurriculum, params: ["e", now, now] }]);
    } catch (error) {
      failure = error;
    }
    release();
    await prismaWrite;
    expect(isDatabaseLocked(failure)).toBe(true);
    expect(await slugs()).toEqual(["a", "c", "d"]);
    expect(runner.run([{ sql: insertCurriculum, params: ["e", now, now] }])).toEqual([1]);
  });
});
