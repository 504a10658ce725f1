import { memberEstimate } from "./choiceSlots.js";
import { calendarWeekStartDate } from "./cohortBreaks.js";
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
 * days, none of the cohort's reading, and the sections of the member's items due then (`sectionsByKey`).
 * `memberPlanWeek` then fills in their items.
 */
export function extraPlanWeek(number: number, plan: MemberPlan, sectionsByKey: ReadonlyMap<string, PlanSection>): PlanWeek {
  const startDate = calendarWeekStartDate(plan.startDate, number);
  const dates = Array.from({ length: 7 }, (_, offset) => addDays(startDate, offset));
  const days = dates
    .filter((date) => plan.studyDays.includes(isoWeekday(date)))
    .map((date): PlanDay => ({ date, weekday: isoWeekday(date), items: [], minutes: 0, unestimatedItems: 0 }));
  const keys = new Set(memberWeekItems(plan, number).map((entry) => entry.item.sectionKey));
  const sections = [...keys].flatMap((key) => {
    const section = sectionsByKey.get(key);
    return section === undefined ? [] : [section];
  });
  return { number, startDate, endDate: addDays(startDate, 7), sections, days, totalMinutes: 0, unestimatedItems: 0 };
}

/**
 * Calendar week `week` of the cohort as the member reads it (`/week`): the
 * cohort's dates, each day carrying what the member's own plan has due then
 * (extensions, catch-ups), not the cohort's items, and the sections of that
 * reading (memberSections). Days of the cohort's week stay listed even when
 * empty; a catch-up day outside them is added.
 */
export function memberPlanWeek(
  week: PlanWeek,
  plan: MemberPlan,
  doneItemIds: ReadonlySet<number>,
  sectionsByKey: ReadonlyMap<string, PlanSection>,
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
    sections: memberSections(week, new Set(entries.map((entry) => entry.item.sectionKey)), sectionsByKey),
    days,
    totalMinutes: days.reduce((sum, day) => sum + day.minutes, 0),
    unestimatedItems: days.reduce((sum, day) => sum + day.unestimatedItems, 0),
  };
}

/**
 * The sections heading the member's week: a cohort section whose reading that week the member's plan moved
 * elsewhere (an extension) goes, a section whose reading it moved in comes, in curriculum order. A cohort
 * section with no reading that week in the cohort's plan either stays, as the weekly post lists it.
 */
function memberSections(week: PlanWeek, memberKeys: ReadonlySet<string>, sectionsByKey: ReadonlyMap<string, PlanSection>): PlanSection[] {
  const cohortKeys = new Set(week.days.flatMap((day) => day.items.map((item) => item.sectionKey)));
  const kept = week.sections.filter((section) => memberKeys.has(section.key) || !cohortKeys.has(section.key));
  const keptKeys = new Set(kept.map((section) => section.key));
  const added = [...memberKeys].flatMap((key) => {
    const section = sectionsByKey.get(key);
    return section === undefined || keptKeys.has(key) ? [] : [section];
  });
  return [...kept, ...added].sort((a, b) => a.position - b.position);
}
