import { calendarWeekOfDate, calendarWeekStartDate } from "../schedule/cohortBreaks.js";
import { isInDayRanges, type DayRange } from "../schedule/dayRanges.js";
import { addDays, epochDayOfLocalDate, isoWeekday } from "../schedule/localTime.js";

/** How one day of the progress card's grid looks. */
export const StudyDayMark = {
  done: "done",
  missed: "missed",
  /** Missed, but a streak freeze was spent on it: the streak lived on. */
  frozen: "frozen",
  dayOff: "dayOff",
  notStudyDay: "notStudyDay",
  future: "future",
} as const;
export type StudyDayMark = (typeof StudyDayMark)[keyof typeof StudyDayMark];

export interface StudyGridInput {
  /** Member days (`memberDateOf`, or the day a completion was logged for) with at least one completion. */
  readonly activeDates: ReadonlySet<string>;
  /** Study days a streak freeze was spent on (`streakWithFrozenDays`): shown apart from misses. */
  readonly frozenDates: ReadonlySet<string>;
  /** The member day at `now`. */
  readonly today: string;
  /** Cohort break weeks and personal breaks (`MemberPlan.daysOff`): shown as days off, never as misses. */
  readonly daysOff: readonly DayRange[];
  /** First day of week 1: the grid's columns start on its weekday, like the cohort's weeks. */
  readonly startDate: string;
  /** ISO weekdays members study on. */
  readonly studyDays: readonly number[];
  /** Date the member joined: earlier study days are not misses. */
  readonly joinedDate: string;
  /** Exclusive end of the member's course (`MemberPlan.endDate`): later days are no study days, and no week after it is shown. */
  readonly endDate: string;
  readonly weeks: number;
}

export interface StudyGridWeek {
  /** Cohort (calendar) week number. */
  readonly weekNumber: number;
  /** Seven days from the week's first day. */
  readonly days: readonly StudyDayMark[];
}

/**
 * The last `weeks` cohort weeks up to today (fewer early in the course), oldest
 * first, each day marked done, missed (or frozen: missed, a freeze spent), not a study day or still ahead. Today is
 * never a miss before it is over. Before the start: week 1, all ahead. After the
 * member's course: its last weeks (the weeks after it had nothing to read, so
 * nothing to miss).
 */
export function studyDayGrid(input: StudyGridInput): StudyGridWeek[] {
  const lastDay = addDays(input.endDate, -1);
  const current = Math.max(1, calendarWeekOfDate(input.startDate, input.today < lastDay ? input.today : lastDay));
  const first = Math.max(1, current - input.weeks + 1);
  const grid: StudyGridWeek[] = [];
  for (let week = first; week <= current; week += 1) {
    const weekStart = calendarWeekStartDate(input.startDate, week);
    const days = Array.from({ length: 7 }, (_, index) => markOf(input, addDays(weekStart, index)));
    grid.push({ weekNumber: week, days });
  }
  return grid;
}

function markOf(input: StudyGridInput, date: string): StudyDayMark {
  if (date >= input.endDate) return StudyDayMark.notStudyDay;
  if (date > input.today) return StudyDayMark.future;
  if (!input.studyDays.includes(isoWeekday(date))) return StudyDayMark.notStudyDay;
  if (input.activeDates.has(date)) return StudyDayMark.done;
  if (isInDayRanges(input.daysOff, epochDayOfLocalDate(date))) return StudyDayMark.dayOff;
  if (date === input.today) return StudyDayMark.future;
  if (date < input.joinedDate) return StudyDayMark.notStudyDay;
  return input.frozenDates.has(date) ? StudyDayMark.frozen : StudyDayMark.missed;
}
