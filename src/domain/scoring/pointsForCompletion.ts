import { estimatedMinutes } from "../schedule/estimatedMinutes.js";
import { endOfLocalDay, toEpochMillis, type InstantInput } from "../schedule/localTime.js";
import type { PlanItem } from "../schedule/scheduleTypes.js";

/** On-time bonus in percent of the item's points. */
export const ON_TIME_BONUS_PERCENT = 20;

export interface CompletionPoints {
  readonly points: number;
  /** Completed before the end of its assigned cohort-local day. */
  readonly onTime: boolean;
}

/**
 * Points for completing an item: its estimated minutes (15 without an
 * estimate), plus 20 % rounded to the nearest point when it is done before its
 * assigned cohort-local day ends. Reference items earn nothing; so does
 * nothing get a bonus when it has no assigned day (e.g. an Optional item in a
 * cohort that leaves them out).
 */
export function pointsForCompletion(
  item: Pick<PlanItem, "kind" | "minutes">,
  completedAt: InstantInput,
  assignedDate: string | null,
  timeZone: string,
): CompletionPoints {
  if (item.kind === "Reference") return { points: 0, onTime: false };
  const base = estimatedMinutes(item);
  const onTime = assignedDate !== null && toEpochMillis(completedAt) < endOfLocalDay(assignedDate, timeZone).getTime();
  // Integer arithmetic before dividing keeps 25 → 30 exact (25 * 1.2 is 30.000000000000004).
  const points = onTime ? Math.round((base * (100 + ON_TIME_BONUS_PERCENT)) / 100) : base;
  return { points, onTime };
}
