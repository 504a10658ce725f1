/** SQLITE_BUSY and its extended codes (SQLITE_BUSY_SNAPSHOT, …); PostgreSQL's lock_not_available (lock_timeout). */
const lockedCode = /^(SQLITE_BUSY|55P03$)/;

interface DriverErrorShape {
  readonly originalCode?: unknown;
  /** The driver's own error (better-sqlite3's, pg's), thrown where the bot writes without Prisma (Sqlite/PostgresTransactionRunner). */
  readonly code?: unknown;
  readonly cause?: unknown;
  readonly meta?: { readonly driverAdapterError?: unknown };
}

/**
 * True when `error` says another connection holds the lock a statement
 * needed, after the driver's own short wait. Prisma wraps the driver's error
 * (PrismaClientKnownRequestError → meta.driverAdapterError → cause), so the
 * chain is walked a few links deep.
 */
export function isDatabaseLocked(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && typeof current === "object" && current !== null; depth += 1) {
    const shape = current as DriverErrorShape;
    if (typeof shape.originalCode === "string" && lockedCode.test(shape.originalCode)) return true;
    if (typeof shape.code === "string" && lockedCode.test(shape.code)) return true;
    current = shape.meta?.driverAdapterError ?? shape.cause;
  }
  return false;
}
