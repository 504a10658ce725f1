import { throwFailures } from "./throwFailures.js";

/**
 * What a start-up has opened so far, to close in reverse order: when a later step of the start-up
 * throws (nothing it opened may stay behind: a connection, a thread, a file handle) and at shutdown.
 * Every closer runs even when an earlier one fails, so one that will not stop cannot keep the
 * others open; once all have run, the failure is thrown (several as one AggregateError, none lost).
 * Each closer runs at most once.
 */
export class CleanupStack {
  private readonly closers: (() => unknown)[] = [];

  /** Registers how to close something just opened; it is closed before whatever was opened earlier. */
  defer(close: () => unknown): void {
    this.closers.push(close);
  }

  /** Runs the closers, last registered first, and forgets them. */
  async closeAll(): Promise<void> {
    const failures: unknown[] = [];
    for (let close = this.closers.pop(); close !== undefined; close = this.closers.pop()) {
      try {
        await close();
      } catch (error) {
        failures.push(error);
      }
    }
    throwFailures(failures, "several things failed to close");
  }
}
