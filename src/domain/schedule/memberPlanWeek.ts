import { memberEstimate } from "./choiceSlots.js";
import { calendarWeekOf, calendarWeekStartDate } from "./cohortBreaks.js";
import { addDays, daysBetween, isoWeekday } from "./localTime.js";
import type { MemberPlan } from "./memberPlan.js";
import { memberWeekItems } from "./memberStatus.js";
import type { AssignedItem, PlanDay, PlanSection, PlanWeek } from "./scheduleTypes.js";

/**
 * Calendar weeks of the member's own plan: the cohort's, and after its last those their plan still runs
 * in (a member who finishes late, `/pace extend`).
 */
export function memberTotalWeeks(cohortWeeks: number, plan: Pick<MemberPlan, "startDate" | "endDate">): number {
  return Math.max(cohortWeeks, Math.ceil(daysBetween(plan.startDate, plan.endDate) / 7));
}

/**
 * Calendar week `number` after the cohort's last, in the member's plan (an extension's week): its study
 * days, none of the cohort's reading. `memberPlanWeek` then fills in their items and sections.
 */
export function extraPlanWeek(number: number, plan: MemberPlan): PlanWeek {
  const startDate = calendarWeekStartDate(plan.startDate, number);
  const dates = Array.from({ length: 7 }, (_, offset) => addDays(startDate, offset));
  const days = dates
    .filter((date) => plan.studyDays.includes(isoWeekday(date)))
    .map((date): PlanDay => ({ date, weekday: isoWeekday(date), items: [], minutes: 0, unestimatedItems: 0 }));
  return { number, startDate, endDate: addDays(startDate, 7), sections: [], days, totalMinutes: 0, unestimatedItems: 0 };
}

/**
 * Calendar week `week` of the cohort as the member reads it (`/week`): the
 * cohort's dates, each day carrying what the member's own plan has due then
 * (extensions, catch-ups), not the cohort's items, headed by the sections of
 * its own calendar (memberSections). Days of the cohort's week stay listed even when
 * empty; a catch-up day outside them is added.
 */
export function memberPlanWeek(
  week: PlanWeek,
  plan: MemberPlan,
  doneItemIds: ReadonlySet<number>,
  cohortWeeks: readonly PlanWeek[],
): PlanWeek {
  const entries = memberWeekItems(plan, week.number);
  const dates = [...new Set([...week.days.map((day) => day.date), ...entries.map((entry) => entry.dueDate)])].sort();
  const days = dates.map((date): PlanDay => {
    // A done "choose one" slot weighs the track read, as /today and /progress count it.
    const items: AssignedItem[] = entries
      .filter((entry) => entry.dueDate === date)
      .map((entry) => ({ ...entry.item, minutes: memberEstimate(entry.item, doneItemIds), assignedDate: date }));
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
    sections: memberSections(week, plan, cohortWeeks),
    days,
    totalMinutes: days.reduce((sum, day) => sum + day.minutes, 0),
    unestimatedItems: days.reduce((sum, day) => sum + day.unestimatedItems, 0),
  };
}

/**
 * The sections heading the member's week: those of the cohort's week whose reading their calendar puts here
 * (`extraWeeks` later, break weeks kept), each with its weeks on that calendar, so a section with no reading that
 * week, only reference items, moves with it too. A catch-up adds none: its items are listed under the days, and
 * heading every section they came from would crowd out the week's own (a late joiner's backlog).
 */
function memberSections(week: PlanWeek, plan: MemberPlan, cohortWeeks: readonly PlanWeek[]): readonly PlanSection[] {
  if (plan.extraWeeks === 0) return week.sections;
  const breaks = plan.breakWeeks;
  if (breaks.includes(week.number)) return [];
  const curriculumWeek = week.number - breaks.filter((breakWeek) => breakWeek < week.number).length - plan.extraWeeks;
  if (curriculumWeek < 1) return [];
  const source = cohortWeeks[calendarWeekOf(curriculumWeek, breaks) - 1];
  const memberWeek = (cohortWeek: number): number =>
    calendarWeekOf(cohortWeek - breaks.filter((breakWeek) => breakWeek < cohortWeek).length + plan.extraWeeks, breaks);
  return (source?.sections ?? []).map((section) => ({
    ...section,
    weekStart: memberWeek(section.weekStart),
    weekEnd: memberWeek(section.weekEnd),
  }));
}
