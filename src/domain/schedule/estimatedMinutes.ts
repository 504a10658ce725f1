import type { PlanItem } from "./scheduleTypes.js";

/** What an item without an estimate counts as, for balancing days and for points. */
export const UNESTIMATED_ITEM_MINUTES = 15;

/** The item's estimate in whole minutes, or the stand-in for items without one. */
export function estimatedMinutes(item: Pick<PlanItem, "minutes">): number {
  if (item.minutes === null || !Number.isFinite(item.minutes)) return UNESTIMATED_ITEM_MINUTES;
  return Math.max(0, Math.round(item.minutes));
}
