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

/** How a section's items are spread over its days (tests pass the reference implementation to compare). */
export type ItemBalancer = (weights: readonly number[], dayBaseLoads: ArrayLike<number>) => number[];

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
 * evenly. Pure: the same inputs give the same plan. Cost: linear in days,
 * items and section-weeks, plus the balancing.
 */
export function buildCohortPlan(curriculum: PlanCurriculum, settings: CohortSettings, balance: ItemBalancer = balanceItems): CohortPlan {
  assertValidCohortSettings(settings);
  const totalWeeks = curriculum.totalWeeks;
  if (!Number.isInteger(totalWeeks) || totalWeeks < 1) {
    throw new RangeError(`A curriculum needs at least one whole week, got ${totalWeeks}`);
  }
  const calendar = studyCalendarOf(settings, totalWeeks);
  const placed = placeSections(inPositionOrder(curriculum.sections), calendar, settings.includeOptional, balance);
  const { weeks, dayByDate } = assembleWeeks(calendar, placed);
  return {
    startDate: settings.startDate,
    timeZone: settings.timeZone,
    totalWeeks,
    studyDays: calendar.studyDays,
    weeks,
    dayByDate,
    assignedDateByItemId: placed.assignedDateByItemId,
    referenceItemsBySection: placed.referenceItemsBySection,
  };
}

/** Every study date of the course in order; week w's dates are dates[firstDayOfWeek[w-1] .. firstDayOfWeek[w]). */
interface CourseDates {
  readonly totalWeeks: number;
  readonly studyDays: readonly number[];
  readonly dates: readonly string[];
  readonly firstDayOfWeek: Int32Array;
  readonly weekStartDate: (week: number) => string;
}

function studyCalendarOf(settings: CohortSettings, totalWeeks: number): CourseDates {
  const studyDays = [...new Set(settings.studyDays)].sort((a, b) => a - b);
  const isStudyDay = new Set(studyDays);
  const weekStartDate = (week: number): string => addDays(settings.startDate, 7 * (week - 1));
  const dates: string[] = [];
  const firstDayOfWeek = new Int32Array(totalWeeks + 1);
  for (let week = 1; week <= totalWeeks; week += 1) {
    firstDayOfWeek[week - 1] = dates.length;
    const start = weekStartDate(week);
    for (let offset = 0; offset < 7; offset += 1) {
      const date = addDays(start, offset);
      if (isStudyDay.has(isoWeekday(date))) dates.push(date);
    }
  }
  firstDayOfWeek[totalWeeks] = dates.length;
  return { totalWeeks, studyDays, dates, firstDayOfWeek, weekStartDate };
}

interface PlacedSections {
  readonly itemsByDay: readonly (readonly AssignedItem[])[];
  readonly sectionsByWeek: readonly (readonly PlanSection[])[];
  readonly assignedDateByItemId: ReadonlyMap<number, string>;
  readonly referenceItemsBySection: ReadonlyMap<string, readonly PlanItem[]>;
}

/** Spreads each section's assigned items over its study days, on top of what earlier sections put there. */
function placeSections(
  sections: readonly PlanSection[],
  calendar: CourseDates,
  includeOptional: boolean,
  balance: ItemBalancer,
): PlacedSections {
  const { dates, firstDayOfWeek, totalWeeks } = calendar;
  const loadByDay = new Float64Array(dates.length);
  const itemsByDay: AssignedItem[][] = dates.map(() => []);
  const assignedDateByItemId = new Map<number, string>();
  const referenceItemsBySection = new Map<string, readonly PlanItem[]>();
  const sectionsByWeek: PlanSection[][] = Array.from({ length: totalWeeks }, () => []);

  for (const section of sections) {
    const { firstWeek, lastWeek } = sectionWeekRange(section, totalWeeks);
    for (let week = firstWeek; week <= lastWeek; week += 1) sectionsByWeek[week - 1]?.push(section);
    const items = inPositionOrder(section.items);
    referenceItemsBySection.set(
      section.key,
      items.filter((item) => item.kind === "Reference"),
    );
    const assigned = items.filter((item) => isAssigned(item, includeOptional));
    if (assigned.length === 0) continue;

    // The section's days are one contiguous run of dates; a view of their loads, not a copy.
    const firstDay = firstDayOfWeek[firstWeek - 1] ?? 0;
    const endDay = firstDayOfWeek[lastWeek] ?? 0;
    const weights = assigned.map(estimatedMinutes);
    const dayOfItem = balance(weights, loadByDay.subarray(firstDay, endDay));

    assigned.forEach((item, index) => {
      const day = firstDay + (dayOfItem[index] ?? 0);
      const date = dates[day];
      if (date === undefined || day >= endDay) throw new Error("Balancing chose a day outside the section (should be unreachable)");
      itemsByDay[day]?.push({ ...item, assignedDate: date });
      loadByDay[day] = (loadByDay[day] ?? 0) + (weights[index] ?? 0);
      assignedDateByItemId.set(item.id, date);
    });
  }
  return { itemsByDay, sectionsByWeek, assignedDateByItemId, referenceItemsBySection };
}

/** The plan's weeks and days, with each day's and week's totals. */
function assembleWeeks(calendar: CourseDates, placed: PlacedSections): { weeks: PlanWeek[]; dayByDate: Map<string, PlanDay> } {
  const { dates, firstDayOfWeek, totalWeeks, weekStartDate } = calendar;
  const dayByDate = new Map<string, PlanDay>();
  const weeks: PlanWeek[] = [];
  for (let number = 1; number <= totalWeeks; number += 1) {
    const days: PlanDay[] = [];
    for (let dayIndex = firstDayOfWeek[number - 1] ?? 0; dayIndex < (firstDayOfWeek[number] ?? 0); dayIndex += 1) {
      const date = dates[dayIndex] ?? "";
      const items = placed.itemsByDay[dayIndex] ?? [];
      const day: PlanDay = {
        date,
        weekday: isoWeekday(date),
        items,
        minutes: items.reduce((sum, item) => sum + (item.minutes ?? 0), 0),
        unestimatedItems: items.filter((item) => item.minutes === null).length,
      };
      dayByDate.set(date, day);
      days.push(day);
    }
    weeks.push({
      number,
      startDate: weekStartDate(number),
      endDate: weekStartDate(number + 1),
      sections: placed.sectionsByWeek[number - 1] ?? [],
      days,
      totalMinutes: days.reduce((sum, day) => sum + day.minutes, 0),
      unestimatedItems: days.reduce((sum, day) => sum + day.unestimatedItems, 0),
    });
  }
  return { weeks, dayByDate };
}
