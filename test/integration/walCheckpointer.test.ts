import fs from "node:fs";
import path from "node:path";
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

/** A checkpointer on a thread of its own, as openDatabase gives it the long reads' thread; stop() ends both. */
function startCheckpointer(filePath: string, intervalMs: number, logger: Logger): Pick<WalCheckpointer, "checkpointNow" | "stop"> {
  const worker = new SqliteReadWorker({ filePath, busyTimeoutMs: 1_000, logger });
  const checkpointer = WalCheckpointer.start({ worker, intervalMs, logger });
  return {
    checkpointNow: () => checkpointer.checkpointNow(),
    stop: async () => {
      await checkpointer.stop();
      await worker.stop();
    },
  };
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

  it("stops with its connection closed, so closing the last one folds the log into the file", async () => {
    const { file, db } = tempDatabase();
    const checkpointer = startCheckpointer(file, 50, captureLogger().logger);
    db.exec("CREATE TABLE kept (value TEXT)");
    db.prepare("INSERT INTO kept (value) VALUES (?)").run("still here");
    await checkpointer.stop();
    await checkpointer.stop();
    db.close();

    expect(fs.existsSync(`${file}-wal`)).toBe(false);
    const reopened = new Database(file, { readonly: true });
    expect(reopened.prepare("SELECT value FROM kept").all()).toEqual([{ value: "still here" }]);
    reopened.close();
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
    const warned = () =>
      captured
        .lines()
        .filter((line) => line.level === 40 && line.msg === "background checkpointer stopped; commits checkpoint the log themselves");

    // Its ticks keep meeting the missing file (the thread backs off between starts): one warning, not one per tick.
    await until(() => warned().length > 0, "the checkpointer's warning", 5);
    expect(await checkpointer.checkpointNow()).toBeNull();
    expect(await checkpointer.checkpointNow()).toBeNull();
    expect(warned()).toHaveLength(1);
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
