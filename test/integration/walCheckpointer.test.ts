import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase } from "../../src/db/openDatabase.js";
import { Worker } from "node:worker_threads";
import { SqliteReadError, SqliteReadWorker, type SqliteReadWorkerOptions } from "../../src/db/SqliteReadWorker.js";
import { WalCheckpointer, type CheckpointReport } from "../../src/db/WalCheckpointer.js";
import { projectPaths } from "../../src/projectPaths.js";
import { WorkerStop, WorkerStoppedError } from "../../src/workers/SupervisedWorker.js";
import { workerReady } from "../../src/workers/workerReady.js";
import { captureLogger } from "../helpers/silentLogger.js";
import { makeTempDir } from "../helpers/tempDir.js";
import { until } from "../helpers/until.js";

const walSize = (file: string) => (fs.existsSync(`${file}-wal`) ? fs.statSync(`${file}-wal`).size : 0);
const megabyte = 1_048_576;
/** An interval that never comes round during a test: the test drives the checkpoints itself. */
const never = 3_600_000;

/**
 * Writes about 16 MB in small commits, in 8 batches of 2 MB, calling
 * `betweenBatches` after each as a bot's idle moments would give the
 * checkpointer its turn; returns the largest the log file grew.
 */
async function writeInBatches(
  db: Database.Database,
  file: string,
  betweenBatches: () => Promise<void> = async () => undefined,
): Promise<number> {
  db.exec("CREATE TABLE IF NOT EXISTS filler (body BLOB)");
  const insert = db.prepare("INSERT INTO filler (body) VALUES (?)");
  let largest = 0;
  for (let batch = 0; batch < 8; batch++) {
    for (let row = 0; row < 250; row++) insert.run(Buffer.alloc(8_000, batch + 1));
    largest = Math.max(largest, walSize(file));
    await betweenBatches();
  }
  return Math.max(largest, walSize(file));
}

describe("WalCheckpointer", () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  function tempDatabase(): { file: string; db: Database.Database } {
    const temp = makeTempDir();
    const file = path.join(temp.dir, "wal.db");
    const db = new Database(file);
    db.pragma("journal_mode = WAL");
    // As openDatabase leaves the bot's connection: commits no longer copy the log back themselves.
    db.pragma("wal_autocheckpoint = 0");
    cleanups.push(() => temp.cleanup());
    cleanups.push(() => void db.close());
    return { file, db };
  }

  /** data_version on a read-only connection of its own, as the hot reader's is read; closed after the test. */
  function dataVersionOf(file: string): { dataVersion: () => number; close: () => void } {
    const reader = new Database(file, { readonly: true, fileMustExist: true });
    const statement = reader.prepare("PRAGMA data_version").pluck();
    const close = () => {
      if (reader.open) reader.close();
    };
    cleanups.push(close);
    return { dataVersion: () => Number(statement.get()), close };
  }

  /**
   * The checkpointer on a read worker of its own, as openDatabase pairs them, looking at data_version on a
   * read-only connection (dataVersionOf unless given); all stopped after the test.
   */
  function checkpointerOn(
    file: string,
    options: Pick<SqliteReadWorkerOptions, "idleMs" | "spawn" | "monotonicNow"> & {
      readonly logger?: SqliteReadWorkerOptions["logger"];
      readonly dataVersion?: () => number;
    } = {},
  ): { checkpointer: WalCheckpointer; thread: SqliteReadWorker; closeLook: () => void } {
    const logger = options.logger ?? captureLogger().logger;
    const thread = new SqliteReadWorker({ ...options, filePath: file, busyTimeoutMs: 1_000, logger });
    const look = options.dataVersion === undefined ? dataVersionOf(file) : { dataVersion: options.dataVersion, close: () => undefined };
    const checkpointer = WalCheckpointer.start({ intervalMs: never, thread, dataVersion: look.dataVersion, logger });
    cleanups.push(() => thread.stop());
    cleanups.push(() => checkpointer.stop());
    return { checkpointer, thread, closeLook: look.close };
  }

  it("keeps the write-ahead log small while the connection that writes never checkpoints", async () => {
    const { file, db } = tempDatabase();
    const { checkpointer } = checkpointerOn(file);

    const reports: (CheckpointReport | null)[] = [];
    const largest = await writeInBatches(db, file, async () => void reports.push(await checkpointer.checkpointNow()));

    // Each batch (2 MB) is copied back whole before the next one, so the writer starts the log over instead of growing it.
    expect(reports).toHaveLength(8);
    for (const report of reports) {
      expect(report?.log).toBeGreaterThan(500);
      expect(report?.checkpointed).toBe(report?.log);
    }
    // 16 MB went through; the log never held more than one batch (about 4 MB of frames).
    expect(largest).toBeLessThan(6 * megabyte);
    expect(db.prepare("SELECT COUNT(*) AS rows FROM filler").get()).toEqual({ rows: 2_000 });
  });

  it("is what keeps it small: without it the log holds every page written", async () => {
    const { file, db } = tempDatabase();
    expect(await writeInBatches(db, file)).toBeGreaterThan(15 * megabyte);
  });

  it("stops with its connection closed, so closing the last one folds the log into the file", async () => {
    const { file, db } = tempDatabase();
    const { checkpointer, thread, closeLook } = checkpointerOn(file);
    db.exec("CREATE TABLE kept (value TEXT)");
    db.prepare("INSERT INTO kept (value) VALUES (?)").run("still here");
    // The thread's checkpoint connection is open.
    expect(await checkpointer.checkpointIfWritten()).toBe(true);
    await checkpointer.stop();
    await checkpointer.stop();
    await thread.stop();
    closeLook();
    db.close();

    expect(fs.existsSync(`${file}-wal`)).toBe(false);
    const reopened = new Database(file, { readonly: true });
    expect(reopened.prepare("SELECT value FROM kept").all()).toEqual([{ value: "still here" }]);
    reopened.close();
  });

  it("reports each checkpoint once, not again on every tick while the log sits idle", async () => {
    const { file, db } = tempDatabase();
    const captured = captureLogger("debug");
    const { checkpointer } = checkpointerOn(file, { logger: captured.logger });
    db.exec("CREATE TABLE kept (value TEXT)");
    db.prepare("INSERT INTO kept (value) VALUES (?)").run("once");
    const reported = () => captured.lines().filter((line) => line.msg === "write-ahead log checkpointed");

    // Twenty checkpoints with nothing new written in between (the interval's ticks run the same code).
    const idle: (CheckpointReport | null)[] = [];
    for (let run = 0; run < 20; run++) idle.push(await checkpointer.checkpointNow());
    await until(() => reported().length > 0, "a checkpoint report", 5);

    expect(idle.every((report) => report !== null && report.log > 0 && report.checkpointed === report.log)).toBe(true);
    expect(reported()).toHaveLength(1);
    expect(reported()[0]).toMatchObject({ busy: 0, log: reported()[0]?.checkpointed });
  });

  it("does nothing, not a crash, when the database file is missing: the read worker logs its failure once", async () => {
    const temp = makeTempDir();
    cleanups.push(() => temp.cleanup());
    const captured = captureLogger();
    // A clock that stands still: the read worker's back-off does not run out during the test, however slow the machine.
    const { checkpointer } = checkpointerOn(path.join(temp.dir, "missing.db"), {
      logger: captured.logger,
      monotonicNow: () => 1_000,
      dataVersion: () => 1,
    });

    // No commit seen: nothing to copy, no thread started.
    expect(await checkpointer.checkpointIfWritten()).toBe(false);
    expect(await checkpointer.checkpointNow()).toBeNull();
    // Backed off: refused at once, without another start or log line.
    expect(await checkpointer.checkpointNow()).toBeNull();
    expect(captured.lines().filter((line) => line.msg === "sqlite read worker failed")).toHaveLength(1);
    expect(captured.lines().some((line) => line.msg === "background checkpoint failed")).toBe(false);
  });

  it("runs on the read worker's thread only when the log was written: started by a write, stopped when idle, started again by the next", async () => {
    const { file, db } = tempDatabase();
    const { checkpointer, thread } = checkpointerOn(file, { idleMs: 1 });
    db.exec("CREATE TABLE kept (value TEXT)");
    expect(thread.running).toBe(false);

    // Written: the tick starts the thread and copies the log back; the thread then stops, idle.
    expect(await checkpointer.checkpointIfWritten()).toBe(true);
    await expect.poll(() => thread.running).toBe(false);
    // Nothing written since: ticks start no thread.
    for (let tick = 0; tick < 5; tick++) expect(await checkpointer.checkpointIfWritten()).toBe(false);
    expect(thread.running).toBe(false);

    // The next commit starts it again, and the log is copied back whole.
    db.prepare("INSERT INTO kept (value) VALUES (?)").run("again");
    expect(await checkpointer.checkpointIfWritten()).toBe(true);
    const report = await checkpointer.checkpointNow();
    expect(report?.log).toBeGreaterThan(0);
    expect(report?.checkpointed).toBe(report?.log);
    // Reads share the thread with the checkpoints.
    expect(await thread.read(`SELECT "value" FROM "kept"`, [])).toEqual([{ value: "again" }]);
  });

  it("a checkpoint SQLite refuses is logged once while it keeps failing, and again after one succeeded", async () => {
    const { file, db } = tempDatabase();
    const captured = captureLogger();
    // The thread's answers, in order: SQLite's refusal twice, a success, the refusal again.
    const answers: (() => Promise<CheckpointReport | null>)[] = [
      () => Promise.reject(new SqliteReadError("attempt to write a readonly database", "SQLITE_READONLY")),
      () => Promise.reject(new SqliteReadError("attempt to write a readonly database", "SQLITE_READONLY")),
      () => Promise.resolve({ busy: 0, log: 3, checkpointed: 3 }),
      () => Promise.reject(new SqliteReadError("attempt to write a readonly database", "SQLITE_READONLY")),
    ];
    const thread = { checkpoint: () => answers.shift()?.() ?? Promise.resolve(null) };
    const checkpointer = WalCheckpointer.start({
      intervalMs: never,
      thread,
      dataVersion: dataVersionOf(file).dataVersion,
      logger: captured.logger,
    });
    cleanups.push(() => checkpointer.stop());
    db.exec("CREATE TABLE kept (value TEXT)");
    const failures = () => captured.lines().filter((line) => line.msg === "background checkpoint failed");

    expect(await checkpointer.checkpointIfWritten()).toBe(true);
    expect(await checkpointer.checkpointIfWritten()).toBe(true);
    expect(failures()).toHaveLength(1);
    expect(await checkpointer.checkpointNow()).toEqual({ busy: 0, log: 3, checkpointed: 3 });
    expect(await checkpointer.checkpointNow()).toBeNull();
    expect(failures()).toHaveLength(2);
  });

  it("asks again at the next tick when another connection's checkpoint held the lock (SQLite's busy row)", async () => {
    const captured = captureLogger();
    const asked: string[] = [];
    // SQLite's answer while another connection checkpoints: a row, not an error; then a checkpoint that copies everything.
    const answers: CheckpointReport[] = [
      { busy: 1, log: -1, checkpointed: -1 },
      { busy: 0, log: 4, checkpointed: 4 },
    ];
    const thread = {
      checkpoint: () => {
        asked.push("checkpoint");
        return Promise.resolve(answers.shift() ?? { busy: 0, log: 4, checkpointed: 4 });
      },
    };
    let version = 1;
    const checkpointer = WalCheckpointer.start({ intervalMs: never, thread, dataVersion: () => version, logger: captured.logger });
    cleanups.push(() => checkpointer.stop());
    // A commit.
    version = 2;

    expect(await checkpointer.checkpointIfWritten()).toBe(true);
    // Busy copied nothing: the next tick asks again, and once everything was copied, no more until the next commit.
    expect(await checkpointer.checkpointIfWritten()).toBe(true);
    expect(await checkpointer.checkpointIfWritten()).toBe(false);
    expect(asked).toHaveLength(2);
  });

  it("sees a commit right after a full checkpoint, which writes the log again from its start at the same size", async () => {
    const { file, db } = tempDatabase();
    const { checkpointer } = checkpointerOn(file);
    db.exec("CREATE TABLE kept (value TEXT)");
    const insert = db.prepare("INSERT INTO kept (value) VALUES (?)");
    insert.run("first");
    expect(await checkpointer.checkpointIfWritten()).toBe(true);
    expect(await checkpointer.checkpointIfWritten()).toBe(false);

    // The same commit again: the log starts over with the same frames, as a file the same size (its time may not move).
    insert.run("first");
    const size = walSize(file);
    insert.run("first");
    expect(await checkpointer.checkpointIfWritten()).toBe(true);
    insert.run("first");
    expect(walSize(file)).toBe(size);
    expect(await checkpointer.checkpointIfWritten()).toBe(true);
    expect(await checkpointer.checkpointIfWritten()).toBe(false);
  });

  it("warns once when the read worker keeps refusing checkpoints, and once when they resume", async () => {
    const captured = captureLogger();
    const refusal = () => Promise.reject(new SqliteReadError("no worker", null, { cause: new WorkerStoppedError(WorkerStop.Unavailable) }));
    const answers: (() => Promise<CheckpointReport | null>)[] = [
      ...Array.from({ length: 6 }, () => refusal),
      () => Promise.resolve({ busy: 0, log: 2, checkpointed: 2 }),
    ];
    const thread = { checkpoint: () => answers.shift()?.() ?? Promise.resolve(null) };
    let version = 1;
    const checkpointer = WalCheckpointer.start({ intervalMs: never, thread, dataVersion: () => version, logger: captured.logger });
    cleanups.push(() => checkpointer.stop());
    version = 2;
    const lines = (msg: string) => captured.lines().filter((line) => line.msg === msg);

    for (let tick = 0; tick < 2; tick++) expect(await checkpointer.checkpointIfWritten()).toBe(true);
    // One or two refusals are a worker restarting: no warning yet.
    expect(lines("background checkpoints paused: the read worker cannot serve")).toHaveLength(0);
    for (let tick = 0; tick < 4; tick++) expect(await checkpointer.checkpointIfWritten()).toBe(true);
    expect(lines("background checkpoints paused: the read worker cannot serve")).toHaveLength(1);
    expect(lines("background checkpoints resumed")).toHaveLength(0);

    expect(await checkpointer.checkpointIfWritten()).toBe(true);
    expect(lines("background checkpoints resumed")).toHaveLength(1);
    expect(lines("background checkpoint failed")).toHaveLength(0);
  });

  it("logs a data_version it cannot read once while it keeps failing, and asks no thread", async () => {
    const captured = captureLogger();
    const thread = { checkpoint: () => Promise.reject(new Error("not asked")) };
    const checkpointer = WalCheckpointer.start({
      intervalMs: never,
      thread,
      dataVersion: () => {
        throw new Error("database is locked");
      },
      logger: captured.logger,
    });
    cleanups.push(() => checkpointer.stop());

    for (let tick = 0; tick < 5; tick++) expect(await checkpointer.checkpointIfWritten()).toBe(false);
    expect(captured.lines().filter((line) => line.msg === "background checkpoint could not look at the database")).toHaveLength(1);
  });

  it("an empty log starts no thread", async () => {
    const temp = makeTempDir();
    cleanups.push(() => temp.cleanup());
    const file = path.join(temp.dir, "empty.db");
    const setup = new Database(file);
    setup.pragma("journal_mode = WAL");
    setup.exec("CREATE TABLE kept (value TEXT)");
    // Closing the last connection folds the log into the file; a reader opening it again starts an empty log.
    setup.close();
    const reader = new Database(file, { readonly: true });
    cleanups.push(() => void reader.close());
    reader.prepare("SELECT COUNT(*) FROM kept").get();
    const { checkpointer, thread } = checkpointerOn(file);

    expect(await checkpointer.checkpointIfWritten()).toBe(false);
    expect(thread.running).toBe(false);
  });

  it("stop() does not wait for a checkpoint the thread has not answered; closing the read worker ends it", async () => {
    const { file, db } = tempDatabase();
    // A thread that never answers, as one busy with a long read would not for seconds.
    const hanging = `const { parentPort } = require("node:worker_threads");
parentPort.on("message", () => undefined);
parentPort.postMessage(${JSON.stringify(workerReady)});`;
    const captured = captureLogger();
    const { checkpointer, thread } = checkpointerOn(file, {
      logger: captured.logger,
      spawn: (_program, options) => new Worker(hanging, options),
    });
    db.exec("CREATE TABLE kept (value TEXT)");
    const tick = checkpointer.checkpointIfWritten();
    await expect.poll(() => thread.running).toBe(true);
    await checkpointer.stop();
    await thread.stop();
    // It asked the thread, which was closed before answering: no log line, no crash, and nothing more after stop().
    expect(await tick).toBe(true);
    expect(await checkpointer.checkpointNow()).toBeNull();
    expect(await checkpointer.checkpointIfWritten()).toBe(false);
    expect(captured.lines().filter((line) => Number(line.level) >= 40)).toEqual([]);
  });
});

describe("openDatabase on SQLite", () => {
  it("leaves checkpoints to the background and folds the log into the file when closed", async () => {
    const temp = makeTempDir();
    const file = path.join(temp.dir, "bot.db");
    try {
      const captured = captureLogger("debug");
      const database = await openDatabase({ url: `file:${file}`, migrationsDir: projectPaths().migrationsDir, logger: captured.logger });
      const [setting] = await database.prisma.$queryRawUnsafe<{ wal_autocheckpoint: bigint }[]>("PRAGMA wal_autocheckpoint");
      // Far above SQLite's 1,000 pages: only a safety net should the background worker fall behind.
      expect(Number(setting?.wal_autocheckpoint)).toBe(10_000);
      const checkpointer = database.checkpointer;
      if (checkpointer === null) throw new Error("no background checkpointer on a SQLite file");
      await database.prisma.$executeRawUnsafe(`CREATE TABLE filler (body BLOB)`);
      let largest = 0;
      for (let batch = 0; batch < 8; batch++) {
        // 250 rows of 8 KB in one statement: the same 2 MB as the bot's small commits, without 250 round trips through Prisma.
        await database.prisma.$executeRawUnsafe(
          `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 250) INSERT INTO filler (body) SELECT randomblob(8000) FROM n`,
        );
        largest = Math.max(largest, walSize(file));
        // The bot's own worker copies the batch back (here on request rather than on its 500 ms interval).
        const report = await checkpointer.checkpointNow();
        expect(report?.checkpointed).toBe(report?.log);
      }
      // 16 MB went through, below the safety net's 40: the worker copied each batch back.
      expect(largest).toBeLessThan(6 * megabyte);
      // And it runs by itself: its interval sees the next commit and reports a checkpoint without being asked.
      const reported = () => captured.lines().filter((line) => line.msg === "write-ahead log checkpointed").length;
      const reportedBefore = reported();
      await database.prisma.$executeRawUnsafe(`INSERT INTO filler (body) VALUES (x'00')`);
      await until(() => reported() > reportedBefore, "the log line of a new checkpoint", 5);

      await database.close();
      expect(fs.existsSync(`${file}-wal`)).toBe(false);
    } finally {
      temp.cleanup();
    }
  });
});
