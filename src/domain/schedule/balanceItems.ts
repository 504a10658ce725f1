import type { PlanRule } from "./scheduleTypes.js";

/**
 * Spreads an ordered list of items over an ordered list of days without
 * reordering or splitting them: day i gets a contiguous run of the list, and
 * runs follow each other, so curriculum order survives across days.
 *
 * The rules (deterministic, exact):
 *
 * - Fewer items than days: one item per day, in order. Plan rule 1 (cohorts
 *   created before rule 2) spaces them by position alone: item i on day
 *   ⌊i·days/items⌋. Plan rule 2 (`spreadFewItems`) chooses the days by the
 *   first two criteria below, then by closeness to that spacing, then the
 *   earliest days (see there).
 * - Otherwise every day gets at least one item, and among those partitions:
 *   1. the heaviest day (its existing load plus its run) is as light as
 *      possible;
 *   2. among partitions reaching that optimum, the sum of squared day loads is
 *      smallest, which evens out the other days instead of front-loading them
 *      up to the cap;
 *   3. remaining ties give the later days the shorter runs, decided from the
 *      last day backwards (the lighter days come last, right before a checkpoint).
 *
 * `dayBaseLoads` is what each day already carries (items of an overlapping
 * section placed before), so overlapping sections balance the shared days
 * together (under plan rule 1 not with fewer items than days, which spaces by
 * position alone: a day could hold two items beside a free day).
 * Weights are whole minutes (integers ≥ 0), so every sum is exact.
 *
 * How (the rules are those of the original O(days · items²) programme, kept
 * in test/helpers/referenceBalanceItems.ts and compared in the tests):
 * rule 1 is a binary search on the heaviest day with an exact reachability
 * sweep per guess (which item counts can days 0..d end on without exceeding
 * it, kept as a few intervals per day; each feasible guess narrows where the
 * next one looks); rules 2–3 are the same dynamic programme as before, but
 * only over the "corridor" of end positions that can both be reached and still
 * be completed under the optimum, each day's row filled by divide and conquer
 * (the squared-load cost is Monge, so the best start only moves right as the
 * end moves right).
 *
 * One documented exception keeps the cost near-linear on huge sections: when
 * the corridor holds more than `exactStateBudget` (day, end) states (over a
 * thousand items over hundreds of days with room to spare — never the case in
 * the built-in paths), rules 2–3 are applied among the partitions whose day
 * ends lie within `largeSectionBand` items of the even-level partition (each
 * day in turn takes the run closest to the even level of the days left).
 * Rule 1 stays exact; the evenness is then the best inside that band.
 */
export function balanceItems(
  weights: readonly number[],
  dayBaseLoads: ArrayLike<number>,
  planRule: PlanRule,
  exactStateBudget = defaultExactStateBudget,
): number[] {
  const itemCount = weights.length;
  const dayCount = dayBaseLoads.length;
  if (itemCount === 0) return [];
  if (dayCount === 0) throw new RangeError("Cannot spread items over zero days");
  if (itemCount < dayCount) {
    return planRule === 1 ? weights.map((_, index) => evenDay(index, itemCount, dayCount)) : spreadFewItems(weights, dayBaseLoads);
  }

  const prefix = new Float64Array(itemCount + 1);
  for (let index = 0; index < itemCount; index += 1) prefix[index + 1] = (prefix[index] ?? 0) + (weights[index] ?? 0);
  const bases = Float64Array.from({ length: dayCount }, (_, day) => dayBaseLoads[day] ?? 0);

  const forward = { prefix, bases, weights: new WeightIndex(prefix) };
  const { heaviestDay, corridor } = lightestHeaviestDay(forward);
  let states = 0;
  for (let day = 0; day < dayCount; day += 1) states += (corridor.high[day] ?? 0) - (corridor.low[day] ?? 0) + 1;
  const searched = states <= exactStateBudget ? corridor : bandAround(evenLevelPath(forward, heaviestDay, corridor), corridor);
  const startOfDay = leastSquaresRuns(prefix, bases, heaviestDay, searched);

  const dayOfItem = new Array<number>(itemCount).fill(0);
  for (let day = 0; day < dayCount; day += 1) {
    const end = day + 1 < dayCount ? (startOfDay[day + 1] ?? itemCount) : itemCount;
    for (let index = startOfDay[day] ?? 0; index < end; index += 1) dayOfItem[index] = day;
  }
  return dayOfItem;
}

/**
 * Above this many (day, end) states, rules 2–3 are searched only near the
 * even-level path (see bandAround); below it, exactly. Typical sections use a
 * few hundred states; the seeds at most a few thousand.
 */
export const defaultExactStateBudget = 200_000;

/** How many item positions either side of the even-level path the large-section search considers. */
export const largeSectionBand = 24;

/**
 * Each day in turn takes the run that brings it closest to the even level of
 * the days left (their base loads plus the items left, over their count),
 * ties to the longer run, never above `cap` and always leaving a way to
 * finish. Returns each day's end.
 */
function evenLevelPath(problem: Problem, cap: number, corridor: Corridor): Int32Array {
  const { prefix, bases } = problem;
  const itemCount = prefix.length - 1;
  const dayCount = bases.length;
  const basesAfter = new Float64Array(dayCount + 1);
  for (let day = dayCount - 1; day >= 0; day -= 1) basesAfter[day] = (basesAfter[day + 1] ?? 0) + (bases[day] ?? 0);
  const ends = new Int32Array(dayCount);
  let start = 0;
  for (let day = 0; day < dayCount; day += 1) {
    const startLoad = prefix[start] ?? 0;
    const level = ((basesAfter[day] ?? 0) + (prefix[itemCount] ?? 0) - startLoad) / (dayCount - day);
    const wanted = startLoad + level - (bases[day] ?? 0);
    const furthest = furthestEnd(prefix, start, cap - (bases[day] ?? 0));
    const ideal = Math.min(Math.max(furthestEnd(prefix, start, wanted - startLoad), start + 1), furthest);
    let best = -1;
    let bestDistance = Number.POSITIVE_INFINITY;
    const { values, offsets } = corridor.completable;
    for (let pair = offsets[day] ?? 0; pair < (offsets[day + 1] ?? 0); pair += 2) {
      const from = Math.max(values[pair] ?? 0, start + 1);
      const to = Math.min(values[pair + 1] ?? 0, furthest);
      if (from > to) continue;
      for (let step = 0; step <= 1; step += 1) {
        const end = Math.min(Math.max(ideal + step, from), to);
        const distance = Math.abs((prefix[end] ?? 0) - wanted);
        if (distance < bestDistance || (distance === bestDistance && end > best)) {
          best = end;
          bestDistance = distance;
        }
      }
    }
    if (best < 0) throw new Error("Balancing found no partition (should be unreachable)");
    ends[day] = best;
    start = best;
  }
  return ends;
}

/** The heaviest day load of a partition given by each day's end. */
function heaviestDayOf(problem: Problem, ends: Int32Array): number {
  let heaviest = 0;
  let start = 0;
  ends.forEach((end, day) => {
    heaviest = Math.max(heaviest, (problem.bases[day] ?? 0) + (problem.prefix[end] ?? 0) - (problem.prefix[start] ?? 0));
    start = end;
  });
  return heaviest;
}

/** The corridor narrowed to `largeSectionBand` positions either side of a path that lies inside it. */
function bandAround(path: Int32Array, corridor: EndRanges): EndRanges {
  const low = new Int32Array(path.length);
  const high = new Int32Array(path.length);
  path.forEach((end, day) => {
    low[day] = Math.max(corridor.low[day] ?? 0, end - largeSectionBand);
    high[day] = Math.min(corridor.high[day] ?? 0, end + largeSectionBand);
  });
  return { low, high };
}

/** Cumulative weights (prefix[i] = weight of items 0..i−1), each day's base load, and a search index over the weights. */
interface Problem {
  readonly prefix: Float64Array;
  readonly bases: Float64Array;
  readonly weights: WeightIndex;
}

/** For each day, the range of item counts days 0..day can end on (inclusive). */
interface EndRanges {
  readonly low: Int32Array;
  readonly high: Int32Array;
}

/**
 * Ascending, disjoint [from, to] pairs for each day, in one flat buffer (one
 * array per day per sweep was most of the garbage of planning a long course):
 * day d's pairs are values[offsets[d] .. offsets[d + 1]).
 */
interface DayIntervals {
  readonly values: Int32Array;
  readonly offsets: Int32Array;
}

/** The exact reachable ends of each day. */
interface Reach extends EndRanges {
  readonly intervals: DayIntervals;
}

/** The corridor, plus for each day the exact ends from which the later days can still finish. */
interface Corridor extends EndRanges {
  readonly completable: DayIntervals;
}

/**
 * Rule 1: the smallest heaviest-day load any partition reaches (binary search
 * over whole minutes), and the corridor of ends under it. Each feasible guess
 * narrows the corridor the next guesses sweep: a lower cap only removes ends.
 */
function lightestHeaviestDay(problem: Problem): { heaviestDay: number; corridor: Corridor } {
  const { prefix, bases } = problem;
  const itemCount = prefix.length - 1;
  const dayCount = bases.length;
  let maxBase = 0;
  let minBase = Number.POSITIVE_INFINITY;
  let baseTotal = 0;
  for (const base of bases) {
    maxBase = Math.max(maxBase, base);
    minBase = Math.min(minBase, base);
    baseTotal += base;
  }
  let maxWeight = 0;
  let minWeight = Number.POSITIVE_INFINITY;
  for (let index = 0; index < itemCount; index += 1) {
    const weight = (prefix[index + 1] ?? 0) - (prefix[index] ?? 0);
    maxWeight = Math.max(maxWeight, weight);
    minWeight = Math.min(minWeight, weight);
  }
  const total = prefix[itemCount] ?? 0;
  const reversedPrefix = new Float64Array(itemCount + 1);
  for (let index = 0; index <= itemCount; index += 1) reversedPrefix[index] = total - (prefix[itemCount - index] ?? 0);
  const reversed: Problem = { prefix: reversedPrefix, bases: bases.slice().reverse(), weights: new WeightIndex(reversedPrefix) };

  // Below: every day holds at least its base plus one item; some day holds the average; the heaviest item sits somewhere.
  let low = Math.max(Math.ceil((baseTotal + total) / dayCount), maxBase + minWeight, maxWeight + minBase);
  const band: Corridor = {
    low: new Int32Array(dayCount),
    high: new Int32Array(dayCount),
    completable: { values: new Int32Array(2 * dayCount), offsets: new Int32Array(dayCount + 1) },
  };
  for (let day = 0; day < dayCount; day += 1) {
    band.low[day] = day + 1;
    band.high[day] = itemCount - (dayCount - 1 - day);
    band.completable.values[2 * day] = day + 1;
    band.completable.values[2 * day + 1] = itemCount - (dayCount - 1 - day);
    band.completable.offsets[day + 1] = 2 * day + 2;
  }
  // Above: the heaviest day of the even-level partition with no cap (any partition would do; this one is close).
  let high = heaviestDayOf(problem, evenLevelPath(problem, Number.POSITIVE_INFINITY, band));
  let corridor = corridorUnder(problem, reversed, high, band);
  if (corridor === null) throw new Error("Balancing found no partition (should be unreachable)");
  while (low < high) {
    const guess = Math.floor((low + high) / 2);
    const narrower = corridorUnder(problem, reversed, guess, corridor);
    if (narrower === null) {
      low = guess + 1;
    } else {
      high = guess;
      corridor = narrower;
    }
  }
  return { heaviestDay: high, corridor };
}

/**
 * The ends each day can take on some partition with no day above `cap`,
 * searched only inside `within` (a corridor of a higher cap); null when no
 * partition stays under it.
 */
function corridorUnder(problem: Problem, reversed: Problem, cap: number, within: EndRanges): Corridor | null {
  const itemCount = problem.prefix.length - 1;
  const dayCount = problem.bases.length;
  const forward = reachableEnds(problem, cap, within);
  if (forward === null) return null;
  const backward = reachableEnds(reversed, cap, mirrored(forward, itemCount));
  if (backward === null) return null;
  const fromBack = mirrored(backward, itemCount);
  const low = new Int32Array(dayCount);
  const high = new Int32Array(dayCount);
  const later = backward.intervals;
  const values = new Int32Array((later.offsets[dayCount - 1] ?? 0) + 2);
  const offsets = new Int32Array(dayCount + 1);
  let length = 0;
  for (let day = 0; day < dayCount; day += 1) {
    offsets[day] = length;
    const laterDay = dayCount - 2 - day;
    if (laterDay < 0) {
      values[length++] = itemCount;
      values[length++] = itemCount;
    } else {
      for (let pair = (later.offsets[laterDay + 1] ?? 0) - 2; pair >= (later.offsets[laterDay] ?? 0); pair -= 2) {
        values[length++] = itemCount - (later.values[pair + 1] ?? 0);
        values[length++] = itemCount - (later.values[pair] ?? 0);
      }
    }
    low[day] = Math.max(forward.low[day] ?? 0, fromBack.low[day] ?? 0);
    high[day] = Math.min(forward.high[day] ?? 0, fromBack.high[day] ?? 0);
  }
  offsets[dayCount] = length;
  return { low, high, completable: { values, offsets } };
}

/** The reversed problem's day k ends where original day dayCount−2−k ends, counted from the back. */
function mirrored(ranges: EndRanges, itemCount: number): EndRanges {
  const dayCount = ranges.low.length;
  const low = new Int32Array(dayCount);
  const high = new Int32Array(dayCount);
  for (let day = 0; day < dayCount - 1; day += 1) {
    low[day] = itemCount - (ranges.high[dayCount - 2 - day] ?? 0);
    high[day] = itemCount - (ranges.low[dayCount - 2 - day] ?? 0);
  }
  low[dayCount - 1] = itemCount;
  high[dayCount - 1] = itemCount;
  return { low, high };
}

/**
 * Which item counts days 0..d can end on with no day above `cap`, swept day
 * by day; null when the last day cannot end on the last item. Each day's run
 * is non-empty and leaves one item for every later day.
 *
 * The reachable ends of a day are kept as a few disjoint intervals: from a
 * run of starts s..t whose first items fit the day, the day can end anywhere
 * in s+1..(furthest end from t). Only a first item too heavy for the day
 * splits a run, so a sweep costs O(intervals · log items) per day.
 */
function reachableEnds(problem: Problem, cap: number, within: EndRanges): Reach | null {
  const { prefix, bases, weights } = problem;
  const itemCount = prefix.length - 1;
  const dayCount = bases.length;
  const low = new Int32Array(dayCount);
  const high = new Int32Array(dayCount);
  const out = new IntervalBuffer(4 * dayCount + 2);
  out.append(0, 0); // before day 0: zero items done
  for (let day = 0; day < dayCount; day += 1) {
    const room = cap - (bases[day] ?? 0);
    if (room < 0) return null;
    const lastEnd = Math.min(itemCount - (dayCount - 1 - day), within.high[day] ?? 0);
    const firstEnd = within.low[day] ?? 0;
    const previousFrom = out.dayStart;
    const previousTo = out.length;
    const previous = out.values; // appending may move `out.values`; the previous day's pairs stay readable here
    out.startDay();
    for (let pair = previousFrom; pair < previousTo; pair += 2) {
      const from = previous[pair] ?? 0;
      const to = Math.min(previous[pair + 1] ?? 0, lastEnd - 1);
      if (from > to) break;
      if (room >= weights.heaviest) {
        // Every item fits the day: the whole run of starts reaches one interval (the common case).
        out.append(Math.max(from + 1, firstEnd), furthestEndUpTo(prefix, to, room, lastEnd));
        continue;
      }
      let start = from;
      while (start <= to) {
        const firstFitting = weights.firstAtMost(start, to, room);
        if (firstFitting < 0) break;
        const firstTooHeavy = weights.firstAbove(firstFitting, to, room);
        const lastFitting = firstTooHeavy < 0 ? to : firstTooHeavy - 1;
        const furthest = furthestEndUpTo(prefix, lastFitting, room, lastEnd);
        out.append(Math.max(firstFitting + 1, firstEnd), furthest);
        if (firstTooHeavy < 0) break;
        start = firstTooHeavy + 1;
      }
    }
    if (out.length === out.dayStart) return null;
    low[day] = out.values[out.dayStart] ?? 0;
    high[day] = out.values[out.length - 1] ?? 0;
  }
  if (high[dayCount - 1] !== itemCount) return null;
  // Day d's pairs sit after the seed pair; offsets are recorded as each day starts.
  return { low, high, intervals: { values: out.values.subarray(2, out.length), offsets: out.dayOffsets(dayCount) } };
}

/** A growable flat buffer of [from, to] pairs, one ascending run of pairs per day. */
class IntervalBuffer {
  values: Int32Array;
  length = 0;
  dayStart = 0;
  private readonly starts: number[] = [];

  constructor(capacity: number) {
    this.values = new Int32Array(capacity);
  }

  startDay(): void {
    this.dayStart = this.length;
    this.starts.push(this.length);
  }

  /** Adds [from, to] after the day's pairs already there (whose starts are smaller), merging when they touch. */
  append(from: number, to: number): void {
    if (from > to) return;
    if (this.length > this.dayStart) {
      const lastTo = this.values[this.length - 1] ?? 0;
      if (from <= lastTo + 1) {
        this.values[this.length - 1] = Math.max(lastTo, to);
        return;
      }
    }
    if (this.length + 2 > this.values.length) {
      const grown = new Int32Array(2 * this.values.length + 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.length++] = from;
    this.values[this.length++] = to;
  }

  /** Where each day's pairs begin, relative to the first day's, with the end at index dayCount. */
  dayOffsets(dayCount: number): Int32Array {
    const offsets = new Int32Array(dayCount + 1);
    for (let day = 0; day < dayCount; day += 1) offsets[day] = (this.starts[day] ?? 0) - 2;
    offsets[dayCount] = this.length - 2;
    return offsets;
  }
}

/** furthestEnd capped at `limit` (≥ start), searching only up to it. */
function furthestEndUpTo(prefix: Float64Array, start: number, room: number, limit: number): number {
  const most = (prefix[start] ?? 0) + room;
  let low = start;
  let high = limit;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if ((prefix[middle] ?? 0) <= most) low = middle;
    else high = middle - 1;
  }
  return low;
}

/** The largest end e with prefix[e] − prefix[start] ≤ room (at least start + 1 when item `start` fits). */
function furthestEnd(prefix: Float64Array, start: number, room: number): number {
  const limit = (prefix[start] ?? 0) + room;
  let low = start;
  let high = prefix.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if ((prefix[middle] ?? 0) <= limit) low = middle;
    else high = middle - 1;
  }
  return low;
}

/**
 * Range minimum and maximum of the item weights (sparse tables), to find the
 * next item that fits a day, or the next one that does not, in O(log items).
 */
class WeightIndex {
  private readonly minimums: Float64Array[] = [];
  private readonly maximums: Float64Array[] = [];
  /** The largest weight (0 without items). */
  readonly heaviest: number;

  constructor(prefix: Float64Array) {
    const count = prefix.length - 1;
    const base = Float64Array.from({ length: count }, (_, index) => (prefix[index + 1] ?? 0) - (prefix[index] ?? 0));
    this.minimums.push(base);
    this.maximums.push(base);
    let heaviest = 0;
    for (const weight of base) heaviest = Math.max(heaviest, weight);
    this.heaviest = heaviest;
    for (let span = 1; 2 * span <= count; span *= 2) {
      const previousMin = this.minimums.at(-1) ?? base;
      const previousMax = this.maximums.at(-1) ?? base;
      const size = count - 2 * span + 1;
      const minimum = new Float64Array(size);
      const maximum = new Float64Array(size);
      for (let index = 0; index < size; index += 1) {
        minimum[index] = Math.min(previousMin[index] ?? 0, previousMin[index + span] ?? 0);
        maximum[index] = Math.max(previousMax[index] ?? 0, previousMax[index + span] ?? 0);
      }
      this.minimums.push(minimum);
      this.maximums.push(maximum);
    }
  }

  /** First index in from..to whose weight is ≤ limit, or −1. */
  firstAtMost(from: number, to: number, limit: number): number {
    return firstMatch(this.minimums, from, to, limit, false);
  }

  /** First index in from..to whose weight is > limit, or −1. */
  firstAbove(from: number, to: number, limit: number): number {
    return firstMatch(this.maximums, from, to, limit, true);
  }
}

/**
 * First index in from..to whose block value is above `limit` (or at most it,
 * when `above` is false). Skips blocks of 2^level items that hold no match,
 * largest blocks first, then steps down.
 */
function firstMatch(levels: readonly Float64Array[], from: number, to: number, limit: number, above: boolean): number {
  let position = from;
  let level = levels.length - 1;
  while (position <= to) {
    while (level > 0 && position + (1 << level) - 1 > to) level -= 1;
    const value = levels[level]?.[position] ?? 0;
    if (above ? value <= limit : value > limit) {
      position += 1 << level;
      continue;
    }
    if (level === 0) return position;
    level -= 1;
  }
  return -1;
}

/**
 * Rules 2 and 3: the least sum of squared loads with no day above `cap`, and
 * among equal sums the latest start for each day from the last backwards.
 * Returns where each day's run starts.
 */
function leastSquaresRuns(prefix: Float64Array, bases: Float64Array, cap: number, corridor: EndRanges): Int32Array {
  const dayCount = bases.length;
  // Every day's choices in one buffer, and two cost rows swapped day by day: no arrays per day.
  const choiceOffsets = new Int32Array(dayCount + 1);
  let widest = 1;
  for (let day = 0; day < dayCount; day += 1) {
    const width = (corridor.high[day] ?? 0) - (corridor.low[day] ?? 0) + 1;
    choiceOffsets[day + 1] = (choiceOffsets[day] ?? 0) + width;
    widest = Math.max(widest, width);
  }
  const choices = new Int32Array(choiceOffsets[dayCount] ?? 0).fill(-1);
  let previousCost = new Float64Array(widest);
  let cost = new Float64Array(widest);
  let previousLow = 0;
  let previousHigh = 0;
  for (let day = 0; day < dayCount; day += 1) {
    const low = corridor.low[day] ?? 0;
    const high = corridor.high[day] ?? 0;
    cost.fill(Number.POSITIVE_INFINITY, 0, high - low + 1);
    const choice = choices.subarray(choiceOffsets[day] ?? 0, choiceOffsets[day + 1] ?? 0);
    const row: DayRow = { prefix, base: bases[day] ?? 0, cap, previousCost, previousLow, low, cost, choice };
    fillRow(row, low, high, previousLow, previousHigh);
    [previousCost, cost] = [cost, previousCost];
    previousLow = low;
    previousHigh = high;
  }
  const startOfDay = new Int32Array(dayCount);
  let end = prefix.length - 1;
  for (let day = dayCount - 1; day >= 0; day -= 1) {
    const start = choices[(choiceOffsets[day] ?? 0) + end - (corridor.low[day] ?? 0)] ?? -1;
    if (start < 0) throw new Error("Balancing found no partition (should be unreachable)");
    startOfDay[day] = start;
    end = start;
  }
  return startOfDay;
}

interface DayRow {
  readonly prefix: Float64Array;
  readonly base: number;
  readonly cap: number;
  /** Best cost of the days before, indexed by their end − previousLow. */
  readonly previousCost: Float64Array;
  readonly previousLow: number;
  readonly low: number;
  readonly cost: Float64Array;
  readonly choice: Int32Array;
}

/**
 * Fills cost/choice for ends firstEnd..lastEnd knowing their best starts lie
 * in startFrom..startTo. The latest best start never moves left as the end
 * moves right (the squared load of a run is Monge), so the middle end's
 * answer splits the start range for both halves.
 */
function fillRow(row: DayRow, firstEnd: number, lastEnd: number, startFrom: number, startTo: number): void {
  if (firstEnd > lastEnd) return;
  const end = (firstEnd + lastEnd) >> 1;
  const endLoad = row.prefix[end] ?? 0;
  let best = Number.POSITIVE_INFINITY;
  let bestStart = -1;
  const lastStart = Math.min(startTo, end - 1);
  for (let start = startFrom; start <= lastStart; start += 1) {
    const before = row.previousCost[start - row.previousLow] ?? Number.POSITIVE_INFINITY;
    if (before === Number.POSITIVE_INFINITY) continue;
    const load = row.base + endLoad - (row.prefix[start] ?? 0);
    if (load > row.cap) continue;
    const candidate = before + load * load;
    if (candidate <= best) {
      best = candidate;
      bestStart = start;
    }
  }
  row.cost[end - row.low] = best;
  row.choice[end - row.low] = bestStart;
  if (bestStart < 0) {
    // No run can end here: no split point to narrow the halves with.
    fillRow(row, firstEnd, end - 1, startFrom, startTo);
    fillRow(row, end + 1, lastEnd, startFrom, startTo);
    return;
  }
  fillRow(row, firstEnd, end - 1, startFrom, bestStart);
  fillRow(row, end + 1, lastEnd, bestStart, startTo);
}

/** Plan rule 1's day for item `index` of `itemCount` over `dayCount` days (fewer items than days): ⌊index·days/items⌋. */
function evenDay(index: number, itemCount: number, dayCount: number): number {
  return Math.floor((index * dayCount) / itemCount);
}

/**
 * Plan rule 2 for fewer items than days: each item on a day of its own, in
 * order (item i on day d[i], d strictly increasing), the days chosen by, in
 * turn:
 *
 * 1. the heaviest day of the section (base load, plus the item on it) as light
 *    as possible: no item goes where base + item passes
 *    max(heaviest base, the least heaviest chosen day any placement reaches);
 * 2. the smallest sum of squared day loads, i.e. each item's w·(2·base + w)
 *    summed, so an item goes to a free day before a loaded one while there is
 *    room;
 * 3. the smallest Σ |d[i] − ⌊i·days/items⌋|: as close to rule 1's even
 *    spacing as 1–2 allow (with no base loads, 1–2 tie everywhere and this
 *    gives rule 1's days exactly);
 * 4. remaining ties: the earliest days, compared item by item from the first
 *    (lexicographically smallest d).
 *
 * Two dynamic programmes over (item i, day j), item i only on days
 * i..days−items+i: a min-max one for 1, then one for 2–3 under 1's cap,
 * with each row's suffix minima for the next item's choice. Cost O(items ·
 * (days − items + 1)) ≤ O(items · days) time, two rows of costs and one
 * Int32 choice per (item, day) state of memory: at most days²/4 states, at
 * half as many items as days (a 520-week section: under 7 MB at 2,600 days,
 * 5 study days a week; about 13 MB at 3,640 days, 7 study days; such a
 * half-full section took 150–350 ms when measured).
 */
export function spreadFewItems(weights: readonly number[], dayBaseLoads: ArrayLike<number>): number[] {
  const itemCount = weights.length;
  const dayCount = dayBaseLoads.length;
  const slack = dayCount - itemCount; // item i may sit on days i..i+slack
  const width = slack + 1;
  const base = (day: number): number => dayBaseLoads[day] ?? 0;
  const weight = (item: number): number => weights[item] ?? 0;

  // 1. best[j − i]: the least heaviest chosen day of items i.. with item i on day j; one row, from the last item back.
  let row = new Float64Array(width);
  let next = new Float64Array(width);
  for (let item = itemCount - 1; item >= 0; item -= 1) {
    let laterBest = Number.POSITIVE_INFINITY; // min over the next item's days after j
    for (let offset = slack; offset >= 0; offset -= 1) {
      const day = item + offset;
      const load = base(day) + weight(item);
      // The next item sits on day ≥ day + 1, i.e. its offset ≥ offset.
      if (item + 1 < itemCount) laterBest = Math.min(laterBest, next[offset] ?? Number.POSITIVE_INFINITY);
      row[offset] = item + 1 < itemCount ? Math.max(load, laterBest) : load;
    }
    [row, next] = [next, row];
  }
  let leastHeaviest = Number.POSITIVE_INFINITY;
  for (let offset = 0; offset <= slack; offset += 1) leastHeaviest = Math.min(leastHeaviest, next[offset] ?? Number.POSITIVE_INFINITY);
  let heaviestBase = 0;
  for (let day = 0; day < dayCount; day += 1) heaviestBase = Math.max(heaviestBase, base(day));
  const cap = Math.max(leastHeaviest, heaviestBase);

  // 2–3. cost of items i.. with item i on day j: (squares, distance), compared in that order; then the earliest day.
  // choice[i·width + offset]: the next item's offset (≥ offset) in a best completion, its earliest on ties.
  const choice = new Int32Array(itemCount * width).fill(-1);
  let squares = new Float64Array(width);
  let distance = new Float64Array(width);
  let nextSquares = new Float64Array(width);
  let nextDistance = new Float64Array(width);
  for (let item = itemCount - 1; item >= 0; item -= 1) {
    const w = weight(item);
    const even = evenDay(item, itemCount, dayCount);
    let bestSquares = Number.POSITIVE_INFINITY;
    let bestDistance = Number.POSITIVE_INFINITY;
    let bestOffset = -1;
    for (let offset = slack; offset >= 0; offset -= 1) {
      const day = item + offset;
      if (item + 1 < itemCount) {
        // Suffix minimum over the next item's offsets ≥ offset; `<=` keeps the earliest among equals.
        const s = nextSquares[offset] ?? Number.POSITIVE_INFINITY;
        const d = nextDistance[offset] ?? Number.POSITIVE_INFINITY;
        if (s < bestSquares || (s === bestSquares && d <= bestDistance)) {
          if (s !== Number.POSITIVE_INFINITY) {
            bestSquares = s;
            bestDistance = d;
            bestOffset = offset;
          }
        }
      }
      const load = base(day) + w;
      if (load > cap || (item + 1 < itemCount && bestOffset < 0)) {
        squares[offset] = Number.POSITIVE_INFINITY;
        distance[offset] = Number.POSITIVE_INFINITY;
        continue;
      }
      const laterSquares = item + 1 < itemCount ? bestSquares : 0;
      const laterDistance = item + 1 < itemCount ? bestDistance : 0;
      squares[offset] = laterSquares + w * (2 * base(day) + w);
      distance[offset] = laterDistance + Math.abs(day - even);
      choice[item * width + offset] = item + 1 < itemCount ? bestOffset : offset;
    }
    [squares, nextSquares] = [nextSquares, squares];
    [distance, nextDistance] = [nextDistance, distance];
  }
  let offset = -1;
  for (let candidate = 0; candidate <= slack; candidate += 1) {
    const s = nextSquares[candidate] ?? Number.POSITIVE_INFINITY;
    if (s === Number.POSITIVE_INFINITY) continue;
    const best = offset < 0 ? undefined : { s: nextSquares[offset] ?? 0, d: nextDistance[offset] ?? 0 };
    if (best === undefined || s < best.s || (s === best.s && (nextDistance[candidate] ?? 0) < best.d)) offset = candidate;
  }
  if (offset < 0) throw new Error("Balancing found no placement (should be unreachable)");
  const dayOfItem = new Array<number>(itemCount);
  for (let item = 0; item < itemCount; item += 1) {
    dayOfItem[item] = item + offset;
    offset = choice[item * width + offset] ?? -1;
  }
  return dayOfItem;
}
