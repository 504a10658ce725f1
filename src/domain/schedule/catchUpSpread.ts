/**
 * How `/pace mode:catch_up` spreads a backlog over the member's next study days.
 */
import { estimatedMinutes } from "./estimatedMinutes.js";
import type { CohortPlan } from "./scheduleTypes.js";

/** `/pace days:` bounds and default. */
export const CATCH_UP_DAYS = { min: 2, max: 20, default: 5 } as const;

/** A catch-up day never carries more than this many average study days. */
export const CATCH_UP_CAP_FACTOR = 2;

/** Scanning this far without placing everything means the member has no study days left. */
const MAX_SPREAD_DAYS = 3660;

/**
 * The cohort's average study day, in minutes: every assigned item (Required,
 * plus Optional when the cohort includes them) weighed as balancing and
 * scoring weigh it (its estimate, 15 without one), divided by the study days
 * of the plan's reading weeks (break weeks have none). Measured on the
 * cohort's plan, not the member's, so every member gets the same cap.
 */
export function averageStudyDayMinutes(plan: CohortPlan): number {
  const days = plan.weeks.flatMap((week) => week.days);
  if (days.length === 0) return 0;
  const minutes = days.reduce((sum, day) => sum + day.items.reduce((daySum, item) => daySum + estimatedMinutes(item), 0), 0);
  return minutes / days.length;
}

/** The most minutes a day with catch-up reading may carry in all. */
export function catchUpCap(plan: CohortPlan): number {
  return CATCH_UP_CAP_FACTOR * averageStudyDayMinutes(plan);
}

export interface SpreadRequest {
  /** The backlog's items in reading order (oldest first), as estimated minutes. */
  readonly weights: readonly number[];
  /** How many study days the member asked to spread over (`days`). */
  readonly windowDays: number;
  readonly cap: number;
  /** The member's i-th study day from the day the catch-up starts (0 = first). */
  readonly dayAt: (index: number) => string;
  /** Minutes a date already carries in the member's plan (their own reading). */
  readonly ownLoad: (date: string) => number;
}

/** Where `spreadCatchUp` puts a backlog. */
export interface CatchUpSpread {
  /** Per backlog item, in the order given, the date it moves to. */
  readonly dates: string[];
}

/**
 * The date each backlog item moves to. Items keep their order (day by day,
 * never reordered). Inside the window each day aims at an even total: the
 * backlog left plus the own reading of the window's remaining days, shared
 * equally, so days with heavy own reading take less; an item joins a day when
 * its midpoint fits that day's share, and never when the day would pass the
 * cap. What does not fit under the cap by the last window day continues on
 * the following study days, each filled up to the cap: the cap holds, the
 * window stretches. An item heavier than the cap on its own cannot fit
 * anywhere; it takes the next day that has no other catch-up item, alone.
 */
export function spreadCatchUp(request: SpreadRequest): CatchUpSpread {
  const { weights, windowDays, cap, dayAt, ownLoad } = request;
  const windowLoads = Array.from({ length: windowDays }, (_, index) => ownLoad(dayAt(index)));
  let remaining = weights.reduce((sum, weight) => sum + weight, 0);
  const dates: string[] = [];
  for (let day = 0; dates.length < weights.length; day += 1) {
    if (day > MAX_SPREAD_DAYS) throw new RangeError("No study days left to spread a catch-up over");
    const date = dayAt(day);
    const own = day < windowDays ? (windowLoads[day] ?? 0) : ownLoad(date);
    const quota = day < windowDays ? evenTotal(remaining, windowLoads.slice(day)) - own : Number.POSITIVE_INFINITY;
    let added = 0;
    let count = 0;
    while (dates.length < weights.length) {
      const weight = weights[dates.length] ?? 0;
      const oversized = weight > cap;
      if (oversized ? count > 0 : own + added + weight > cap || added + weight / 2 > quota) break;
      dates.push(date);
      added += weight;
      remaining -= weight;
      count += 1;
      if (oversized) break;
    }
  }
  return { dates };
}

/** Each remaining window day's fair total: backlog left plus their own reading, shared equally. */
function evenTotal(backlog: number, ownLoads: readonly number[]): number {
  return (backlog + ownLoads.reduce((sum, load) => sum + load, 0)) / ownLoads.length;
}
