import { setTimeout as sleep } from "node:timers/promises";
import type { Logger } from "../logging/createLogger.js";
import { DatabaseBusyError } from "./repositories/DatabaseBusyError.js";
import { isDatabaseLocked } from "./repositories/isDatabaseLocked.js";

/** First pause before trying a locked write again; it doubles up to maxRetryDelayMs. */
const firstRetryDelayMs = 10;
const maxRetryDelayMs = 100;

export interface SerialWriteQueueOptions {
  /**
   * How long after it was queued a write that meets another connection's
   * lock keeps trying (asynchronously, between short attempts) before it
   * fails with DatabaseBusyError. 0: fail at the first locked attempt (on
   * PostgreSQL the wait already happened inside the database, up to its
   * lock_timeout). A write is always attempted at least once. See attempt()
   * for when the budget starts.
   */
  readonly lockedRetryBudgetMs?: number;
  readonly logger?: Logger;
  /** Tests: a clock and a pause of their own. */
  readonly now?: () => number;
  readonly pause?: (ms: number) => Promise<void>;
}

/**
 * Runs database writes one at a time, in arrival order, inside this process.
 *
 * Why: on SQLite the Prisma adapter drives a single connection, and a batch
 * transaction's BEGIN … COMMIT spans several awaits. Any statement another
 * request sends meanwhile runs inside that open transaction (and would be
 * rolled back with it), and hundreds of transactions waiting on the adapter's
 * lock can outwait Prisma's 2-second `maxWait`. Repositories send their writes
 * through one shared queue instead, so each transaction has the connection to
 * itself and a burst of 500 `/done`s becomes an orderly line that is served
 * first come, first served. Reads are not queued.
 *
 * Another process holding the database's write lock: SQLite's busy wait is
 * synchronous (it would freeze every interaction of the process), so the bot
 * keeps it to a few milliseconds and this queue retries the whole write
 * after an asynchronous pause instead, while reads and everything else go
 * on. A write that still meets the lock when its budget is spent fails with
 * DatabaseBusyError; since each write is one statement or one transaction,
 * the failed attempt left nothing behind.
 *
 * A write must not queue another write from inside itself: it would wait for itself.
 */
export class SerialWriteQueue {
  private tail: Promise<void> = Promise.resolve();
  private queued = 0;
  /** When writes first met another connection's lock with none getting through since; null while they get through. */
  private lockedSince: number | null = null;
  private readonly budgetMs: number;
  private readonly now: () => number;
  private readonly pause: (ms: number) => Promise<void>;

  constructor(private readonly options: SerialWriteQueueOptions = {}) {
    this.budgetMs = options.lockedRetryBudgetMs ?? 0;
    this.now = options.now ?? Date.now;
    this.pause = options.pause ?? ((ms) => sleep(ms));
  }

  /** Writes started or waiting right now. */
  get length(): number {
    return this.queued;
  }

  /** Runs `write` after every write queued before it has settled; its result or error is passed through. */
  run<T>(write: () => Promise<T>): Promise<T> {
    this.queued += 1;
    const queuedAt = this.now();
    const result = this.tail
      .then(() => this.attempt(write, queuedAt))
      .finally(() => {
        this.queued -= 1;
      });
    // A failed write must not stop the ones behind it.
    this.tail = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }

  /**
   * Runs `write`, again after a pause each time it meets another connection's
   * lock, until its budget is spent. The budget runs from when the write was
   * queued or, if later, from when the lock was first met with no write
   * getting through since: a write that waited in line behind writes that
   * succeeded still gets its whole budget, while writes queued behind a lock
   * that has been held all along give up together instead of one budget after
   * another.
   */
  private async attempt<T>(write: () => Promise<T>, queuedAt: number): Promise<T> {
    let deadline: number | undefined;
    for (let attempt = 1; ; attempt += 1) {
      try {
        const result = await write();
        this.lockedSince = null;
        return result;
      } catch (error) {
        if (!isDatabaseLocked(error)) {
          this.lockedSince = null;
          throw error;
        }
        const now = this.now();
        this.lockedSince ??= now;
        deadline ??= Math.max(queuedAt, this.lockedSince) + this.budgetMs;
        const delay = Math.min(maxRetryDelayMs, firstRetryDelayMs * 2 ** (attempt - 1));
        const waitedMs = now - queuedAt;
        if (now + delay > deadline) {
          this.options.logger?.warn({ attempts: attempt, waitedMs }, "database write gave up: another connection holds the lock");
          throw new DatabaseBusyError(waitedMs, { cause: error });
        }
        // Said once per write; the retries after it only at debug level.
        const log = this.options.logger;
        (attempt === 1 ? log?.info.bind(log) : log?.debug.bind(log))?.(
          { attempt, waitedMs, retryInMs: delay },
          "database write waits: another connection holds the lock",
        );
        await this.pause(delay);
      }
    }
  }
}
