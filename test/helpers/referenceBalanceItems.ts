// The O(days · items²) dynamic programme that balanceItems replaced, kept verbatim as the
// reference the fast version is checked against (test/balanceItems.test.ts); only its name and
// the type of dayBaseLoads changed. Tests only.

/**
 * Spreads an ordered list of items over an ordered list of days without
 * reordering or splitting them: day i gets a contiguous run of the list, and
 * runs follow each other, so curriculum order survives across days.
 *
 * The algorithm (deterministic, exact):
 *
 * - Fewer items than days: one item per day, spaced evenly over the range
 *   (item i on day ⌊i·days/items⌋), so the reading does not all sit at the start.
 * - Otherwise every day gets at least one item, and among those partitions:
 *   1. the heaviest day (its existing load plus its run) is as light as
 *      possible — a dynamic programme over (days used, items placed);
 *   2. among partitions reaching that optimum, the sum of squared day loads is
 *      smallest — a second programme capped at the optimum — which evens out
 *      the other days instead of front-loading them up to the cap;
 *   3. remaining ties give the earlier day the larger run, so the lighter days
 *      come last, right before a checkpoint.
 *
 * `dayBaseLoads` is what each day already carries (items of an overlapping
 * section placed before), so overlapping sections balance the shared days
 * together. Cost is O(days · items²), small for reading lists.
 */
export function referenceBalanceItems(weights: readonly number[], dayBaseLoads: ArrayLike<number>): number[] {
  const itemCount = weights.length;
  const dayCount = dayBaseLoads.length;
  if (itemCount === 0) return [];
  if (dayCount === 0) throw new RangeError("Cannot spread items over zero days");
  if (itemCount < dayCount) return weights.map((_, index) => Math.floor((index * dayCount) / itemCount));

  const prefix = [0];
  for (const weight of weights) prefix.push((prefix.at(-1) ?? 0) + weight);
  const runWeight = (from: number, to: number): number => (prefix[to] ?? 0) - (prefix[from] ?? 0);
  const baseOf = (day: number): number => dayBaseLoads[day] ?? 0;

  // Day d (0-based) may hold items up to index `lastEnd(d)` so later days can
  // still get one each; it must end at or after d + 1 so it is non-empty.
  const lastEnd = (day: number): number => itemCount - (dayCount - 1 - day);

  // Stage 1: smallest achievable heaviest day. heaviest[d][i] = best maximum
  // load when days 0..d hold exactly the first i items.
  let previousHeaviest = new Float64Array(itemCount + 1).fill(Number.POSITIVE_INFINITY);
  previousHeaviest[0] = 0;
  for (let day = 0; day < dayCount; day += 1) {
    const currentHeaviest = new Float64Array(itemCount + 1).fill(Number.POSITIVE_INFINITY);
    for (let end = day + 1; end <= lastEnd(day); end += 1) {
      for (let start = day; start < end; start += 1) {
        const before = previousHeaviest[start] ?? Number.POSITIVE_INFINITY;
        if (before === Number.POSITIVE_INFINITY) continue;
        const candidate = Math.max(before, baseOf(day) + runWeight(start, end));
        if (candidate < (currentHeaviest[end] ?? Number.POSITIVE_INFINITY)) currentHeaviest[end] = candidate;
      }
    }
    previousHeaviest = currentHeaviest;
  }
  const heaviestDay = previousHeaviest[itemCount] ?? Number.POSITIVE_INFINITY;

  // Stage 2: least sum of squares with no day above the optimum. choice[d][i]
  // remembers where day d's run starts when days 0..d hold the first i items.
  let previousCost = new Float64Array(itemCount + 1).fill(Number.POSITIVE_INFINITY);
  previousCost[0] = 0;
  const choice: Int32Array[] = [];
  for (let day = 0; day < dayCount; day += 1) {
    const currentCost = new Float64Array(itemCount + 1).fill(Number.POSITIVE_INFINITY);
    const dayChoice = new Int32Array(itemCount + 1).fill(-1);
    for (let end = day + 1; end <= lastEnd(day); end += 1) {
      for (let start = day; start < end; start += 1) {
        const before = previousCost[start] ?? Number.POSITIVE_INFINITY;
        if (before === Number.POSITIVE_INFINITY) continue;
        const load = baseOf(day) + runWeight(start, end);
        if (load > heaviestDay) continue;
        const candidate = before + load * load;
        // `<=` with ascending starts keeps the latest start on ties: the earlier
        // days take the larger runs (rule 3).
        if (candidate <= (currentCost[end] ?? Number.POSITIVE_INFINITY)) {
          currentCost[end] = candidate;
          dayChoice[end] = start;
        }
      }
    }
    choice.push(dayChoice);
    previousCost = currentCost;
  }

  const dayOfItem = new Array<number>(itemCount).fill(0);
  let end = itemCount;
  for (let day = dayCount - 1; day >= 0; day -= 1) {
    const start = choice[day]?.[end] ?? -1;
    if (start < 0) throw new Error("Balancing found no partition (should be unreachable)");
    for (let index = start; index < end; index += 1) dayOfItem[index] = day;
    end = start;
  }
  return dayOfItem;
}
