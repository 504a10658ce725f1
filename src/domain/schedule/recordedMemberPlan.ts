/**
 * A member plan carried between threads as a few typed arrays. Why: a member
 * plan of the largest curriculum takes 10–30 ms to build (every due date,
 * catch-ups spread, sorted by due date), too long for the event loop; a
 * worker builds it and hands back per item its dates (indexes into a table of
 * the distinct dates), its source, and the due-date order. The thread that
 * needs the plan assembles the same plan from the record, its items the very
 * objects of its own cohort plan.
 */
import { effectiveBreakWeeks } from "./cohortBreaks.js";
import {
  baseItemsInOrder,
  DueSource,
  groupByDueDate,
  memberDaysOff,
  type MemberPlan,
  type MemberPlanInput,
  type MemberPlanItem,
} from "./memberPlan.js";
import type { CohortPlan, PlanItem } from "./scheduleTypes.js";

export interface MemberPlanRecord {
  /** The distinct dates of the plan; the arrays below index into it. */
  readonly dates: readonly string[];
  /** Per item, in `MemberPlan.items`' order. */
  readonly cohortDates: Int32Array<ArrayBuffer>;
  readonly dueDates: Int32Array<ArrayBuffer>;
  readonly sources: Uint8Array<ArrayBuffer>;
  /** `itemsInDueOrder` as indexes into `items`. */
  readonly dueOrder: Int32Array<ArrayBuffer>;
  readonly extraWeeks: number;
  readonly endDate: string;
  readonly catchUpCap: number;
}

const sourceCodes = [DueSource.Cohort, DueSource.Extended, DueSource.CatchUp] as const;

/** The record of `plan` (built by `buildMemberPlan`); its typed arrays may be transferred. */
export function recordMemberPlan(plan: MemberPlan): MemberPlanRecord {
  const dates: string[] = [];
  const indexOf = new Map<string, number>();
  const dateIndex = (date: string): number => {
    let index = indexOf.get(date);
    if (index === undefined) {
      index = dates.push(date) - 1;
      indexOf.set(date, index);
    }
    return index;
  };
  const count = plan.items.length;
  const record = {
    dates,
    cohortDates: new Int32Array(count),
    dueDates: new Int32Array(count),
    sources: new Uint8Array(count),
    dueOrder: new Int32Array(count),
    extraWeeks: plan.extraWeeks,
    endDate: plan.endDate,
    catchUpCap: plan.catchUpCap,
  };
  plan.items.forEach((entry, index) => {
    record.cohortDates[index] = dateIndex(entry.cohortDate);
    record.dueDates[index] = dateIndex(entry.dueDate);
    record.sources[index] = sourceCodes.indexOf(entry.source);
  });
  plan.itemsInDueOrder.forEach((entry, index) => {
    record.dueOrder[index] = entry.order;
  });
  return record;
}

/** The plan `buildMemberPlan(input)` gives, assembled from the record of a plan built from the same inputs. */
export function replayMemberPlan(input: MemberPlanInput, record: MemberPlanRecord): MemberPlan {
  const planItems = itemsInReadingOrder(input.basePlan);
  if (planItems.length !== record.dueDates.length) throw new Error("The member plan record has other items than the cohort plan");
  const dateAt = (index: number | undefined): string => record.dates[index ?? -1] ?? "";
  const items = planItems.map((item, order): MemberPlanItem => {
    const dueDate = dateAt(record.dueDates[order]);
    const source = sourceCodes[record.sources[order] ?? 0] ?? DueSource.Cohort;
    const preJoin = source !== DueSource.CatchUp && dueDate < input.joinedOn;
    return { item, order, cohortDate: dateAt(record.cohortDates[order]), dueDate, source, preJoin };
  });
  const context = {
    startDate: input.basePlan.startDate,
    studyDays: input.basePlan.studyDays,
    breakWeeks: effectiveBreakWeeks(input.basePlan.totalWeeks, input.breakWeeks),
    personalBreaks: input.personalBreaks,
  };
  return {
    ...context,
    items,
    itemById: new Map(items.map((entry) => [entry.item.id, entry])),
    itemsByDueDate: groupByDueDate(items),
    itemsInDueOrder: Array.from(record.dueOrder, (order) => items[order] as MemberPlanItem),
    extraWeeks: record.extraWeeks,
    endDate: record.endDate,
    daysOff: memberDaysOff(context),
    catchUpCap: record.catchUpCap,
  };
}

/** `baseItemsInOrder`'s items, once per cohort plan (a plan is never changed once built). */
const itemsByPlan = new WeakMap<CohortPlan, readonly PlanItem[]>();

function itemsInReadingOrder(plan: CohortPlan): readonly PlanItem[] {
  let items = itemsByPlan.get(plan);
  if (items === undefined) {
    items = baseItemsInOrder(plan).map(({ item }) => item);
    itemsByPlan.set(plan, items);
  }
  return items;
}
