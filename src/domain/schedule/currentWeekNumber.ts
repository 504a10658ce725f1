import { daysBetween, localDateOf, type InstantInput } from "./localTime.js";

export interface CohortCalendar {
  readonly startDate: string;
  readonly timeZone: string;
  readonly totalWeeks: number;
}

/**
 * The cohort week at `now`: 0 before the start date, 1..totalWeeks while the
 * course runs, totalWeeks + 1 once it is over. Accepts a `CohortPlan`.
 */
export function currentWeekNumber(calendar: CohortCalendar, now: InstantInput): number {
  return weekNumberOfDate(calendar, localDateOf(now, calendar.timeZone));
}

/** `currentWeekNumber` of a date: a member's day (their zone, the 04:00 rollover) rather than the cohort's at `now`. */
export function weekNumberOfDate(calendar: Pick<CohortCalendar, "startDate" | "totalWeeks">, localDate: string): number {
  const daysSinceStart = daysBetween(calendar.startDate, localDate);
  if (daysSinceStart < 0) return 0;
  return Math.min(Math.floor(daysSinceStart / 7) + 1, calendar.totalWeeks + 1);
}
