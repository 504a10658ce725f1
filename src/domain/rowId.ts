/** The largest id a row can have: ids are 32-bit integers (PostgreSQL `integer`), so a larger one names no row. */
export const maxRowId = 2_147_483_647;

/**
 * The row id `text` spells (digits only, 1 to 2147483647), or null: a longer or larger number names no row, and
 * sent to PostgreSQL as an `integer` it would fail the query rather than find nothing.
 */
export function rowIdOf(text: string): number | null {
  if (!/^\d{1,10}$/.test(text)) return null;
  const id = Number(text);
  return id >= 1 && id <= maxRowId ? id : null;
}
