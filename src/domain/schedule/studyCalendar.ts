import { addDays, isoWeekday } from "./localTime.js";
import type { CohortSettings } from "./scheduleTypes.js";

/** The dates of a course without its items: what the post times depend on. A CohortPlan is one too. */
export interface StudyCalendar {
  readonly startDate: string;
  readonly totalWeeks: number;
  readonly weeks: readonly { readonly number: number; readonly startDate: string; readonly days: readonly { readonly date: string }[] }[];
}

/**
 * Week n starts on startDate + 7(n−1); its days are the dates of that week
 * whose weekday is a study day, as in buildCohortPlan. No balancing: cheap
 * enough to compute for every cohort on every scheduler tick.
 */
export function studyCalendar(settings: Pick<CohortSettings, "startDate" | "studyDays">, totalWeeks: number): StudyCalendar {
  const isStudyDay = new Set(settings.studyDays);
  const weeks: StudyCalendar["weeks"][number][] = [];
  for (let number = 1; number <= totalWeeks; number += 1) {
    const startDate = addDays(settings.startDate, 7 * (number - 1));
    const days: { date: string }[] = [];
    for (let offset = 0; offset < 7; offset += 1) {
      const date = addDays(startDate, offset);
      if (isStudyDay.has(isoWeekday(date))) days.push({ date });
    }
    weeks.push({ number, startDate, days });
  }
  return { startDate: settings.startDate, totalWeeks, weeks };
}
