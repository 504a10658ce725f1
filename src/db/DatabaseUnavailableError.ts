/**
 * The database cannot be reached or opened (PostgreSQL refuses the connection, a SQLite file cannot be
 * created, another process holds the migration lock): the operator's to fix, so its message says why
 * and where, and entry points print it without a stack trace. Any other error at start is a bug.
 */
export class DatabaseUnavailableError extends Error {
  constructor(message: string, options?: { readonly cause?: unknown }) {
    super(message, options);
    this.name = "DatabaseUnavailableError";
  }
}
