/**
 * A member plan carried between threads as a few typed arrays. Why: a member
 * plan of the largest curriculum takes 10–30 ms to build (every due date,
 * catch-ups spread, sorted by due date), too long for the event loop; a
 * worker builds it and hands back per item its dates (indexes into a table of
 * the distinct dates), its source, and the due-date order. The thread that
 * needs the plan assembles the same plan from the record, its items the very
 * objects of its own cohort plan. The record names the cohort plan it was
 * built on (`fingerprint`), so one assembled on another plan is refused, not
 * given wrong dates.
 */
import { effectiveBreakWeeks } from "./cohortBreaks.js";
import { epochDayOfLocalDate } from "./localTime.js";
import {
  backlogOf,
  type CatchUpOutline,
  baseItemsInOrder,
  DueSource,
  groupByDueDate,
  itemsById,
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
  readonly lastCatchUp: CatchUpOutline | null;
  /** `planFingerprint` of the cohort plan it was built on. */
  readonly fingerprint: string;
}

const sourceCodes = [DueSource.Cohort, DueSource.Extended, DueSource.CatchUp] as const;

/** The record of `plan` (built by `buildMemberPlan` on `builtOn`); its typed arrays may be transferred. */
export function recordMemberPlan(plan: MemberPlan, builtOn: CohortPlan): MemberPlanRecord {
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
    lastCatchUp: plan.lastCatchUp,
    fingerprint: readingOrderOf(builtOn).fingerprint,
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
  const { items: planItems, fingerprint } = readingOrderOf(input.basePlan);
  if (fingerprint !== record.fingerprint) throw new Error("The member plan record was built on another cohort plan");
  const dateAt = (index: number | undefined): string => record.dates[index ?? -1] ?? "";
  const items = planItems.map((item, order): MemberPlanItem => {
    const dueDate = dateAt(record.dueDates[order]);
    const source = sourceCodes[record.sources[order] ?? 0] ?? DueSource.Cohort;
    return { item, order, cohortDate: dateAt(record.cohortDates[order]), dueDate, source, ...backlogOf(item, dueDate, input) };
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
    itemById: itemsById(items),
    itemsByDueDate: groupByDueDate(items),
    itemsInDueOrder: Array.from(record.dueOrder, (order) => items[order] as MemberPlanItem),
    extraWeeks: record.extraWeeks,
    endDate: record.endDate,
    daysOff: memberDaysOff(context),
    catchUpCap: record.catchUpCap,
    lastCatchUp: record.lastCatchUp,
  };
}

interface ReadingOrder {
  readonly items: readonly PlanItem[];
  readonly fingerprint: string;
}

/** `baseItemsInOrder`'s items and the plan's fingerprint, once per cohort plan (a plan is never changed once built). */
const readingOrderByPlan = new WeakMap<CohortPlan, ReadingOrder>();

function readingOrderOf(plan: CohortPlan): ReadingOrder {
  let known = readingOrderByPlan.get(plan);
  if (known === undefined) {
    const inOrder = baseItemsInOrder(plan);
    known = { items: inOrder.map(({ item }) => item), fingerprint: planFingerprint(plan, inOrder) };
    readingOrderByPlan.set(plan, known);
  }
  return known;
}

/**
 * What a member plan's record depends on in its cohort plan: start date,
 * study days, weeks, and each item with its assigned day in reading order
 * (hashed FNV-1a style, a 32-bit word at a time). Two plans of one curriculum with as many
 * items but other days or another order differ here. Once per cohort plan on
 * each thread: about 0.3 ms for the maximal curriculum's 6,318 items, warm.
 */
function planFingerprint(plan: CohortPlan, inOrder: readonly { item: PlanItem; date: string }[]): string {
  let hash = 0x811c9dc5;
  const mix = (value: number): void => {
    hash = Math.imul(hash ^ (value | 0), 0x01000193) >>> 0;
  };
  for (const { item, date } of inOrder) {
    mix(item.id);
    mix(epochDayOfLocalDate(date));
  }
  return `${plan.startDate}|${plan.studyDays.join(",")}|${plan.totalWeeks}|${inOrder.length}|${hash.toString(16)}`;
}
