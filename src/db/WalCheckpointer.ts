import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";
import type { Logger } from "../logging/createLogger.js";

export interface WalCheckpointerOptions {
  readonly filePath: string;
  /** How often the WAL is copied back into the database file. */
  readonly intervalMs: number;
  readonly logger: Logger;
}

/** What one checkpoint reported (SQLite's wal_checkpoint pragma): frames in the log, and how many of them are now in the database file. */
export interface CheckpointReport {
  readonly busy: number;
  readonly log: number;
  readonly checkpointed: number;
}

type WorkerMessage =
  | { readonly type: "checkpointed"; readonly report: CheckpointReport }
  | { readonly type: "requested"; readonly id: number; readonly report: CheckpointReport | null }
  | { readonly type: "failed"; readonly message: string };

/**
 * The worker's whole program. Plain CommonJS in a string, so it runs the same
 * under tsx, vitest and the built dist/ without a build step of its own.
 */
const workerSource = `
const { parentPort, workerData } = require("node:worker_threads");
const Database = require(workerData.driverPath);
const db = new Database(workerData.filePath, { fileMustExist: true });
// An idle log keeps reporting the same frames until the next write resets it: tell the bot only what is new.
let last = { log: 0, checkpointed: 0 };
function checkpoint() {
  try {
    const [report] = db.pragma("wal_checkpoint(PASSIVE)");
    const isNew = report.log !== last.log || report.checkpointed !== last.checkpointed;
    last = report;
    if (isNew && report.log > 0) parentPort.postMessage({ type: "checkpointed", report });
    return report;
  } catch (error) {
    // Another process's checkpoint running at that moment is no failure: the log gets copied either way.
    if (error && error.code === "SQLITE_BUSY") return null;
    parentPort.postMessage({ type: "failed", message: error instanceof Error ? error.message : String(error) });
    return null;
  }
}
const timer = setInterval(checkpoint, workerData.intervalMs);
parentPort.on("message", (message) => {
  if (message && message.type === "checkpoint") {
    parentPort.postMessage({ type: "requested", id: message.id, report: checkpoint() });
    return;
  }
  if (message !== "stop") return;
  clearInterval(timer);
  db.close();
  parentPort.close();
});
`;

/**
 * Copies SQLite's write-ahead log back into the database file from a worker
 * thread with its own connection. Left to itself, SQLite does this inside
 * whichever commit finds the log past 1,000 pages: that commit (a member's
 * /done) then waits for the copy and two fsyncs, 10–15 ms here instead of a
 * fraction of one. A PASSIVE checkpoint never blocks readers or writers.
 *
 * The main connection keeps a high automatic threshold as a safety net
 * (openDatabase), so the log still cannot grow without bound if this worker
 * falls behind or stops.
 */
export class WalCheckpointer {
  private stopped = false;
  private nextRequestId = 1;
  private readonly requests = new Map<number, (report: CheckpointReport | null) => void>();

  private constructor(
    private readonly worker: Worker,
    private readonly exited: Promise<void>,
  ) {
    worker.on("message", (message: WorkerMessage) => {
      if (message.type !== "requested") return;
      this.requests.get(message.id)?.(message.report);
      this.requests.delete(message.id);
    });
    void exited.then(() => {
      for (const resolve of this.requests.values()) resolve(null);
      this.requests.clear();
    });
  }

  static start(options: WalCheckpointerOptions): WalCheckpointer {
    const driverPath = createRequire(import.meta.url).resolve("better-sqlite3");
    const worker = new Worker(workerSource, {
      eval: true,
      workerData: { driverPath, filePath: options.filePath, intervalMs: options.intervalMs },
    });
    const logger = options.logger.child({ component: "wal-checkpointer" });
    worker.on("message", (message: WorkerMessage) => {
      if (message.type === "failed") logger.warn({ reason: message.message }, "background checkpoint failed");
      else if (message.type === "checkpointed") logger.debug(message.report, "write-ahead log checkpointed");
    });
    worker.on("error", (error) => logger.warn({ err: error }, "background checkpointer stopped; commits checkpoint the log themselves"));
    // An idle bot process must still be free to exit.
    worker.unref();
    const exited = new Promise<void>((resolve) => worker.once("exit", () => resolve()));
    return new WalCheckpointer(worker, exited);
  }

  /**
   * Runs one checkpoint now, between the interval's, and resolves with what it
   * did (null when it could not run: the worker stopped, or another
   * process's checkpoint was running). Lets a caller (a test) see the
   * mechanism work without racing the interval.
   */
  checkpointNow(): Promise<CheckpointReport | null> {
    if (this.stopped) return Promise.resolve(null);
    const id = this.nextRequestId++;
    return new Promise((resolve) => {
      this.requests.set(id, resolve);
      this.worker.postMessage({ type: "checkpoint", id });
    });
  }

  /** Stops the worker and closes its connection. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    this.worker.postMessage("stop");
    const timeout = setTimeout(() => void this.worker.terminate(), 5_000);
    await this.exited;
    clearTimeout(timeout);
  }
}
