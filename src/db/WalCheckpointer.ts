import type { Logger } from "../logging/createLogger.js";
import { readWorkerCouldNotServe, type CheckpointReport, type SqliteReadWorker } from "./SqliteReadWorker.js";

export type { CheckpointReport } from "./SqliteReadWorker.js";

export interface WalCheckpointerOptions {
  /** The thread that runs the checkpoints, on a connection of its own: the long reads' (see SqliteReadWorker). */
  readonly worker: SqliteReadWorker;
  /** How often the WAL is copied back into the database file. */
  readonly intervalMs: number;
  readonly logger: Logger;
}

/**
 * Copies SQLite's write-ahead log back into the database file from a worker
 * thread with its own connection. Left to itself, SQLite does this inside
 * whichever commit finds the log past 1,000 pages: that commit (a member's
 * /done) then waits for the copy and two fsyncs, 10–15 ms here instead of a
 * fraction of one. A PASSIVE checkpoint never blocks readers or writers.
 *
 * The thread is the long reads' (SqliteReadWorker): a thread of its own cost
 * about 6 MB of peak memory in the bench. A checkpoint asked while a long
 * read runs waits for it; the read's snapshot would hold the copy back
 * anyway. One tick asks at most one checkpoint at a time, and a thread that
 * cannot serve (stopped, backing off after failed starts) is asked again at
 * the next tick, which also starts a fresh one.
 *
 * The main connection keeps a high automatic threshold as a safety net
 * (openDatabase), so the log still cannot grow without bound if this worker
 * falls behind or stops.
 */
export class WalCheckpointer {
  private stopped = false;
  private running: Promise<unknown> | null = null;
  /** Whether the last checkpoint failed: its warning is logged once, not at every tick until one succeeds. */
  private failing = false;
  private readonly timer: NodeJS.Timeout;
  private readonly logger: Logger;

  private constructor(private readonly options: WalCheckpointerOptions) {
    this.logger = options.logger.child({ component: "wal-checkpointer" });
    this.timer = setInterval(() => {
      if (this.running === null) void this.checkpointNow();
    }, options.intervalMs);
    // An idle bot process must still be free to exit.
    this.timer.unref();
  }

  static start(options: WalCheckpointerOptions): WalCheckpointer {
    return new WalCheckpointer(options);
  }

  /**
   * Runs one checkpoint now, between the interval's, and resolves with what it
   * did (null when it could not run: the worker stopped, or another
   * process's checkpoint was running). Lets a caller (a test) see the
   * mechanism work without racing the interval.
   */
  async checkpointNow(): Promise<CheckpointReport | null> {
    if (this.stopped) return null;
    const run = this.options.worker.checkpoint().then(
      ({ report, isNew }) => {
        this.failing = false;
        if (isNew && report !== null) this.logger.debug(report, "write-ahead log checkpointed");
        return report;
      },
      (error: unknown) => {
        if (!this.failing && !this.stopped) {
          if (readWorkerCouldNotServe(error))
            this.logger.warn({ err: error }, "background checkpointer stopped; commits checkpoint the log themselves");
          else this.logger.warn({ reason: error instanceof Error ? error.message : String(error) }, "background checkpoint failed");
        }
        this.failing = true;
        return null;
      },
    );
    this.running = run;
    try {
      return await run;
    } finally {
      if (this.running === run) this.running = null;
    }
  }

  /** Stops asking for checkpoints; the worker (and its connections) is stopped by its owner. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    clearInterval(this.timer);
    await this.running;
  }
}
