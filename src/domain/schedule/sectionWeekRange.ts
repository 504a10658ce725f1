import type { PlanSection } from "./scheduleTypes.js";

export interface WeekRange {
  readonly firstWeek: number;
  readonly lastWeek: number;
}

/**
 * The weeks a section is read in, kept inside 1..totalWeeks so a heading that
 * overshoots the course (or is written backwards) still lands on real weeks.
 */
export function sectionWeekRange(section: Pick<PlanSection, "weekStart" | "weekEnd">, totalWeeks: number): WeekRange {
  const clamp = (week: number): number => Math.min(Math.max(Math.trunc(week), 1), totalWeeks);
  const firstWeek = clamp(Math.min(section.weekStart, section.weekEnd));
  const lastWeek = clamp(Math.max(section.weekStart, section.weekEnd));
  return { firstWeek, lastWeek };
}
