import { isoWeekday } from "./localTime.js";
import type { MemberPlan } from "./memberPlan.js";
import { memberWeekItems } from "./memberStatus.js";
import type { AssignedItem, PlanDay, PlanWeek } from "./scheduleTypes.js";

/**
 * Calendar week `week` of the cohort as the member reads it (`/week`): the
 * cohort's dates and sections, each day carrying what the member's own plan
 * has due then (extensions, catch-ups), not the cohort's items. Days of the
 * cohort's week stay listed even when empty; a catch-up day outside them is added.
 */
export function memberPlanWeek(week: PlanWeek, plan: MemberPlan): PlanWeek {
  const entries = memberWeekItems(plan, week.number);
  const dates = [...new Set([...week.days.map((day) => day.date), ...entries.map((entry) => entry.dueDate)])].sort();
  const days = dates.map((date): PlanDay => {
    const items: AssignedItem[] = entries.filter((entry) => entry.dueDate === date).map((entry) => ({ ...entry.item, assignedDate: date }));
    return {
      date,
      weekday: isoWeekday(date),
      items,
      minutes: items.reduce((sum, item) => sum + (item.minutes ?? 0), 0),
      unestimatedItems: items.filter((item) => item.minutes === null).length,
    };
  });
  return {
    ...week,
    days,
    totalMinutes: days.reduce((sum, day) => sum + day.minutes, 0),
    unestimatedItems: days.reduce((sum, day) => sum + day.unestimatedItems, 0),
  };
}
