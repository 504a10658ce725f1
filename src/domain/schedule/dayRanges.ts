/**
 * Runs of whole days counted from 1970-01-01 (`epochDayOfLocalDate`): days off
 * (cohort break weeks, personal breaks) as data a loop over many days can test
 * with integer comparisons.
 */
import { epochDayOfLocalDateOrNull } from "./localTime.js";

/** Days `from` through `to`, both included; empty when `to` is before `from`. */
export interface DayRange {
  readonly from: number;
  readonly to: number;
}

/** Whether epoch day `day` falls in any of `ranges`. */
export function isInDayRanges(ranges: readonly DayRange[], day: number): boolean {
  for (const range of ranges) if (range.from <= day && day <= range.to) return true;
  return false;
}

/**
 * Calendar weeks `weeks` (1 = the week starting on `startDay`) as day ranges:
 * week w holds the days `calendarWeekOfDate` puts in it.
 */
export function weekDayRanges(startDay: number, weeks: readonly number[]): DayRange[] {
  return weeks.map((week) => ({ from: startDay + 7 * (week - 1), to: startDay + 7 * week - 1 }));
}

/**
 * "YYYY-MM-DD" ranges (both ends included) as day ranges. A range whose ends
 * are not dates (never stored: `/break` checks them) covers no day.
 */
export function localDateRanges(ranges: readonly { readonly from: string; readonly to: string }[]): DayRange[] {
  return ranges.flatMap((range) => {
    const from = epochDayOfLocalDateOrNull(range.from);
    const to = epochDayOfLocalDateOrNull(range.to);
    return from === null || to === null ? [] : [{ from, to }];
  });
}
