/**
 * A SQLite DATETIME value as Prisma's raw queries return it: epoch milliseconds (what the bot writes, see
 * openDatabase), or text written by SQL (`CURRENT_TIMESTAMP`, ISO 8601).
 */
export function sqliteDateOf(value: unknown): Date | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "number" || typeof value === "bigint") return new Date(Number(value));
  if (typeof value !== "string") throw new Error(`a DATETIME column held ${typeof value}`);
  const text = value.replace(" ", "T");
  return new Date(/(Z|[+-]\d\d:?\d\d)$/i.test(text) ? text : `${text}Z`);
}
