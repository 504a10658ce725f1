import type { Logger } from "../logging/createLogger.js";
import { readWorkerCouldNotServe, type CheckpointReport } from "./SqliteReadWorker.js";

export type { CheckpointReport } from "./SqliteReadWorker.js";

/** Where the checkpoints run: the read worker's thread (SqliteReadWorker). */
export interface CheckpointThread {
  checkpoint(): Promise<CheckpointReport | null>;
}

export interface WalCheckpointerOptions {
  /** How often the database is looked at, and its log copied back into the file when a commit was made since. */
  readonly intervalMs: number;
  readonly thread: CheckpointThread;
  /**
   * SQLite's `PRAGMA data_version` on a connection of this process that does not write (the hot reader's, on the
   * main thread, microseconds): it changes with every commit of any other connection, this process's or another's,
   * and not with a checkpoint.
   */
  readonly dataVersion: () => number;
  readonly logger: Logger;
}

/** Ticks in a row the read worker refused checkpoints (backing off, stopped) before that is worth a warning. */
const refusalsBeforeWarning = 3;

/**
 * Copies SQLite's write-ahead log back into the database file from a worker
 * thread with its own connection. Left to itself, SQLite does this inside
 * whichever commit finds the log past 1,000 pages: that commit (a member's
 * /done) then waits for the copy and two fsyncs, 10–15 ms here instead of a
 * fraction of one. A PASSIVE checkpoint never blocks readers or writers.
 *
 * The checkpoints run on the read worker's thread (`CheckpointThread`), not a
 * thread of their own: a worker thread is a V8 heap of its own (its cost in
 * RSS not yet measured on its own). Every `intervalMs` the database's
 * `data_version` is read on a connection that does not write: only when a
 * commit was made since the last full checkpoint is one sent to the thread,
 * so a bot nobody writes to starts no thread, and the read worker's idle stop
 * ends one that neither reads nor checkpoints. Not the log file's size and
 * time: after a full checkpoint the next commit writes the log again from its
 * start, the same size in the same clock tick, and with synchronous=NORMAL a
 * checkpoint is the log's only fsync.
 *
 * The main connection keeps a high automatic threshold as a safety net
 * (openDatabase), so the log still cannot grow without bound if the thread
 * falls behind or cannot start.
 */
export class WalCheckpointer {
  private stopped = false;
  private readonly timer: NodeJS.Timeout;
  /** The data_version when everything in the log had been copied back (or when started); null when unknown. */
  private copiedVersion: number | null;
  /** The checkpoint (or look at the log) running now: ticks while it runs do nothing. */
  private running: Promise<unknown> | null = null;
  /** The last report logged: an idle log reports the same frames until the next write starts it over. */
  private lastReported: CheckpointReport = { busy: 0, log: 0, checkpointed: 0 };
  private readonly logger: Logger;
  /** The last checkpoint failure logged, until one succeeds. */
  private lastFailure: string | null = null;
  /** The last failure to read data_version logged, until a read succeeds. */
  private lastLookFailure: string | null = null;
  /** Checkpoints the read worker refused in a row (backing off, stopped); warned once past the threshold. */
  private refusedInARow = 0;

  private constructor(private readonly options: WalCheckpointerOptions) {
    this.logger = options.logger.child({ component: "wal-checkpointer" });
    // Commits before the start are left to the next one's checkpoint (or the safety net): a bot nobody writes to starts no thread.
    this.copiedVersion = this.readDataVersion();
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
   * could not run: stopped, or the thread could not serve; another process's checkpoint running reports busy). Lets a
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
    const version = this.readDataVersion();
    // Unreadable (logged), or no commit since everything in the log was copied back.
    if (version === null || version === this.copiedVersion) return false;
    const report = await this.checkpoint();
    // stop() while the thread worked: nothing more is recorded.
    if (this.stopped) return true;
    // Copied whole: the next look skips until a commit. Otherwise (a reader's snapshot held frames back, another
    // connection's checkpoint held the lock) the next tick tries again.
    if (report !== null && copiedWhole(report)) this.copiedVersion = version;
    return true;
  }

  private async checkpoint(): Promise<CheckpointReport | null> {
    try {
      const report = await this.options.thread.checkpoint();
      this.lastFailure = null;
      this.served();
      if (report !== null) this.report(report);
      return report;
    } catch (error) {
      if (readWorkerCouldNotServe(error)) {
        this.refused();
        return null;
      }
      // A checkpoint SQLite refused is this one's to tell, once until it changes or a checkpoint succeeds (ticks
      // retry it every interval).
      this.served();
      const failure = error instanceof Error ? error.message : String(error);
      if (failure !== this.lastFailure) this.logger.warn({ err: error }, "background checkpoint failed");
      this.lastFailure = failure;
      return null;
    }
  }

  /**
   * The read worker logs its own stops and back-offs; that checkpoints stopped with it is this one's to tell, once,
   * after a few ticks in a row (one refusal is a worker restarting), and once when they resume.
   */
  private refused(): void {
    this.refusedInARow += 1;
    if (this.refusedInARow === refusalsBeforeWarning) {
      this.logger.warn({ ticks: this.refusedInARow }, "background checkpoints paused: the read worker cannot serve");
    }
  }

  private served(): void {
    if (this.refusedInARow >= refusalsBeforeWarning) this.logger.info("background checkpoints resumed");
    this.refusedInARow = 0;
  }

  private report(report: CheckpointReport): void {
    const isNew = report.log !== this.lastReported.log || report.checkpointed !== this.lastReported.checkpointed;
    this.lastReported = report;
    if (isNew && report.log > 0) this.logger.debug(report, "write-ahead log checkpointed");
  }

  /** data_version now, or null (logged once until it reads again) when it cannot be read. */
  private readDataVersion(): number | null {
    try {
      const version = this.options.dataVersion();
      this.lastLookFailure = null;
      return version;
    } catch (error) {
      const failure = error instanceof Error ? error.message : String(error);
      if (failure !== this.lastLookFailure) this.logger.warn({ err: error }, "background checkpoint could not look at the database");
      this.lastLookFailure = failure;
      return null;
    }
  }
}

/**
 * SQLite answers a checkpoint another connection's holds the lock for with a row {busy: 1, log: -1,
 * checkpointed: -1}, not an error: only a checkpoint that ran and copied every frame counts.
 */
function copiedWhole(report: CheckpointReport): boolean {
  return report.busy === 0 && report.log >= 0 && report.checkpointed === report.log;
}
