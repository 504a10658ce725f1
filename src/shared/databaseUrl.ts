/** Prisma's `?schema=`: plain identifiers only, as the schema name goes into search_path and DDL. */
export const schemaNamePattern = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;

/**
 * What keeps a postgresql:// URL from being used, said after the variable's name ("DATABASE_URL …"); null when
 * it is usable. Shared by start-up's configuration check and the database layer, so both say the same.
 */
export function postgresUrlProblem(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return (
      "is not a valid URL: use postgresql://user:password@host:port/database, the password percent-encoded " +
      "(encodeURIComponent, e.g. @ → %40, : → %3A, / → %2F, # → %23, ? → %3F); " +
      "for a Unix socket, postgresql://user@localhost/database?host=/var/run/postgresql"
    );
  }
  const schema = parsed.searchParams.get("schema");
  if (schema !== null && !schemaNamePattern.test(schema)) {
    return `has schema "${schema}", which must be a plain identifier (letters, digits and _, not starting with a digit)`;
  }
  return null;
}
