/** A picture's section row: `priority` says which rows to keep when not all fit (lowest first). */
export interface PrioritizedRow {
  /** Absent: the row's place in course order decides. */
  readonly priority?: number;
}

/**
 * The rows a picture with room for `maxRows` draws: all of them when they fit, else `maxRows - 1` (the
 * last line says "+N more") of the lowest priority (equal ones in course order), shown in course order.
 */
export function rowsThatFit<T extends PrioritizedRow>(
  rows: readonly T[],
  maxRows: number,
): { readonly shown: readonly T[]; readonly hidden: number } {
  if (rows.length <= maxRows) return { shown: rows, hidden: 0 };
  const kept = new Set(
    rows
      .map((row, index) => ({ index, priority: row.priority ?? 0 }))
      .sort((a, b) => a.priority - b.priority || a.index - b.index)
      .slice(0, maxRows - 1)
      .map((entry) => entry.index),
  );
  const shown = rows.filter((_, index) => kept.has(index));
  return { shown, hidden: rows.length - shown.length };
}
