import fs from "node:fs";
import path from "node:path";
import { Worker, type WorkerOptions } from "node:worker_threads";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase } from "../../src/db/openDatabase.js";
import { SqliteReadWorker } from "../../src/db/SqliteReadWorker.js";
import { WalCheckpointer, type CheckpointReport } from "../../src/db/WalCheckpointer.js";
import type { Logger } from "../../src/logging/createLogger.js";
import { projectPaths } from "../../src/projectPaths.js";
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

/** Counts 1 to 3,000,000 without touching a table: a read that keeps the worker busy for a while (about a second here). */
const slowRead = "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000000) SELECT COUNT(*) AS counted FROM n";
const warning = "background checkpoints cannot run now; asked again at each tick";

type Spawn = (program: string, options: WorkerOptions) => Worker;

/** A checkpointer on the long reads' thread, as openDatabase gives it; stop() ends both. */
function startCheckpointer(filePath: string, intervalMs: number, logger: Logger, spawn?: Spawn, idleMs?: number) {
  const worker = new SqliteReadWorker({
    filePath,
    busyTimeoutMs: 1_000,
    logger,
    ...(spawn === undefined ? {} : { spawn }),
    ...(idleMs === undefined ? {} : { idleMs }),
  });
  const checkpointer = WalCheckpointer.start({ worker, filePath, intervalMs, logger });
  return {
    worker,
    checkpointer,
    checkpointNow: () => checkpointer.checkpointNow(),
    stop: async () => {
      await checkpointer.stop();
      await worker.stop();
    },
  };
}

/** Starts the read worker's threads as usual, and notes each checkpoint posted to them and each thread started. */
function watchedSpawn(): { spawn: Spawn; threads: Worker[]; checkpointsAsked: () => number } {
  const threads: Worker[] = [];
  let asked = 0;
  const spawn: Spawn = (program, options) => {
    const thread = new Worker(program, options);
    const post = thread.postMessage.bind(thread);
    thread.postMessage = (message: unknown, transferList?: Parameters<Worker["postMessage"]>[1]) => {
      if (typeof message === "object" && message !== null && "checkpoint" in message) asked += 1;
      post(message, transferList);
    };
    threads.push(thread);
    return thread;
  };
  return { spawn, threads, checkpointsAsked: () => asked };
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

  it("keeps the write-ahead log small while the connection that writes never checkpoints", async () => {
    const { file, db } = tempDatabase();
    const checkpointer = startCheckpointer(file, never, captureLogger().logger);
    cleanups.push(() => checkpointer.stop());

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

  it("stops with its connections closed, so closing the last one folds the log into the file", async () => {
    const { file, db } = tempDatabase();
    const started = startCheckpointer(file, never, captureLogger().logger);
    db.exec("CREATE TABLE kept (value TEXT)");
    db.prepare("INSERT INTO kept (value) VALUES (?)").run("still here");
    // Both of the thread's connections open: the checkpoints' and the reads'.
    expect((await started.checkpointNow())?.log).toBeGreaterThan(0);
    expect(await started.worker.read("SELECT value FROM kept", [])).toEqual([{ value: "still here" }]);
    db.prepare("INSERT INTO kept (value) VALUES (?)").run("written after the checkpoint");

    await started.stop();
    await started.stop();
    db.close();

    // A connection left open on the thread would hold its lock on the file, and the log would stay beside it.
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
    const reopened = new Database(file, { readonly: true });
    expect(reopened.prepare("SELECT value FROM kept").all()).toEqual([{ value: "still here" }, { value: "written after the checkpoint" }]);
    reopened.close();
  });

  it("answers a checkpoint asked during a long read after it, and asks no other while that one waits", async () => {
    const { file, db } = tempDatabase();
    const watched = watchedSpawn();
    // Ticks every 10 ms, each finding the log changed by the writes below.
    const started = startCheckpointer(file, 10, captureLogger().logger, watched.spawn);
    cleanups.push(() => started.stop());
    db.exec("CREATE TABLE kept (value TEXT)");
    const insert = db.prepare("INSERT INTO kept (value) VALUES (?)");

    const answers: string[] = [];
    let askedDuringRead = -1;
    const read = started.worker.read(slowRead, []).then((rows) => {
      askedDuringRead = watched.checkpointsAsked();
      answers.push("read");
      return rows;
    });
    const checkpoint = started.checkpointNow().then((report) => {
      answers.push("checkpoint");
      return report;
    });
    // The bot keeps writing while the read runs, so every tick would have a reason to ask.
    await until(() => {
      insert.run("written during the read");
      return askedDuringRead >= 0;
    }, "the long read's answer");

    expect(await read).toEqual([{ counted: 3_000_000 }]);
    expect((await checkpoint)?.log).toBeGreaterThan(0);
    expect(answers).toEqual(["read", "checkpoint"]);
    // The one asked above, queued behind the read: no tick added another behind it.
    expect(askedDuringRead).toBe(1);
  });

  it("stops without waiting for a checkpoint queued behind a long read, and says nothing of it", async () => {
    const { file, db } = tempDatabase();
    const captured = captureLogger();
    const started = startCheckpointer(file, never, captured.logger);
    db.exec("CREATE TABLE kept (value TEXT)");
    db.prepare("INSERT INTO kept (value) VALUES (?)").run("written");

    const events: string[] = [];
    const read = started.worker.read(slowRead, []).then(
      () => events.push("read answered"),
      () => events.push("read given up"),
    );
    const checkpoint = started.checkpointNow();
    await started.checkpointer.stop();
    events.push("checkpointer stopped");
    await started.worker.stop();
    await read;

    expect(events).toEqual(["checkpointer stopped", "read given up"]);
    expect(await checkpoint).toBeNull();
    expect(captured.lines().filter((line) => typeof line.level === "number" && line.level >= 40)).toEqual([]);
  });

  it("asks nothing while the log is unchanged, so the thread stops when idle and comes back for the next write", async () => {
    const { file, db } = tempDatabase();
    const captured = captureLogger("debug");
    // Ticks every 10 ms; the thread stops after 50 ms without a request.
    const started = startCheckpointer(file, 10, captured.logger, undefined, 50);
    cleanups.push(() => started.stop());
    db.exec("CREATE TABLE kept (value TEXT)");
    const reported = () => captured.lines().filter((line) => line.msg === "write-ahead log checkpointed");

    await until(() => reported().length === 1, "the first write's checkpoint");
    // Its memory with it (a big roster's heap and statements): ticks over an unchanged log do not keep it alive.
    await until(() => !started.worker.running, "the idle thread to stop");
    db.prepare("INSERT INTO kept (value) VALUES (?)").run("later");
    await until(() => reported().length === 2, "the later write's checkpoint");
    expect(reported()[1]).toMatchObject({ busy: 0, log: reported()[1]?.checkpointed });
  });

  it("reports each checkpoint once, not again on every tick while the log sits idle", async () => {
    const { file, db } = tempDatabase();
    const captured = captureLogger("debug");
    const checkpointer = startCheckpointer(file, never, captured.logger);
    cleanups.push(() => checkpointer.stop());
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

  it("logs a warning, not a crash, when the database file is missing", async () => {
    const temp = makeTempDir();
    cleanups.push(() => temp.cleanup());
    const captured = captureLogger();
    const checkpointer = startCheckpointer(path.join(temp.dir, "missing.db"), 50, captured.logger);
    cleanups.push(() => checkpointer.stop());
    const warned = () => captured.lines().filter((line) => line.level === 40 && line.msg === warning);

    // Its ticks keep meeting the missing file (the thread backs off between starts): one warning, not one per tick.
    await until(() => warned().length > 0, "the checkpointer's warning", 5);
    expect(await checkpointer.checkpointNow()).toBeNull();
    expect(await checkpointer.checkpointNow()).toBeNull();
    expect(warned()).toHaveLength(1);
  });

  it("says when checkpoints run again after failing, and warns again when they next fail", async () => {
    const temp = makeTempDir();
    cleanups.push(() => temp.cleanup());
    const file = path.join(temp.dir, "late.db");
    const captured = captureLogger();
    const watched = watchedSpawn();
    const started = startCheckpointer(file, 50, captured.logger, watched.spawn);
    cleanups.push(() => started.stop());
    const warned = () => captured.lines().filter((line) => line.level === 40 && line.msg === warning);
    const resumed = () => captured.lines().filter((line) => line.level === 30 && line.msg === "background checkpoints run again");

    await until(() => warned().length === 1, "the first warning", 5);
    // The file appears: the thread started after the back-off opens it, and the next tick's checkpoint succeeds.
    const db = new Database(file);
    db.pragma("journal_mode = WAL");
    db.exec("CREATE TABLE kept (value TEXT)");
    await until(() => resumed().length === 1, "the line saying checkpoints run again", 5);
    expect(warned()).toHaveLength(1);

    // The thread ends, then the file goes (nothing written, so no tick asks in between): the next thread cannot open it.
    await watched.threads.at(-1)?.terminate();
    db.close();
    fs.rmSync(file);
    await until(() => warned().length === 2, "the second warning", 5);
    expect(resumed()).toHaveLength(1);
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
      // And it runs by itself: its interval reports checkpoints without being asked.
      await database.prisma.$executeRawUnsafe(`INSERT INTO filler (body) VALUES (x'00')`);
      await until(() => captured.lines().some((line) => line.msg === "write-ahead log checkpointed"), "the log line of a checkpoint", 5);

      await database.close();
      expect(fs.existsSync(`${file}-wal`)).toBe(false);
    } finally {
      temp.cleanup();
    }
  });
});
