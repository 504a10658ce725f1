/**
 * Most ids one statement binds in an `IN (…)` list. Prisma refuses a query
 * with more bound parameters than SQLite allows (P2029) and cannot split one
 * that also orders its rows, so every list that grows with the data (cohorts,
 * members, items) goes in slices of this size, well under the limit with room
 * for the statement's other parameters.
 */
export const maxIdsPerStatement = 500;

/** `values` in consecutive slices of at most `size`. */
export function chunksOf<T>(values: readonly T[], size: number = maxIdsPerStatement): T[][] {
  const chunks: T[][] = [];
  for (let start = 0; start < values.length; start += size) chunks.push(values.slice(start, start + size));
  return chunks;
}

/** Runs `query` once per slice of `values`, one after another, and concatenates the rows. */
export async function findInChunks<T, R>(values: readonly T[], query: (chunk: T[]) => Promise<R[]>): Promise<R[]> {
  const rows: R[] = [];
  for (const chunk of chunksOf(values)) rows.push(...(await query(chunk)));
  return rows;
}
