import { addDays, isoWeekday } from "./localTime.js";
import type { CohortPlan } from "./scheduleTypes.js";

export interface RequiredItemDue {
  readonly itemId: number;
  /** The estimate, 0 when the curriculum gives none. */
  readonly minutes: number;
  /** Assigned before `today`: not done by now means behind. */
  readonly due: boolean;
}

/**
 * THE rule of "behind" for the roster and the confidence map: every Required
 * item the plan assigns, and whether it was due before `today`. It reads the
 * cohort's plan today; when members get plans of their own, this is the one
 * place to switch (today's reading counts neither way, as in memberPace).
 */
export function requiredItemsDue(plan: CohortPlan, today: string): RequiredItemDue[] {
  const items: RequiredItemDue[] = [];
  for (const week of plan.weeks)
    for (const day of week.days)
      for (const item of day.items)
        if (item.kind === "Required") items.push({ itemId: item.id, minutes: item.minutes ?? 0, due: item.assignedDate < today });
  return items;
}

/** How many study days without a completion make a member quiet. */
export const QUIET_STUDY_DAYS = 5;

/**
 * The first of the last `QUIET_STUDY_DAYS` study days up to `today` (today
 * included when it is one): no completion since then is quiet. Null while the
 * course has not yet had that many study days.
 */
export function quietSinceDate(
  plan: Pick<CohortPlan, "startDate" | "studyDays">,
  today: string,
  studyDays = QUIET_STUDY_DAYS,
): string | null {
  if (plan.studyDays.length === 0) return null;
  let found = 0;
  for (let date = today; date >= plan.startDate; date = addDays(date, -1)) {
    if (!plan.studyDays.includes(isoWeekday(date))) continue;
    found += 1;
    if (found === studyDays) return date;
  }
  return null;
}
