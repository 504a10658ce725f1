import { daysBetween, isoWeekday, localDateOf, type InstantInput } from "./localTime.js";
import type { CohortSettings } from "./scheduleTypes.js";

export interface DayInfo {
  /** Cohort-local date at `now`. */
  readonly localDate: string;
  /** 0 before the start date; otherwise the cohort week, which keeps counting past the last week. */
  readonly weekNumber: number;
  /** Position of the day inside its cohort week, 1..7 (day 1 is the weekday of the start date). */
  readonly dayOfWeekIndex: number;
  /** ISO weekday of `localDate`. */
  readonly weekday: number;
  readonly isStudyDay: boolean;
}

/** Where `now` falls in the cohort's calendar ("Week N · Day D"). */
export function dayInfo(settings: Pick<CohortSettings, "startDate" | "timeZone" | "studyDays">, now: InstantInput): DayInfo {
  return dayInfoOfDate(settings, localDateOf(now, settings.timeZone));
}

/** Where the date `localDate` falls in the cohort's calendar: a member's day (their zone, the 04:00 rollover) as "Week N · Day D". */
export function dayInfoOfDate(settings: Pick<CohortSettings, "startDate" | "studyDays">, localDate: string): DayInfo {
  const daysSinceStart = daysBetween(settings.startDate, localDate);
  const weekday = isoWeekday(localDate);
  return {
    localDate,
    weekNumber: daysSinceStart < 0 ? 0 : Math.floor(daysSinceStart / 7) + 1,
    dayOfWeekIndex: (((daysSinceStart % 7) + 7) % 7) + 1,
    weekday,
    isStudyDay: settings.studyDays.includes(weekday),
  };
}
