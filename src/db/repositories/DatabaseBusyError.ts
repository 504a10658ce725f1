/**
 * A write gave up because another connection held the database's write lock
 * for longer than the write may wait (SQLite's lock held by another process,
 * PostgreSQL's lock_timeout). Nothing of the write was stored; the same
 * request can simply be made again in a moment.
 */
export class DatabaseBusyError extends Error {
  constructor(
    readonly waitedMs: number,
    options?: { cause?: unknown },
  ) {
    super(`the database stayed locked by another connection for ${waitedMs} ms`, options);
    this.name = "DatabaseBusyError";
  }
}
