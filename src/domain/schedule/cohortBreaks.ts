/**
 * Cohort break weeks (`/cohort break`).
 *
 * A break is stored as a *calendar* week number — the week members saw as
 * "Week n" when the break was set — because a break is a date range (a holiday
 * week), not a piece of the curriculum: adding a second, earlier break leaves
 * the first on its dates. Curriculum week w is read in the w-th calendar week
 * that is not a break; the course ends with its last week, breaks included.
 *
 * The plan is still balanced for the unbroken calendar (`buildCohortPlan`):
 * a break moves whole weeks by 7 days, so weekdays and each day's load are
 * unchanged. `applyCohortBreaks` then moves every date, and hands back a plan
 * and curriculum numbered in calendar weeks, so `plannedPosts` and
 * `currentWeekNumber` follow the breaks without knowing about them.
 */
import { currentWeekNumber } from "./currentWeekNumber.js";
import { weekDayRanges, type DayRange } from "./dayRanges.js";
import { addDays, daysBetween, epochDayOfLocalDate, isoWeekday, localDateOf, zonedInstant, type InstantInput } from "./localTime.js";
import type { AssignedItem, CohortPlan, CohortSettings, PlanCurriculum, PlanDay, PlanSection, PlanWeek } from "./scheduleTypes.js";
import { sectionWeekRange } from "./sectionWeekRange.js";
import { studyCalendar, type StudyCalendar } from "./studyCalendar.js";

/** What the calendar functions need to know about a cohort. */
export interface BreakCalendar {
  /** Cohort-local first day of week 1. */
  readonly startDate: string;
  readonly timeZone: string;
  /** Weeks of reading: the curriculum's `totalWeeks`. */
  readonly curriculumWeeks: number;
  /** Calendar weeks that are breaks, as stored (any order; see `effectiveBreakWeeks`). */
  readonly breakWeeks: readonly number[];
}

/**
 * The stored break weeks that take effect, ascending: duplicates and
 * non-weeks are dropped, and so is a break with no reading left after it
 * (it would only lengthen the course with nothing in it).
 */
export function effectiveBreakWeeks(curriculumWeeks: number, breakWeeks: readonly number[]): number[] {
  const sorted = [...new Set(breakWeeks)].filter((week) => Number.isInteger(week) && week >= 1).sort((a, b) => a - b);
  const kept: number[] = [];
  for (const week of sorted) if (week <= curriculumWeeks + kept.length) kept.push(week);
  return kept;
}

/** Calendar weeks of the whole course: reading weeks plus breaks. */
export function calendarWeekCount(calendar: Pick<BreakCalendar, "curriculumWeeks" | "breakWeeks">): number {
  return calendar.curriculumWeeks + effectiveBreakWeeks(calendar.curriculumWeeks, calendar.breakWeeks).length;
}

/** Whether calendar week `week` is a break. */
export function isBreakWeek(calendar: Pick<BreakCalendar, "curriculumWeeks" | "breakWeeks">, week: number): boolean {
  return effectiveBreakWeeks(calendar.curriculumWeeks, calendar.breakWeeks).includes(week);
}

/**
 * The calendar week curriculum week `curriculumWeek` is read in. `sortedBreaks`
 * must be ascending (as `effectiveBreakWeeks` gives). Works past the last
 * curriculum week too, which a member's extension needs.
 */
export function calendarWeekOf(curriculumWeek: number, sortedBreaks: readonly number[]): number {
  let week = curriculumWeek;
  for (const breakWeek of sortedBreaks) if (breakWeek <= week) week += 1;
  return week;
}

/**
 * The calendar week the course's reading starts in: week 1, or the first week after the break weeks that open the
 * course. Joining after it is a late join; before its end, nothing earlier was assigned.
 */
export function firstReadingWeek(calendar: Pick<BreakCalendar, "curriculumWeeks" | "breakWeeks">): number {
  return calendarWeekOf(1, effectiveBreakWeeks(calendar.curriculumWeeks, calendar.breakWeeks));
}

/**
 * Whether `joinDay` (the member's day of the join: their zone, the 04:00 rollover) comes after the last study day of the first reading week
 * (`firstReadingWeek`): everything that week assigned was due before it. A week without study days has none to
 * be past.
 */
export function isPastFirstReadingDays(
  calendar: Pick<BreakCalendar, "startDate" | "curriculumWeeks" | "breakWeeks">,
  studyDays: readonly number[],
  joinDay: string,
): boolean {
  const weekStart = calendarWeekStartDate(calendar.startDate, firstReadingWeek(calendar));
  let lastStudyDay: string | null = null;
  for (let offset = 0; offset < 7; offset += 1) {
    const date = addDays(weekStart, offset);
    if (studyDays.includes(isoWeekday(date))) lastStudyDay = date;
  }
  return lastStudyDay !== null && joinDay > lastStudyDay;
}

/** The curriculum week read in calendar week `calendarWeek`; null for a break week. */
export function curriculumWeekOf(calendarWeek: number, sortedBreaks: readonly number[]): number | null {
  if (sortedBreaks.includes(calendarWeek)) return null;
  return calendarWeek - sortedBreaks.filter((breakWeek) => breakWeek < calendarWeek).length;
}

/**
 * After break week `week` (and any break weeks right after it): the calendar week reading resumes with,
 * and its first day (`weeks`: the calendar's weeks, breaks included; past the last one, the course's end).
 */
export function resumption(
  breakWeeks: readonly number[],
  weeks: readonly { readonly startDate: string; readonly endDate: string }[],
  week: number,
): { readonly nextWeek: number; readonly resumesOn: string } {
  let nextWeek = week + 1;
  while (breakWeeks.includes(nextWeek)) nextWeek += 1;
  return { nextWeek, resumesOn: weeks[nextWeek - 1]?.startDate ?? weeks.at(-1)?.endDate ?? "" };
}

/** Calendar week of a cohort-local date (0 or less before the start; not capped at the end). */
export function calendarWeekOfDate(startDate: string, localDate: string): number {
  return Math.floor(daysBetween(startDate, localDate) / 7) + 1;
}

/** Whether a cohort-local date falls in a break week. */
export function isBreakDate(calendar: Pick<BreakCalendar, "startDate" | "curriculumWeeks" | "breakWeeks">, localDate: string): boolean {
  return isBreakWeek(calendar, calendarWeekOfDate(calendar.startDate, localDate));
}

/** The days `isBreakDate` answers true for, as epoch-day ranges (for streaks, which test every day). */
export function breakDayRanges(calendar: Pick<BreakCalendar, "startDate" | "curriculumWeeks" | "breakWeeks">): DayRange[] {
  return weekDayRanges(epochDayOfLocalDate(calendar.startDate), effectiveBreakWeeks(calendar.curriculumWeeks, calendar.breakWeeks));
}

/** First day of calendar week `week`. */
export function calendarWeekStartDate(startDate: string, week: number): string {
  return addDays(startDate, 7 * (week - 1));
}

/** The day after the course's last week (breaks included): exclusive end of the course. */
export function courseEndDate(calendar: Omit<BreakCalendar, "timeZone">): string {
  return calendarWeekStartDate(calendar.startDate, calendarWeekCount(calendar) + 1);
}

/**
 * Exclusive end of a member's own course: the course's (`courseEndDate`), or their own plan's
 * (`MemberPlan.endDate`) when it runs later (`/pace extend`: they read on in those weeks).
 */
export function ownCourseEndDate(courseEnd: string, planEnd: string): string {
  return planEnd > courseEnd ? planEnd : courseEnd;
}

/**
 * The cohort-local day `/cohort end` (at `endedAt`) ended the course, when that came before its planned last
 * day; null when it was not ended, or ended on that last day or later: the course then ran to its planned
 * end and reads as finished everywhere (closing post, course summary, final board, /cohort info).
 */
export function endedEarlyOn(endedAt: InstantInput | null, calendar: BreakCalendar): string | null {
  if (endedAt === null) return null;
  const endedOn = localDateOf(endedAt, calendar.timeZone);
  // The stored end is exclusive: the planned last day is the day before it.
  return endedOn < addDays(courseEndDate(calendar), -1) ? endedOn : null;
}

/**
 * Whether `/cohort end` (at `endedAt`) came before the course's planned last day (`endedEarlyOn`): the cohort then
 * reads as ended; an end on that day or later, or none, as finished. Every "ended or finished?" answer reads this.
 */
export function wasEndedEarly(endedAt: InstantInput | null, calendar: BreakCalendar): boolean {
  return endedEarlyOn(endedAt, calendar) !== null;
}

/** Whether the cohort's last week (breaks included) is over at `now`, in the cohort's zone. */
export function courseHasEnded(calendar: BreakCalendar, now: InstantInput): boolean {
  return localDateOf(now, calendar.timeZone) >= courseEndDate(calendar);
}

/**
 * The instant the cohort's last week (breaks included) is over, in the cohort's zone: from then on `courseHasEnded`,
 * and reading logged counts for no week of the course (its weeks turn at midnight, cohort-local).
 */
export function courseEndInstant(calendar: BreakCalendar): Date {
  return zonedInstant(courseEndDate(calendar), "00:00", calendar.timeZone);
}

/**
 * Whether a course of `weeks` weeks is over at `now` for the cohort of `calendar` when one of `previousWeeks`
 * was not: a shorter curriculum ends it at once (its closing post due only from the import).
 */
export function endedByShorterCourse(
  calendar: Omit<BreakCalendar, "curriculumWeeks">,
  weeks: number,
  previousWeeks: number,
  now: InstantInput,
): boolean {
  return (
    weeks < previousWeeks &&
    courseHasEnded({ ...calendar, curriculumWeeks: weeks }, now) &&
    !courseHasEnded({ ...calendar, curriculumWeeks: previousWeeks }, now)
  );
}

/** The calendar week at `now`: 0 before the start, count + 1 once over (as `currentWeekNumber`). */
export function calendarWeekAt(calendar: BreakCalendar, now: InstantInput): number {
  return currentWeekNumber({ startDate: calendar.startDate, timeZone: calendar.timeZone, totalWeeks: calendarWeekCount(calendar) }, now);
}

/**
 * Where a date of the unbroken plan lands once breaks (and, for a member,
 * `extraWeeks` of extension) are applied: same weekday, whole weeks later.
 */
export function shiftPlanDate(planDate: string, startDate: string, sortedBreaks: readonly number[], extraWeeks = 0): string {
  const curriculumWeek = calendarWeekOfDate(startDate, planDate);
  if (curriculumWeek < 1) return planDate;
  return addDays(planDate, 7 * (calendarWeekOf(curriculumWeek + extraWeeks, sortedBreaks) - curriculumWeek));
}

export const BreakProblem = {
  NotAWeek: "not_a_week",
  AlreadyBreak: "already_break",
  NotABreak: "not_a_break",
  AlreadyStarted: "already_started",
} as const;
export type BreakProblem = (typeof BreakProblem)[keyof typeof BreakProblem];

/**
 * Why `/cohort break week:<week> [undo]` cannot be done at `now`, or null. Only
 * weeks that have not begun can change: members already read (and were
 * scored) by the current week's dates.
 */
export function checkBreakChange(calendar: BreakCalendar, week: number, undo: boolean, now: InstantInput): BreakProblem | null {
  const breaks = effectiveBreakWeeks(calendar.curriculumWeeks, calendar.breakWeeks);
  if (!Number.isInteger(week) || week < 1 || week > calendarWeekCount(calendar)) return BreakProblem.NotAWeek;
  if (undo && !breaks.includes(week)) return BreakProblem.NotABreak;
  if (!undo && breaks.includes(week)) return BreakProblem.AlreadyBreak;
  const today = localDateOf(now, calendar.timeZone);
  if (calendarWeekStartDate(calendar.startDate, week) <= today) return BreakProblem.AlreadyStarted;
  return null;
}

/** The cohort's plan and curriculum in calendar weeks. */
export interface CalendarPlan {
  readonly plan: CohortPlan;
  /** Sections with their week ranges in calendar weeks (first to last reading week). */
  readonly curriculum: PlanCurriculum;
  /** Effective break weeks, ascending. */
  readonly breakWeeks: readonly number[];
}

/**
 * `plan` (built by `buildCohortPlan` for the unbroken calendar) with the
 * breaks applied: every date moved, weeks numbered in calendar weeks, break
 * weeks present with no study days. Without breaks the inputs come back as
 * they are.
 */
export function applyCohortBreaks(plan: CohortPlan, curriculum: PlanCurriculum, breakWeeks: readonly number[]): CalendarPlan {
  const breaks = effectiveBreakWeeks(plan.totalWeeks, breakWeeks);
  if (breaks.length === 0) return { plan, curriculum, breakWeeks: breaks };
  const shift = (date: string): string => shiftPlanDate(date, plan.startDate, breaks);
  const { sections } = calendarCurriculum(curriculum, breaks);
  const sectionByKey = new Map(sections.map((section) => [section.key, section]));

  const totalWeeks = plan.totalWeeks + breaks.length;
  const dayByDate = new Map<string, PlanDay>();
  const weeks: PlanWeek[] = [];
  for (let number = 1; number <= totalWeeks; number += 1) {
    const base = plan.weeks[(curriculumWeekOf(number, breaks) ?? 0) - 1];
    const days = (base?.days ?? []).map((day) => shiftDay(day, shift));
    for (const day of days) dayByDate.set(day.date, day);
    weeks.push({
      number,
      startDate: calendarWeekStartDate(plan.startDate, number),
      endDate: calendarWeekStartDate(plan.startDate, number + 1),
      sections: (base?.sections ?? []).map((section) => sectionByKey.get(section.key) ?? section),
      days,
      totalMinutes: base?.totalMinutes ?? 0,
      unestimatedItems: base?.unestimatedItems ?? 0,
    });
  }
  const assignedDateByItemId = new Map([...plan.assignedDateByItemId].map(([id, date]) => [id, shift(date)]));
  return {
    plan: { ...plan, totalWeeks, weeks, dayByDate, assignedDateByItemId },
    curriculum: { totalWeeks, sections },
    breakWeeks: breaks,
  };
}

/** The curriculum in calendar weeks, as `applyCohortBreaks` gives it; `sortedBreaks` as `effectiveBreakWeeks` gives them. */
export function calendarCurriculum(curriculum: PlanCurriculum, sortedBreaks: readonly number[]): PlanCurriculum {
  return {
    totalWeeks: curriculum.totalWeeks + sortedBreaks.length,
    sections: curriculum.sections.map((section) => calendarSection(section, curriculum.totalWeeks, sortedBreaks)),
  };
}

/**
 * The dates of the plan `applyCohortBreaks` gives, without building it: a
 * break moves whole weeks, so calendar week n holds the study days of its
 * own dates, and none in a break week. What the post times of a cohort with
 * breaks depend on. `sortedBreaks` as `effectiveBreakWeeks` gives them.
 */
export function calendarWithBreaks(
  settings: Pick<CohortSettings, "startDate" | "studyDays">,
  curriculumWeeks: number,
  sortedBreaks: readonly number[],
): StudyCalendar {
  const unbroken = studyCalendar(settings, curriculumWeeks + sortedBreaks.length);
  const breaks = new Set(sortedBreaks);
  return { ...unbroken, weeks: unbroken.weeks.map((week) => (breaks.has(week.number) ? { ...week, days: [] } : week)) };
}

function shiftDay(day: PlanDay, shift: (date: string) => string): PlanDay {
  const date = shift(day.date);
  return { ...day, date, items: day.items.map((item): AssignedItem => ({ ...item, assignedDate: date })) };
}

/** A section's week range moved to calendar weeks (so its checkpoint lands after its last reading week). */
function calendarSection(section: PlanSection, curriculumWeeks: number, breaks: readonly number[]): PlanSection {
  const { firstWeek, lastWeek } = sectionWeekRange(section, curriculumWeeks);
  return { ...section, weekStart: calendarWeekOf(firstWeek, breaks), weekEnd: calendarWeekOf(lastWeek, breaks) };
}
