import fs from "node:fs";
import type { Logger } from "../logging/createLogger.js";
import { readWorkerCouldNotServe, type CheckpointReport, type SqliteReadWorker } from "./SqliteReadWorker.js";

export type { CheckpointReport } from "./SqliteReadWorker.js";

export interface WalCheckpointerOptions {
  /** The thread that runs the checkpoints, on a connection of its own: the long reads' (see SqliteReadWorker). */
  readonly worker: SqliteReadWorker;
  /** The database file: a tick asks for a checkpoint only when its write-ahead log (`<file>-wal`) changed since the last one. */
  readonly filePath: string;
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
 * about 6 MB of peak memory in the bench. A tick asks for a checkpoint only
 * when the log file changed (size or modification time, one `stat` on the
 * main thread) since the last complete one, so a bot that writes nothing
 * leaves the thread to stop when idle, and its memory with it. A checkpoint
 * asked while a long read runs waits for it; the read's snapshot would hold
 * the copy back anyway. One tick asks at most one checkpoint at a time, and
 * a thread that cannot serve (stopped, backing off after failed starts) is
 * asked again at the next tick, which also starts a fresh one.
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
  /**
   * The log file's state (see `logState`) taken before the last checkpoint that copied every frame; null
   * when the last one did not (failed, met another process's, or a reader held frames back), so the next tick asks again.
   */
  private copiedLog: string | null = null;
  private readonly timer: NodeJS.Timeout;
  private readonly logger: Logger;

  private constructor(private readonly options: WalCheckpointerOptions) {
    this.logger = options.logger.child({ component: "wal-checkpointer" });
    this.timer = setInterval(() => {
      if (this.running === null) void this.track(this.checkpoint(true));
    }, options.intervalMs);
    // An idle bot process must still be free to exit.
    this.timer.unref();
  }

  static start(options: WalCheckpointerOptions): WalCheckpointer {
    return new WalCheckpointer(options);
  }

  /**
   * Runs one checkpoint now, between the interval's, changed log or not, and
   * resolves with what it did (null when it could not run: the worker
   * stopped, or another process's checkpoint was running). Lets a caller (a
   * test) see the mechanism work without racing the interval.
   */
  checkpointNow(): Promise<CheckpointReport | null> {
    return this.track(this.checkpoint(false));
  }

  /**
   * Stops asking for checkpoints, without waiting for one asked already: one queued behind a long read would
   * hold the bot's shutdown as long. The worker's owner stops it, which rejects that checkpoint (unlogged, as stopped).
   */
  stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    return Promise.resolve();
  }

  /** Marks `run` as the checkpoint in flight (set before anything is awaited, so no tick slips in beside it). */
  private async track<T>(run: Promise<T>): Promise<T> {
    this.running = run;
    try {
      return await run;
    } finally {
      if (this.running === run) this.running = null;
    }
  }

  private async checkpoint(onlyIfLogChanged: boolean): Promise<CheckpointReport | null> {
    if (this.stopped) return null;
    // Taken before asking: a commit after this point changes the file again and is copied at a later tick.
    const log = await this.logState();
    if (this.isStopped() || (onlyIfLogChanged && log !== null && log === this.copiedLog)) return null;
    try {
      const { report, isNew } = await this.options.worker.checkpoint();
      this.copiedLog = report !== null && report.checkpointed === report.log ? log : null;
      if (this.failing) this.logger.info("background checkpoints run again");
      this.failing = false;
      if (isNew && report !== null) this.logger.debug(report, "write-ahead log checkpointed");
      return report;
    } catch (error) {
      this.copiedLog = null;
      if (!this.failing && !this.isStopped()) {
        if (readWorkerCouldNotServe(error))
          this.logger.warn({ err: error }, "background checkpoints cannot run now; asked again at each tick");
        else this.logger.warn({ reason: error instanceof Error ? error.message : String(error) }, "background checkpoint failed");
        this.failing = true;
      }
      return null;
    }
  }

  /** Read through a call: stop() may have run during any await. */
  private isStopped(): boolean {
    return this.stopped;
  }

  /**
   * The log file's identity, size and modification time, "none" while there is none; null when it cannot be
   * read (then every tick asks). A commit within the file system's timestamp granularity of the `stat`, that
   * leaves the size as it was (the log restarted over older frames), waits for the next commit's tick; the
   * safety net and the fold at close bound that.
   */
  private async logState(): Promise<string | null> {
    try {
      const stat = await fs.promises.stat(`${this.options.filePath}-wal`, { bigint: true });
      return `${stat.ino}:${stat.size}:${stat.mtimeNs}`;
    } catch (error) {
      return error instanceof Error && "code" in error && error.code === "ENOENT" ? "none" : null;
    }
  }
}
