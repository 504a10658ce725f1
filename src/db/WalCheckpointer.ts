import fs from "node:fs/promises";
import type { Logger } from "../logging/createLogger.js";
import { readWorkerCouldNotServe, type CheckpointReport } from "./SqliteReadWorker.js";

export type { CheckpointReport } from "./SqliteReadWorker.js";

/** Where the checkpoints run: the read worker's thread (SqliteReadWorker). */
export interface CheckpointThread {
  checkpoint(): Promise<CheckpointReport | null>;
}

export interface WalCheckpointerOptions {
  readonly filePath: string;
  /** How often the log is looked at, and copied back into the database file when it was written since. */
  readonly intervalMs: number;
  readonly thread: CheckpointThread;
  readonly logger: Logger;
}

/**
 * Copies SQLite's write-ahead log back into the database file from a worker
 * thread with its own connection. Left to itself, SQLite does this inside
 * whichever commit finds the log past 1,000 pages: that commit (a member's
 * /done) then waits for the copy and two fsyncs, 10–15 ms here instead of a
 * fraction of one. A PASSIVE checkpoint never blocks readers or writers.
 *
 * The checkpoints run on the read worker's thread (`CheckpointThread`), not a
 * thread of their own: a worker thread is a V8 heap of its own (about 8 MB of
 * RSS). Every `intervalMs` the log file is looked at (one `stat`); only a log
 * written since the last full checkpoint is sent to the thread, so a bot
 * nobody writes to starts no thread, and the read worker's idle stop ends
 * one that neither reads nor checkpoints. The file's times come from a
 * coarse kernel clock: a commit in the same few milliseconds as the last
 * look may wait for the next commit to be copied (the log stays small
 * either way).
 *
 * The main connection keeps a high automatic threshold as a safety net
 * (openDatabase), so the log still cannot grow without bound if the thread
 * falls behind or cannot start.
 */
export class WalCheckpointer {
  private stopped = false;
  private readonly timer: NodeJS.Timeout;
  /** The log file as it was when everything in it had been copied back; null until then. */
  private copiedLog: string | null = null;
  /** The checkpoint (or look at the log) running now: ticks while it runs do nothing. */
  private running: Promise<unknown> | null = null;
  /** The last report logged: an idle log reports the same frames until the next write starts it over. */
  private lastReported: CheckpointReport = { busy: 0, log: 0, checkpointed: 0 };
  private readonly logger: Logger;
  /** The last checkpoint failure logged, until one succeeds. */
  private lastFailure: string | null = null;

  private constructor(private readonly options: WalCheckpointerOptions) {
    this.logger = options.logger.child({ component: "wal-checkpointer" });
    this.timer = setInterval(() => void this.checkpointIfWritten(), options.intervalMs);
    // An idle bot process must still be free to exit.
    this.timer.unref();
  }

  static start(options: WalCheckpointerOptions): WalCheckpointer {
    return new WalCheckpointer(options);
  }

  /**
   * What each tick runs: a checkpoint if the log was written since the last full one (or the last
   * could not copy everything), nothing otherwise. Resolves whether it asked the thread.
   */
  checkpointIfWritten(): Promise<boolean> {
    if (this.stopped || this.running !== null) return Promise.resolve(false);
    const run = this.lookThenCheckpoint().finally(() => {
      this.running = null;
    });
    this.running = run;
    return run;
  }

  /**
   * Runs one checkpoint now, whether the log was written or not, and resolves with what it did (null when it
   * could not run: stopped, the thread could not serve, or another process's checkpoint was running). Lets a
   * caller (a test) see the mechanism work without racing the interval.
   */
  async checkpointNow(): Promise<CheckpointReport | null> {
    if (this.stopped) return null;
    return this.checkpoint();
  }

  /**
   * Stops the ticks. A checkpoint in flight is not waited for (it may be queued behind a long read): closing
   * the read worker ends it, and the thread's connection with it.
   */
  stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    return Promise.resolve();
  }

  private async lookThenCheckpoint(): Promise<boolean> {
    const before = await this.logFile();
    // No log (no connection has it open), an empty one, or none written since everything in it was copied back.
    if (before === null || before.size === 0n || before.key === this.copiedLog) return false;
    const report = await this.checkpoint();
    // Copied whole: the next look skips until a commit writes the log again. Otherwise (a reader's snapshot held
    // frames back, another process's checkpoint ran) the next tick tries again.
    if (report !== null && report.checkpointed === report.log) this.copiedLog = before.key;
    return true;
  }

  private async checkpoint(): Promise<CheckpointReport | null> {
    try {
      const report = await this.options.thread.checkpoint();
      this.lastFailure = null;
      if (report !== null) this.report(report);
      return report;
    } catch (error) {
      // The read worker logs its own stops and back-offs; a checkpoint SQLite refused is this one's to tell,
      // once until it changes or a checkpoint succeeds (ticks retry it every interval).
      const failure = error instanceof Error ? error.message : String(error);
      if (!readWorkerCouldNotServe(error) && failure !== this.lastFailure) this.logger.warn({ err: error }, "background checkpoint failed");
      this.lastFailure = failure;
      return null;
    }
  }

  private report(report: CheckpointReport): void {
    const isNew = report.log !== this.lastReported.log || report.checkpointed !== this.lastReported.checkpointed;
    this.lastReported = report;
    if (isNew && report.log > 0) this.logger.debug(report, "write-ahead log checkpointed");
  }

  /** The log file's identity and last write (inode, size, modification time), or null when there is none. */
  private async logFile(): Promise<{ readonly key: string; readonly size: bigint } | null> {
    try {
      const stat = await fs.stat(`${this.options.filePath}-wal`, { bigint: true });
      return { key: `${stat.ino}:${stat.size}:${stat.mtimeNs}`, size: stat.size };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
      this.logger.warn({ err: error }, "background checkpoint failed");
      return null;
    }
  }
}
