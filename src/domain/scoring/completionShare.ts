/**
 * How much of a set of items a cohort has completed, 0–100: completions of
 * those items over (members × items). `countByItem` holds, per item, how many
 * members completed it (one grouped query); counts above the member count
 * (members who completed and then left are not counted as members) are capped.
 */
export function completionShare(countByItem: ReadonlyMap<number, number>, itemIds: readonly number[], members: number): number {
  if (itemIds.length === 0 || members <= 0) return 0;
  const done = itemIds.reduce((sum, id) => sum + Math.min(countByItem.get(id) ?? 0, members), 0);
  return Math.min(100, (100 * done) / (members * itemIds.length));
}

/** Minutes read: each completion of an item counts the item's estimate (items without one count nothing). */
export function minutesRead(countByItem: ReadonlyMap<number, number>, minutesByItem: (itemId: number) => number | null): number {
  let minutes = 0;
  for (const [itemId, count] of countByItem) minutes += count * (minutesByItem(itemId) ?? 0);
  return minutes;
}

/** Completions in all: what a day of reading counts on a path without estimates. */
export function completionsIn(countByItem: ReadonlyMap<number, number>): number {
  let completions = 0;
  for (const count of countByItem.values()) completions += count;
  return completions;
}
