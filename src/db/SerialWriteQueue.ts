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
 * first come, first served. Reads are not queued. Other processes writing to
 * the same file are SQLite's busy timeout's job.
 *
 * A write must not queue another write from inside itself: it would wait for itself.
 */
export class SerialWriteQueue {
  private tail: Promise<void> = Promise.resolve();
  private queued = 0;

  /** Writes started or waiting right now. */
  get length(): number {
    return this.queued;
  }

  /** Runs `write` after every write queued before it has settled; its result or error is passed through. */
  run<T>(write: () => Promise<T>): Promise<T> {
    this.queued += 1;
    const result = this.tail.then(write).finally(() => {
      this.queued -= 1;
    });
    // A failed write must not stop the ones behind it.
    this.tail = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }
}
