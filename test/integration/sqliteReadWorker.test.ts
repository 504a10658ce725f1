import { Worker, type WorkerOptions } from "node:worker_threads";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prismaSqlReader } from "../../src/db/SqlReader.js";
import { SqliteReadError, SqliteReadWorker } from "../../src/db/SqliteReadWorker.js";
import { workerBackOff } from "../../src/workers/SupervisedWorker.js";
import { workerReady } from "../../src/workers/workerReady.js";
import { captureLogger } from "../helpers/silentLogger.js";
import { openTestDatabase, type TestDatabaseHandle } from "../helpers/openTestDatabase.js";
import { createCohortRow } from "../helpers/cohortRows.js";

/** A read that takes a while on any machine: a recursive count to two million. */
const slowRead = `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000000) SELECT COUNT(*) AS "total" FROM n`;

describe.runIf(process.env.TEST_DATABASE !== "postgresql")("long SQLite reads on a worker thread", () => {
  let handle: TestDatabaseHandle;

  beforeAll(async () => {
    handle = await openTestDatabase();
    const curriculum = await handle.prisma.curriculum.create({ data: { slug: "reads", title: "Reads", totalWeeks: 1, sourceHash: "x" } });
    await createCohortRow(handle.prisma, curriculum.id, {
      guildId: "g1",
      channelId: "c1",
      name: "Spring",
      startDate: "2027-01-04",
      createdAt: new Date("2027-01-01T10:00:00Z"),
    });
  });

  afterAll(async () => {
    await handle.closeAndDrop();
  });

  it("a SQLite file's bot reads through the worker, and sees what the bot just committed", async () => {
    expect(handle.reader).toBeInstanceOf(SqliteReadWorker);
    const before = await handle.reader.read(`SELECT COUNT(*) AS "n" FROM "Cohort" WHERE "guildId" = ?`, ["g2"]);
    const curriculum = await handle.prisma.curriculum.findFirstOrThrow();
    await createCohortRow(handle.prisma, curriculum.id, { guildId: "g2", channelId: "c2", name: "Autumn", startDate: "2027-09-06" });
    const after = await handle.reader.read(`SELECT COUNT(*) AS "n" FROM "Cohort" WHERE "guildId" = ?`, ["g2"]);
    expect([Number(before[0]?.n), Number(after[0]?.n)]).toEqual([0, 1]);
  });

  it("binds dates as the bot stores them, so a date comparison matches the one Prisma runs", async () => {
    const sql = `SELECT "name" FROM "Cohort" WHERE "createdAt" >= ? AND "createdAt" < ? ORDER BY "name"`;
    const params = [new Date("2027-01-01T09:00:00Z"), new Date("2027-01-01T11:00:00Z")];
    const throughWorker = await handle.reader.read(sql, params);
    const throughPrisma = await prismaSqlReader(handle.prisma, "sqlite").read(sql, params);
    expect(throughWorker.map((row) => row.name)).toEqual(["Spring"]);
    expect(throughWorker).toEqual(throughPrisma);
  });

  it("the event loop keeps turning while a long read runs", async () => {
    let turns = 0;
    let reading = true;
    const spin = (): void => {
      if (!reading) return;
      turns += 1;
      setImmediate(spin);
    };
    setImmediate(spin);
    const rows = await handle.reader.read(slowRead, []);
    reading = false;
    expect(Number(rows[0]?.total)).toBe(2_000_000);
    // On the bot's own connection the read is one synchronous call: no turn at all until it returns.
    expect(turns).toBeGreaterThan(0);
  });

  it("a failing read rejects with SQLite's message and the next read is served", async () => {
    await expect(handle.reader.read(`SELECT * FROM "NoSuchTable"`, [])).rejects.toThrow(/no such table/);
    const rows = await handle.reader.read(`SELECT COUNT(*) AS "n" FROM "Cohort"`, []);
    expect(Number(rows[0]?.n)).toBe(2);
  });

  it("the connection cannot write", async () => {
    await expect(handle.reader.read(`DELETE FROM "Cohort"`, [])).rejects.toThrow(/return rows only/);
    await expect(handle.reader.read(`DELETE FROM "Cohort" RETURNING "id"`, [])).rejects.toThrow(/readonly/);
    expect(await handle.prisma.cohort.count()).toBe(2);
  });

  it("the thread stops when idle and starts again on the next read; after stop, reads are refused", async () => {
    const reader = new SqliteReadWorker({
      filePath: handle.target.provider === "sqlite" ? handle.target.filePath : "",
      busyTimeoutMs: 1_000,
      logger: captureLogger().logger,
      idleMs: 1,
    });
    expect(reader.running).toBe(false);
    await reader.read(`SELECT 1 AS "one"`, []);
    await expect.poll(() => reader.running).toBe(false);
    const rows = await reader.read(`SELECT 2 AS "two"`, []);
    expect(rows).toEqual([{ two: 2 }]);
    await reader.stop();
    await expect(reader.read(`SELECT 1`, [])).rejects.toThrow(/closed/);
  });

  it("its thread says it is ready once the file is open, before it answers anything", async () => {
    const firstMessages: unknown[] = [];
    const reader = new SqliteReadWorker({
      filePath: handle.target.provider === "sqlite" ? handle.target.filePath : "",
      busyTimeoutMs: 1_000,
      logger: captureLogger().logger,
      spawn: (program: string, options: WorkerOptions) => {
        const thread = new Worker(program, options);
        thread.once("message", (message: unknown) => firstMessages.push(message));
        return thread;
      },
    });
    try {
      expect(await reader.read(`SELECT 1 AS "one"`, [])).toEqual([{ one: 1 }]);
      expect(firstMessages).toEqual([workerReady]);
    } finally {
      await reader.stop();
    }
  });

  it("a thread that dies before it is ready (the file is missing) is started once; reads meanwhile are refused at once, with when to retry", async () => {
    const captured = captureLogger();
    const spawned: string[] = [];
    let now = 0;
    const reader = new SqliteReadWorker({
      filePath: `${handle.target.provider === "sqlite" ? handle.target.filePath : ""}.missing`,
      busyTimeoutMs: 1_000,
      logger: captured.logger,
      spawn: (program: string, options: WorkerOptions) => {
        spawned.push(program);
        return new Worker(program, options);
      },
      monotonicNow: () => now,
    });
    try {
      const reads = [];
      for (let attempt = 0; attempt < 3; attempt += 1) reads.push(await reader.read(`SELECT 1`, []).catch((error: unknown) => error));
      expect(reads.every((error) => error instanceof SqliteReadError)).toBe(true);
      expect(String(reads[1])).toMatch(/keeps failing.*1 s/);
      expect(String(reads[2])).toMatch(/keeps failing.*1 s/);
      expect(spawned).toHaveLength(1);
      expect(captured.lines().filter((line) => line.msg === "sqlite read worker failed")).toHaveLength(1);
      now += workerBackOff.firstMs;
      await expect(reader.read(`SELECT 1`, [])).rejects.toThrow(SqliteReadError);
      expect(spawned).toHaveLength(2);
    } finally {
      await reader.stop();
    }
  });

  it("a read that never answers is given up, its thread ended, and the next read goes to a fresh thread", async () => {
    const hanging = `const { parentPort } = require("node:worker_threads");
parentPort.on("message", () => undefined);
parentPort.postMessage(${JSON.stringify(workerReady)});`;
    const threads: Worker[] = [];
    const reader = new SqliteReadWorker({
      filePath: handle.target.provider === "sqlite" ? handle.target.filePath : "",
      busyTimeoutMs: 1_000,
      logger: captureLogger().logger,
      // Every thread here never answers, however fast or slow the machine: 1 ms always runs out.
      timeoutMs: 1,
      spawn: (_program: string, options: WorkerOptions) => {
        const thread = new Worker(hanging, options);
        threads.push(thread);
        return thread;
      },
    });
    try {
      await expect(reader.read(`SELECT 1 AS "one"`, [])).rejects.toThrow(/stopped answering/);
      await expect.poll(() => threads[0]?.threadId).toBe(-1);
      await expect(reader.read(`SELECT 2 AS "two"`, [])).rejects.toThrow(/stopped answering/);
      expect(threads).toHaveLength(2);
    } finally {
      await reader.stop();
    }
  });
});
