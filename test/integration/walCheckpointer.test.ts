import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase } from "../../src/db/openDatabase.js";
import { WalCheckpointer } from "../../src/db/WalCheckpointer.js";
import { projectPaths } from "../../src/projectPaths.js";
import { captureLogger } from "../helpers/silentLogger.js";
import { makeTempDir } from "../helpers/tempDir.js";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const walSize = (file: string) => (fs.existsSync(`${file}-wal`) ? fs.statSync(`${file}-wal`).size : 0);
const megabyte = 1_048_576;

/**
 * Writes about 16 MB in small commits, pausing between batches as a bot
 * between interactions would; returns the largest the log file grew.
 */
async function writeInBatches(db: Database.Database, file: string): Promise<number> {
  db.exec("CREATE TABLE IF NOT EXISTS filler (body BLOB)");
  const insert = db.prepare("INSERT INTO filler (body) VALUES (?)");
  let largest = 0;
  for (let batch = 0; batch < 8; batch++) {
    for (let row = 0; row < 250; row++) insert.run(Buffer.alloc(8_000, batch + 1));
    largest = Math.max(largest, walSize(file));
    await sleep(150);
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

  it("keeps the write-ahead log small while the connection that writes never checkpoints", async () => {
    const { file, db } = tempDatabase();
    const checkpointer = WalCheckpointer.start({ filePath: file, intervalMs: 50, logger: captureLogger().logger });
    cleanups.push(() => checkpointer.stop());

    const largest = await writeInBatches(db, file);

    // 16 MB went through; each batch (2 MB) is copied back before the next one reuses the log.
    expect(largest).toBeLessThan(6 * megabyte);
    expect(db.prepare("SELECT COUNT(*) AS rows FROM filler").get()).toEqual({ rows: 2_000 });
  });

  it("is what keeps it small: without it the log holds every page written", async () => {
    const { file, db } = tempDatabase();
    expect(await writeInBatches(db, file)).toBeGreaterThan(15 * megabyte);
  });

  it("stops with its connection closed, so closing the last one folds the log into the file", async () => {
    const { file, db } = tempDatabase();
    const checkpointer = WalCheckpointer.start({ filePath: file, intervalMs: 50, logger: captureLogger().logger });
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
    const checkpointer = WalCheckpointer.start({ filePath: file, intervalMs: 20, logger: captured.logger });
    cleanups.push(() => checkpointer.stop());
    db.exec("CREATE TABLE kept (value TEXT)");
    db.prepare("INSERT INTO kept (value) VALUES (?)").run("once");
    // About twenty ticks with nothing new written.
    await sleep(400);

    const reports = captured.lines().filter((line) => line.msg === "write-ahead log checkpointed");
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatchObject({ busy: 0, log: reports[0]?.checkpointed });
  });

  it("logs a warning, not a crash, when the database file is missing", async () => {
    const temp = makeTempDir();
    cleanups.push(() => temp.cleanup());
    const captured = captureLogger();
    const checkpointer = WalCheckpointer.start({ filePath: path.join(temp.dir, "missing.db"), intervalMs: 50, logger: captured.logger });
    await checkpointer.stop();

    expect(captured.lines().some((line) => line.level === 40 && line.msg === "background checkpointer stopped; commits checkpoint the log themselves")).toBe(true);
  });
});

describe("openDatabase on SQLite", () => {
  it("leaves checkpoints to the background and folds the log into the file when closed", { timeout: 20_000 }, async () => {
    const temp = makeTempDir();
    const file = path.join(temp.dir, "bot.db");
    try {
      const database = await openDatabase({ url: `file:${file}`, migrationsDir: projectPaths().migrationsDir, logger: captureLogger().logger });
      const [setting] = await database.prisma.$queryRawUnsafe<{ wal_autocheckpoint: bigint }[]>("PRAGMA wal_autocheckpoint");
      // Far above SQLite's 1,000 pages: only a safety net should the background worker fall behind.
      expect(Number(setting?.wal_autocheckpoint)).toBe(10_000);
      await database.prisma.$executeRawUnsafe(`CREATE TABLE filler (body BLOB)`);
      let largest = 0;
      for (let batch = 0; batch < 8; batch++) {
        for (let row = 0; row < 250; row++) await database.prisma.$executeRaw`INSERT INTO filler (body) VALUES (${Buffer.alloc(8_000, batch + 1)})`;
        largest = Math.max(largest, walSize(file));
        // Longer than the worker's 500 ms interval.
        await sleep(700);
      }
      // 16 MB went through, below the safety net's 40: the worker copied each batch back.
      expect(largest).toBeLessThan(6 * megabyte);

      await database.close();
      expect(fs.existsSync(`${file}-wal`)).toBe(false);
    } finally {
      temp.cleanup();
    }
  });
});
