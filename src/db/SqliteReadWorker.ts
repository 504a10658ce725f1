import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";
import type { Logger } from "../logging/createLogger.js";
import type { SqlReader, SqlValue } from "./SqlReader.js";

export interface SqliteReadWorkerOptions {
  readonly filePath: string;
  readonly busyTimeoutMs: number;
  readonly logger: Logger;
  /** The thread is stopped after this long without a read, and started again by the next. */
  readonly idleMs?: number;
}

type WorkerReply =
  | { readonly id: number; readonly rows: Record<string, unknown>[] }
  | { readonly id: number; readonly error: string; readonly code: string | null };

interface PendingRead {
  readonly resolve: (rows: Record<string, unknown>[]) => void;
  readonly reject: (error: Error) => void;
}

/** A read the worker's connection refused or failed (SQLite's message and code). */
export class SqliteReadError extends Error {
  constructor(
    message: string,
    readonly code: string | null,
  ) {
    super(message);
    this.name = "SqliteReadError";
  }
}

/**
 * The worker's whole program: plain CommonJS in a string, so it runs the same
 * under tsx, vitest and the built dist/. A read-only connection of its own;
 * in WAL mode it sees every committed write and never blocks the bot's.
 */
const workerSource = `
const { parentPort, workerData } = require("node:worker_threads");
const Database = require(workerData.driverPath);
const db = new Database(workerData.filePath, { readonly: true, fileMustExist: true, timeout: workerData.busyTimeoutMs });
// SQLite's own default page cache (2 MB), not the driver's 16 MB: the bot's memory budget (openDatabase sets the same).
db.pragma("cache_size = -2000");
const statements = new Map();
function statementFor(sql) {
  let statement = statements.get(sql);
  if (statement === undefined) {
    statement = db.prepare(sql);
    // A few distinct texts (the roster's); bounded all the same.
    if (statements.size >= 32) statements.clear();
    statements.set(sql, statement);
  }
  return statement;
}
parentPort.on("message", (message) => {
  if (message === "stop") {
    db.close();
    parentPort.close();
    return;
  }
  try {
    const statement = statementFor(message.sql);
    if (!statement.reader) throw Object.assign(new Error("the read worker runs statements that return rows only"), { code: "NOT_A_READ" });
    parentPort.postMessage({ id: message.id, rows: statement.all(...message.params) });
  } catch (error) {
    const code = error && typeof error.code === "string" ? error.code : null;
    parentPort.postMessage({ id: message.id, error: error instanceof Error ? error.message : String(error), code });
  }
});
`;

const defaultIdleMs = 60_000;

/**
 * Runs SQLite reads that may take long (a 100,000-member roster takes
 * seconds) on a worker thread. better-sqlite3 is synchronous: on the bot's
 * own connection such a read would hold the event loop, and every server's
 * interactions with it. The thread starts with the first read and stops
 * after a minute without one, so a bot that never shows a roster pays
 * nothing for it. Dates are bound as epoch milliseconds, the format the
 * bot's Prisma adapter stores them in (openDatabase).
 */
export class SqliteReadWorker implements SqlReader {
  private worker: Worker | null = null;
  private exited: Promise<void> = Promise.resolve();
  private idleTimer: NodeJS.Timeout | null = null;
  private readonly pending = new Map<number, PendingRead>();
  private nextId = 1;
  private stopped = false;

  constructor(private readonly options: SqliteReadWorkerOptions) {}

  read(sql: string, params: readonly SqlValue[]): Promise<Record<string, unknown>[]> {
    if (this.stopped) return Promise.reject(new SqliteReadError("the database is closed", null));
    const worker = this.worker ?? this.spawn();
    this.clearIdleTimer();
    // Keep the process alive while a read is out; an idle thread must not.
    worker.ref();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ id, sql, params: params.map((value) => (value instanceof Date ? value.getTime() : value)) });
    });
  }

  /** Whether the thread is running now (it starts on demand). */
  get running(): boolean {
    return this.worker !== null;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.stopWorker();
  }

  private spawn(): Worker {
    const driverPath = createRequire(import.meta.url).resolve("better-sqlite3");
    const worker = new Worker(workerSource, {
      eval: true,
      workerData: { driverPath, filePath: this.options.filePath, busyTimeoutMs: this.options.busyTimeoutMs },
    });
    worker.on("message", (reply: WorkerReply) => this.settle(reply));
    worker.on("error", (error) => this.options.logger.warn({ err: error }, "sqlite read worker failed"));
    this.exited = new Promise((resolve) =>
      worker.once("exit", () => {
        // An exit nobody asked for (stopWorker forgets the thread first): its reads are lost.
        if (this.worker === worker) {
          this.worker = null;
          this.failPending(new SqliteReadError("the read worker stopped", null));
        }
        resolve();
      }),
    );
    this.worker = worker;
    return worker;
  }

  private settle(reply: WorkerReply): void {
    const read = this.pending.get(reply.id);
    this.pending.delete(reply.id);
    if (read !== undefined) {
      if ("rows" in reply) read.resolve(reply.rows);
      else read.reject(new SqliteReadError(reply.error, reply.code));
    }
    if (this.pending.size === 0) this.becomeIdle();
  }

  private becomeIdle(): void {
    this.worker?.unref();
    this.clearIdleTimer();
    this.idleTimer = setTimeout(() => void this.stopWorker(), this.options.idleMs ?? defaultIdleMs);
    this.idleTimer.unref();
  }

  private clearIdleTimer(): void {
    if (this.idleTimer !== null) clearTimeout(this.idleTimer);
    this.idleTimer = null;
  }

  private async stopWorker(): Promise<void> {
    this.clearIdleTimer();
    const worker = this.worker;
    const exited = this.exited;
    if (worker === null) return;
    this.worker = null;
    this.failPending(new SqliteReadError("the database is closed", null));
    worker.postMessage("stop");
    const timeout = setTimeout(() => void worker.terminate(), 5_000);
    await exited;
    clearTimeout(timeout);
  }

  private failPending(error: Error): void {
    for (const read of this.pending.values()) read.reject(error);
    this.pending.clear();
  }
}
