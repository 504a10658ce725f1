import { createRequire } from "node:module";
import { Worker, type WorkerOptions } from "node:worker_threads";
import type { Logger } from "../logging/createLogger.js";
import { SupervisedWorker, TimeoutRule, WorkerStop, WorkerStoppedError } from "../workers/SupervisedWorker.js";
import { workerReady } from "../workers/workerReady.js";
import type { SqlReader, SqlValue } from "./SqlReader.js";

export interface SqliteReadWorkerOptions {
  readonly filePath: string;
  readonly busyTimeoutMs: number;
  readonly logger: Logger;
  /** The thread is stopped after this long without a read, and started again by the next. */
  readonly idleMs?: number;
  /** A thread that answers nothing for this long while reads wait on it is taken as stuck (see `defaultTimeoutMs`). */
  readonly timeoutMs?: number;
  /** Starts the thread (tests watch or replace it this way). Default: `new Worker(program, options)`. */
  readonly spawn?: (program: string, options: WorkerOptions) => Worker;
  /** Milliseconds from any fixed origin, for the restart back-off; tests step it. Default: `performance.now()`. */
  readonly monotonicNow?: () => number;
}

type ReadRequest =
  | { readonly id: number; readonly sql: string; readonly params: readonly (string | number | null)[] }
  | { readonly id: number; readonly checkpoint: true };

/** What one checkpoint reported (SQLite's wal_checkpoint pragma): frames in the log, and how many of them are now in the database file. */
export interface CheckpointReport {
  readonly busy: number;
  readonly log: number;
  readonly checkpointed: number;
}

type ReadReply =
  | { readonly id: number; readonly threadId: number; readonly rows: Record<string, unknown>[] }
  /** `isNew`: the log changed since the thread's last checkpoint (an idle log keeps reporting the same frames). */
  | { readonly id: number; readonly threadId: number; readonly report: CheckpointReport | null; readonly isNew: boolean }
  | { readonly id: number; readonly threadId: number; readonly error: string; readonly code: string | null };

/** A checkpoint's outcome: SQLite's report (null when another process's checkpoint was running), and whether the log changed since the last one. */
export interface CheckpointOutcome {
  readonly report: CheckpointReport | null;
  readonly isNew: boolean;
}

/** A read the worker's connection refused or failed (SQLite's message and code). */
export class SqliteReadError extends Error {
  constructor(
    message: string,
    readonly code: string | null,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = "SqliteReadError";
  }
}

/**
 * The worker's whole program: plain CommonJS in a string, so it runs the same
 * under tsx, vitest and the built dist/. A read-only connection of its own;
 * in WAL mode it sees every committed write and never blocks the bot's. A
 * second connection, opened by the first checkpoint asked of it (WalCheckpointer),
 * copies the write-ahead log back into the file: one thread for both, as a
 * thread costs about 6 MB of the bot's memory (README "Sizing a process").
 */
const workerSource = `
const { parentPort, workerData, threadId } = require("node:worker_threads");
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
let checkpoints = null;
// An idle log keeps reporting the same frames until the next write resets it: tell the bot only what is new.
let lastReport = { log: 0, checkpointed: 0 };
function checkpoint() {
  // No busy wait (timeout 0): a checkpoint that finds the file busy is skipped (SQLITE_BUSY below), never holding up
  // the reads queued behind it on this thread. (The thread's end, idle or stop, closes both connections: the driver's cleanup.)
  checkpoints ??= new Database(workerData.filePath, { fileMustExist: true, timeout: 0 });
  try {
    const [report] = checkpoints.pragma("wal_checkpoint(PASSIVE)");
    const isNew = report.log !== lastReport.log || report.checkpointed !== lastReport.checkpointed;
    lastReport = report;
    return { report, isNew: isNew && report.log > 0 };
  } catch (error) {
    // Another process's checkpoint running at that moment is no failure: the log gets copied either way.
    if (error && error.code === "SQLITE_BUSY") return { report: null, isNew: false };
    throw error;
  }
}
parentPort.on("message", (message) => {
  try {
    if (message.checkpoint === true) {
      const { report, isNew } = checkpoint();
      parentPort.postMessage({ id: message.id, threadId, report, isNew });
      return;
    }
    const statement = statementFor(message.sql);
    if (!statement.reader) throw Object.assign(new Error("the read worker runs statements that return rows only"), { code: "NOT_A_READ" });
    parentPort.postMessage({ id: message.id, threadId, rows: statement.all(...message.params) });
  } catch (error) {
    const code = error && typeof error.code === "string" ? error.code : null;
    parentPort.postMessage({ id: message.id, threadId, error: error instanceof Error ? error.message : String(error), code });
  }
});
// The connection is open: a thread that dies from now on does so on a read, not because the file or driver is missing.
parentPort.postMessage(${JSON.stringify(workerReady)});
`;

const defaultIdleMs = 60_000;

/**
 * A read that is running is not stuck, however big: a 100,000-member roster
 * takes about 4.5 s on the measured machine (README), plus up to the busy
 * timeout. Five minutes is some 60 times that, and still well inside the 15
 * minutes a deferred interaction may be answered in, so the facilitator gets
 * an error rather than a reply that never comes. A watchdog, not a limit per
 * read: reads queued behind a long one are not stuck either.
 */
const defaultTimeoutMs = 5 * 60_000;

const stopMessages = {
  [WorkerStop.Closed]: "the database is closed",
  [WorkerStop.Failed]: "the read worker failed",
  [WorkerStop.Exited]: "the read worker stopped",
  [WorkerStop.TimedOut]: "the read worker stopped answering",
  [WorkerStop.Unsendable]: "the read could not be sent to the worker",
  [WorkerStop.Unavailable]: "the read worker keeps failing to start",
} as const satisfies Record<WorkerStop, string>;

/**
 * Runs SQLite reads that may take long (a 100,000-member roster takes
 * seconds) on a worker thread. better-sqlite3 is synchronous: on the bot's
 * own connection such a read would hold the event loop, and every server's
 * interactions with it. The thread starts with the first request and stops
 * after a minute without one, its memory (a big roster's heap and statements)
 * with it; it also runs the bot's checkpoints (WalCheckpointer asks for one
 * at a 500 ms tick only when the write-ahead log changed), so a bot that
 * writes keeps it running and an idle one lets it stop. One thread for the
 * checkpoints and the long reads; its lifecycle is SupervisedWorker's (a thread that cannot
 * open the file is started again after a growing back-off, reads meanwhile
 * refused at once; one stuck for `defaultTimeoutMs` is replaced). Dates are
 * bound as epoch milliseconds, the format the bot's Prisma adapter stores
 * them in (openDatabase).
 */
export class SqliteReadWorker implements SqlReader {
  private readonly worker: SupervisedWorker<ReadRequest, ReadReply>;

  constructor(options: SqliteReadWorkerOptions) {
    const driverPath = createRequire(import.meta.url).resolve("better-sqlite3");
    const spawn = options.spawn ?? ((program, workerOptions) => new Worker(program, workerOptions));
    const workerData = { driverPath, filePath: options.filePath, busyTimeoutMs: options.busyTimeoutMs };
    this.worker = new SupervisedWorker({
      spawn: () => spawn(workerSource, { eval: true, workerData }),
      timeout: { rule: TimeoutRule.Watchdog, ms: options.timeoutMs ?? defaultTimeoutMs },
      idleMs: options.idleMs ?? defaultIdleMs,
      logger: options.logger,
      logMessages: {
        failed: "sqlite read worker failed",
        timedOut: "sqlite read worker stopped answering",
        backedOff: "sqlite read worker restarts backed off",
      },
      monotonicNow: options.monotonicNow,
    });
  }

  async read(sql: string, params: readonly SqlValue[]): Promise<Record<string, unknown>[]> {
    const bound = params.map((value) => (value instanceof Date ? value.getTime() : value));
    const reply = await this.worker
      .request((id) => ({ id, sql, params: bound }))
      .catch((error: unknown) => {
        throw readFailure(error);
      });
    if ("rows" in reply) return reply.rows;
    if ("error" in reply) throw new SqliteReadError(reply.error, reply.code);
    throw new Error("the read worker answered a read with a checkpoint");
  }

  /**
   * Runs one PASSIVE checkpoint of the write-ahead log on the thread, on a read-write connection of its own
   * (WalCheckpointer asks at a 500 ms tick when the log changed, which keeps the thread from stopping idle while the bot writes); queued behind a long
   * read, whose snapshot would hold the copy back anyway. Rejects as `read` does when the thread cannot serve.
   */
  async checkpoint(): Promise<CheckpointOutcome> {
    const reply = await this.worker
      .request((id) => ({ id, checkpoint: true }))
      .catch((error: unknown) => {
        throw readFailure(error);
      });
    if ("report" in reply) return { report: reply.report, isNew: reply.isNew };
    if ("error" in reply) throw new SqliteReadError(reply.error, reply.code);
    throw new Error("the read worker answered a checkpoint with rows");
  }

  /** Whether the thread is running now (it starts on demand). */
  get running(): boolean {
    return this.worker.running;
  }

  stop(): Promise<void> {
    return this.worker.close();
  }
}

/**
 * Whether `error` is the read worker giving a read up without running it to an answer: stopped, backing off after
 * failed starts, its thread failed or exited, the read unsendable. A read that reached SQLite and failed (its own
 * error), or one the watchdog gave up as stuck after minutes (running it again elsewhere would hold that thread as
 * long), is not: those are for the caller to see.
 */
export function readWorkerCouldNotServe(error: unknown): boolean {
  return error instanceof SqliteReadError && error.cause instanceof WorkerStoppedError && error.cause.stop !== WorkerStop.TimedOut;
}

/** The worker's stop as a SqliteReadError (no SQLite code: nothing for the busy handling to retry). */
function readFailure(error: unknown): unknown {
  if (!(error instanceof WorkerStoppedError)) return error;
  const retry = error.retryInMs === undefined ? "" : `; it is started again in ${Math.ceil(error.retryInMs / 1000)} s`;
  return new SqliteReadError(`${stopMessages[error.stop]}${retry}`, null, { cause: error });
}
