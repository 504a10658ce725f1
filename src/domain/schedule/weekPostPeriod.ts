import { calendarWeekStartDate } from "./cohortBreaks.js";
import { startOfLocalDay } from "./localTime.js";
import type { CohortSettings } from "./scheduleTypes.js";

/**
 * The period of a weekly post's row is "week-N" while it is the post of week N's current
 * time. A start-date edit that moves that time sets the row aside as "week-N@<its instant>",
 * freeing "week-N" for the new time; one set aside for an instant the week returns to is
 * taken back, so no week's instant is posted twice.
 */
export function weekPostPeriod(weekNumber: number): string {
  return `week-${weekNumber}`;
}

/** The week of a "week-N" period; null for any other (a set-aside row's among them). */
export function weekNumberOfPeriod(period: string): number | null {
  const match = /^week-(\d{1,4})$/.exec(period);
  return match === null ? null : Number(match[1]);
}

/** The week of a set-aside "week-N@…" period; null for any other. */
export function weekNumberOfSetAsidePeriod(period: string): number | null {
  const match = /^week-(\d{1,4})@/.exec(period);
  return match === null ? null : Number(match[1]);
}

export function setAsideWeekPeriod(weekNumber: number, dueAt: Date): string {
  return `week-${weekNumber}@${dueAt.toISOString()}`;
}

/** When (calendar) week `weekNumber` ends: its live board is edited until then, and closed once after. */
export function weekBoardLiveUntil(settings: Pick<CohortSettings, "startDate" | "timeZone">, weekNumber: number): Date {
  return startOfLocalDay(calendarWeekStartDate(settings.startDate, weekNumber + 1), settings.timeZone);
}
