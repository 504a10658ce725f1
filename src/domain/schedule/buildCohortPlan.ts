import { balanceItems } from "./balanceItems.js";
import { estimatedMinutes } from "./estimatedMinutes.js";
import { addDays, isoWeekday } from "./localTime.js";
import type {
  AssignedItem,
  CohortPlan,
  CohortSettings,
  PlanCurriculum,
  PlanDay,
  PlanItem,
  PlanSection,
  PlanWeek,
} from "./scheduleTypes.js";
import { sectionWeekRange } from "./sectionWeekRange.js";
import { assertValidCohortSettings } from "./validateCohortSettings.js";

/** Sorts by `position`, falling back to input order so equal positions stay deterministic. */
function inPositionOrder<T extends { readonly position: number }>(entries: readonly T[]): T[] {
  return entries
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => a.entry.position - b.entry.position || a.index - b.index)
    .map(({ entry }) => entry);
}

function isAssigned(item: PlanItem, includeOptional: boolean): boolean {
  return item.kind === "Required" || (item.kind === "Optional" && includeOptional);
}

/**
 * The cohort's plan: which items are read on which cohort-local day.
 *
 * Week n covers [start + 7(n−1), start + 7n); its study days are the dates in
 * that range whose weekday is a study day (so a Wednesday start still studies
 * Monday–Friday). A section with weeks a–b is read on the study days of weeks
 * a..b. Sections are placed in curriculum order; each spreads its assigned items
 * over its days with `balanceItems`, counting what earlier overlapping sections
 * already put on those days, so a shared day carries items of both sections
 * and the shared load stays even. Estimates drive the balance; items without
 * one weigh the same fixed amount, so a section of unestimated topics is spread
 * evenly. Pure: the same inputs give the same plan.
 */
export function buildCohortPlan(curriculum: PlanCurriculum, settings: CohortSettings): CohortPlan {
  assertValidCohortSettings(settings);
  const totalWeeks = curriculum.totalWeeks;
  if (!Number.isInteger(totalWeeks) || totalWeeks < 1) {
    throw new RangeError(`A curriculum needs at least one whole week, got ${totalWeeks}`);
  }
  const studyDays = [...new Set(settings.studyDays)].sort((a, b) => a - b);

  const weekStartDate = (week: number): string => addDays(settings.startDate, 7 * (week - 1));
  const studyDatesByWeek: string[][] = [];
  for (let week = 1; week <= totalWeeks; week += 1) {
    const start = weekStartDate(week);
    const dates: string[] = [];
    for (let offset = 0; offset < 7; offset += 1) {
      const date = addDays(start, offset);
      if (studyDays.includes(isoWeekday(date))) dates.push(date);
    }
    studyDatesByWeek.push(dates);
  }

  const sections = inPositionOrder(curriculum.sections);
  const loadByDate = new Map<string, number>();
  const itemsByDate = new Map<string, AssignedItem[]>();
  const assignedDateByItemId = new Map<number, string>();
  const referenceItemsBySection = new Map<string, readonly PlanItem[]>();

  for (const section of sections) {
    const items = inPositionOrder(section.items);
    referenceItemsBySection.set(
      section.key,
      items.filter((item) => item.kind === "Reference"),
    );
    const assigned = items.filter((item) => isAssigned(item, settings.includeOptional));
    if (assigned.length === 0) continue;

    const { firstWeek, lastWeek } = sectionWeekRange(section, totalWeeks);
    const dates = studyDatesByWeek.slice(firstWeek - 1, lastWeek).flat();
    const weights = assigned.map(estimatedMinutes);
    const dayOfItem = balanceItems(
      weights,
      dates.map((date) => loadByDate.get(date) ?? 0),
    );

    assigned.forEach((item, index) => {
      const date = dates[dayOfItem[index] ?? 0];
      if (date === undefined) throw new Error("Balancing chose a day outside the section (should be unreachable)");
      const placed: AssignedItem = { ...item, assignedDate: date };
      const dayItems = itemsByDate.get(date) ?? [];
      dayItems.push(placed);
      itemsByDate.set(date, dayItems);
      loadByDate.set(date, (loadByDate.get(date) ?? 0) + (weights[index] ?? 0));
      assignedDateByItemId.set(item.id, date);
    });
  }

  const dayByDate = new Map<string, PlanDay>();
  const weeks: PlanWeek[] = studyDatesByWeek.map((dates, index) => {
    const number = index + 1;
    const days = dates.map((date): PlanDay => {
      const items = itemsByDate.get(date) ?? [];
      const day: PlanDay = {
        date,
        weekday: isoWeekday(date),
        items,
        minutes: items.reduce((sum, item) => sum + (item.minutes ?? 0), 0),
        unestimatedItems: items.filter((item) => item.minutes === null).length,
      };
      dayByDate.set(date, day);
      return day;
    });
    const weekSections: PlanSection[] = sections.filter((section) => {
      const { firstWeek, lastWeek } = sectionWeekRange(section, totalWeeks);
      return firstWeek <= number && number <= lastWeek;
    });
    return {
      number,
      startDate: weekStartDate(number),
      endDate: weekStartDate(number + 1),
      sections: weekSections,
      days,
      totalMinutes: days.reduce((sum, day) => sum + day.minutes, 0),
      unestimatedItems: days.reduce((sum, day) => sum + day.unestimatedItems, 0),
    };
  });

  return {
    startDate: settings.startDate,
    timeZone: settings.timeZone,
    totalWeeks,
    studyDays,
    weeks,
    dayByDate,
    assignedDateByItemId,
    referenceItemsBySection,
  };
}
