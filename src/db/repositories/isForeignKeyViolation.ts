/** SQLite's foreign key failure (better-sqlite3's extended code, Prisma's adapter's name for it); PostgreSQL's foreign_key_violation. */
const foreignKeyCode = /^(SQLITE_CONSTRAINT_FOREIGNKEY|ForeignKeyConstraintViolation|23503)$/;

interface DriverErrorShape {
  readonly originalCode?: unknown;
  readonly code?: unknown;
  readonly kind?: unknown;
  readonly cause?: unknown;
  readonly meta?: { readonly driverAdapterError?: unknown };
}

/**
 * True when `error` says a row a statement wrote refers to one that is not there (deleted meanwhile). The
 * driver's error is walked through Prisma's wrapping as isDatabaseLocked walks it.
 */
export function isForeignKeyViolation(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && typeof current === "object" && current !== null; depth += 1) {
    const shape = current as DriverErrorShape;
    for (const code of [shape.originalCode, shape.code, shape.kind]) if (typeof code === "string" && foreignKeyCode.test(code)) return true;
    current = shape.meta?.driverAdapterError ?? shape.cause;
  }
  return false;
}
