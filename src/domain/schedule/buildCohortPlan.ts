import { balanceItems } from "./balanceItems.js";
import { withChoiceSlots } from "./choiceSlots.js";
import { estimatedMinutes } from "./estimatedMinutes.js";
import { epochDayOfLocalDate, isoWeekdayOfEpochDay, localDateOfEpochDay } from "./localTime.js";
import { planRuleOf } from "./scheduleTypes.js";
import type {
  AssignedItem,
  CohortPlan,
  CohortSettings,
  PlanCurriculum,
  PlanDay,
  PlanItem,
  PlanRule,
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

/** How a section's items are spread over its days under the cohort's plan rule (tests pass the reference implementation to compare). */
export type ItemBalancer = (weights: readonly number[], dayBaseLoads: ArrayLike<number>, planRule: PlanRule) => number[];

/**
 * The cohort's plan: which items are read on which cohort-local day.
 *
 * Week n covers [start + 7(n−1), start + 7n); its study days are the dates in
 * that range whose weekday is a study day (so a Wednesday start still studies
 * Monday–Friday). A section with weeks a–b is read on the study days of weeks
 * a..b. Sections are placed one at a time (in curriculum order under plan rule 1;
 * under rule 2 those with fewer items than days after the others, see
 * placeSections); each spreads its assigned items over its days with
 * `balanceItems` under the cohort's plan rule (`settings.planRule`), counting
 * what the overlapping sections placed before it already put on those days, so
 * a shared day carries items of both sections (listed in curriculum order)
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
  const planRule = planRuleOf(settings.planRule);
  const placed = placeSections(inPositionOrder(curriculum.sections), calendar, settings.includeOptional, planRule, balance);
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
  /** ISO weekday of each of `dates`. */
  readonly weekdays: Uint8Array;
  readonly firstDayOfWeek: Int32Array;
  /** First date of week w at index w−1, up to the day after the last week at index totalWeeks. */
  readonly weekStartDates: readonly string[];
}

// Why epoch days: parsing and formatting a date string per calendar day was a
// large share of planning a 520-week course; each study date is formatted once.
function studyCalendarOf(settings: CohortSettings, totalWeeks: number): CourseDates {
  const studyDays = [...new Set(settings.studyDays)].sort((a, b) => a - b);
  const isStudyDay = new Uint8Array(8);
  for (const weekday of studyDays) isStudyDay[weekday] = 1;
  const startDay = epochDayOfLocalDate(settings.startDate);
  const dates: string[] = [];
  const weekdays: number[] = [];
  const weekStartDates: string[] = [];
  const firstDayOfWeek = new Int32Array(totalWeeks + 1);
  for (let week = 1; week <= totalWeeks; week += 1) {
    firstDayOfWeek[week - 1] = dates.length;
    const weekStart = startDay + 7 * (week - 1);
    weekStartDates.push(localDateOfEpochDay(weekStart));
    for (let offset = 0; offset < 7; offset += 1) {
      const weekday = isoWeekdayOfEpochDay(weekStart + offset);
      if (isStudyDay[weekday] !== 1) continue;
      dates.push(localDateOfEpochDay(weekStart + offset));
      weekdays.push(weekday);
    }
  }
  firstDayOfWeek[totalWeeks] = dates.length;
  weekStartDates.push(localDateOfEpochDay(startDay + 7 * totalWeeks));
  return { totalWeeks, studyDays, dates, weekdays: Uint8Array.from(weekdays), firstDayOfWeek, weekStartDates };
}

interface PlacedSections {
  readonly itemsByDay: readonly (readonly AssignedItem[])[];
  readonly sectionsByWeek: readonly (readonly PlanSection[])[];
  readonly assignedDateByItemId: ReadonlyMap<number, string>;
  readonly referenceItemsBySection: ReadonlyMap<string, readonly PlanItem[]>;
}

/** A section's assigned items, their weights and its days (dates[firstDay .. endDay)), before balancing. */
interface SectionToPlace {
  readonly assigned: readonly PlanItem[];
  readonly weights: readonly number[];
  readonly firstDay: number;
  readonly endDay: number;
}

/**
 * Spreads each section's assigned items over its study days, on top of what
 * the sections balanced before it put there. Plan rule 1 balances the sections
 * in curriculum order. Plan rule 2 first balances, in curriculum order, the
 * sections with at least as many items as days, then those with fewer (each
 * item on a day of its own), again in curriculum order, around everything
 * already placed: a sparse section taking the days an earlier section left
 * free can no longer push a later, dense section onto the same days. Either
 * way a day lists its items by section in curriculum order.
 */
function placeSections(
  sections: readonly PlanSection[],
  calendar: CourseDates,
  includeOptional: boolean,
  planRule: PlanRule,
  balance: ItemBalancer,
): PlacedSections {
  const { dates, firstDayOfWeek, totalWeeks } = calendar;
  const loadByDay = new Float64Array(dates.length);
  const itemsByDay: AssignedItem[][] = dates.map(() => []);
  const assignedDateByItemId = new Map<number, string>();
  const referenceItemsBySection = new Map<string, readonly PlanItem[]>();
  const sectionsByWeek: PlanSection[][] = Array.from({ length: totalWeeks }, () => []);

  const toPlace: SectionToPlace[] = [];
  for (const section of sections) {
    const { firstWeek, lastWeek } = sectionWeekRange(section, totalWeeks);
    for (let week = firstWeek; week <= lastWeek; week += 1) sectionsByWeek[week - 1]?.push(section);
    const items = inPositionOrder(section.items);
    referenceItemsBySection.set(
      section.key,
      items.filter((item) => item.kind === "Reference"),
    );
    const assigned = withChoiceSlots(items).filter((item) => isAssigned(item, includeOptional));
    if (assigned.length === 0) continue;
    // The section's days are one contiguous run of dates.
    const firstDay = firstDayOfWeek[firstWeek - 1] ?? 0;
    const endDay = firstDayOfWeek[lastWeek] ?? 0;
    toPlace.push({ assigned, weights: assigned.map(estimatedMinutes), firstDay, endDay });
  }

  const isSparse = (section: SectionToPlace): boolean => section.assigned.length < section.endDay - section.firstDay;
  const balancingOrder = planRule === 1 ? toPlace : [...toPlace.filter((section) => !isSparse(section)), ...toPlace.filter(isSparse)];
  const dayOfItemBySection = new Map<SectionToPlace, readonly number[]>();
  for (const section of balancingOrder) {
    const { weights, firstDay, endDay } = section;
    // A view of the days' loads, not a copy.
    const dayOfItem = balance(weights, loadByDay.subarray(firstDay, endDay), planRule);
    weights.forEach((weight, index) => {
      const day = firstDay + (dayOfItem[index] ?? 0);
      if (dates[day] === undefined || day >= endDay) throw new Error("Balancing chose a day outside the section (should be unreachable)");
      loadByDay[day] = (loadByDay[day] ?? 0) + weight;
    });
    dayOfItemBySection.set(section, dayOfItem);
  }

  for (const section of toPlace) {
    const dayOfItem = dayOfItemBySection.get(section) ?? [];
    section.assigned.forEach((item, index) => {
      const day = section.firstDay + (dayOfItem[index] ?? 0);
      const date = dates[day] ?? "";
      itemsByDay[day]?.push(withAssignedDate(item, date));
      assignedDateByItemId.set(item.id, date);
      // Any track completes a slot: each is due on the slot's day.
      for (const track of item.choice ?? []) assignedDateByItemId.set(track.id, date);
    });
  }
  return { itemsByDay, sectionsByWeek, assignedDateByItemId, referenceItemsBySection };
}

/**
 * `{ ...item, assignedDate }`, the same object: V8 copies plain objects with
 * Object.assign several times faster than with spread syntax followed by a
 * property, and this runs once per item of the curriculum.
 */
function withAssignedDate(item: PlanItem, assignedDate: string): AssignedItem {
  const assigned: PlanItem & { assignedDate?: string } = Object.assign({}, item);
  assigned.assignedDate = assignedDate;
  return assigned as AssignedItem;
}

/** The plan's weeks and days, with each day's and week's totals. */
function assembleWeeks(calendar: CourseDates, placed: PlacedSections): { weeks: PlanWeek[]; dayByDate: Map<string, PlanDay> } {
  const { dates, weekdays, firstDayOfWeek, totalWeeks, weekStartDates } = calendar;
  const dayByDate = new Map<string, PlanDay>();
  const weeks: PlanWeek[] = [];
  for (let number = 1; number <= totalWeeks; number += 1) {
    const days: PlanDay[] = [];
    let totalMinutes = 0;
    let weekUnestimated = 0;
    for (let dayIndex = firstDayOfWeek[number - 1] ?? 0; dayIndex < (firstDayOfWeek[number] ?? 0); dayIndex += 1) {
      const date = dates[dayIndex] ?? "";
      const items = placed.itemsByDay[dayIndex] ?? [];
      let minutes = 0;
      let unestimatedItems = 0;
      for (const item of items) {
        if (item.minutes === null) unestimatedItems += 1;
        else minutes += item.minutes;
      }
      const day: PlanDay = { date, weekday: weekdays[dayIndex] ?? 0, items, minutes, unestimatedItems };
      dayByDate.set(date, day);
      days.push(day);
      totalMinutes += minutes;
      weekUnestimated += unestimatedItems;
    }
    weeks.push({
      number,
      startDate: weekStartDates[number - 1] ?? "",
      endDate: weekStartDates[number] ?? "",
      sections: placed.sectionsByWeek[number - 1] ?? [],
      days,
      totalMinutes,
      unestimatedItems: weekUnestimated,
    });
  }
  return { weeks, dayByDate };
}
