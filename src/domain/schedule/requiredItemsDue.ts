import { addDays, epochDayOfLocalDate, isoWeekday } from "./localTime.js";
import { calendarWeekOfDate } from "./cohortBreaks.js";
import { buildMemberPlan, DueSource, MAX_EXTEND_WEEKS, MemberAdjustmentKind, type MemberPlan, type MemberPlanInput } from "./memberPlan.js";
import type { CohortPlan } from "./scheduleTypes.js";

/** A Required item as the roster's SQL reads it (dates as epoch days, see `epochDayOfLocalDate`). */
export interface RequiredItemDue {
  readonly itemId: number;
  /** The estimate, 0 when the curriculum gives none. */
  readonly minutes: number;
  /** Its due day in a member plan with `x` extra weeks and no catch-up, at index `x` (0..MAX_EXTEND_WEEKS). */
  readonly dueDays: readonly number[];
  /** A "choose one" slot's tracks, in order (the first's id is `itemId`): any completes it, counted once. Empty otherwise. */
  readonly tracks?: readonly number[];
}

/**
 * What the roster needs to decide `isOverdue` (memberStatus.ts) for every
 * member at once, in SQL. A member plan without catch-up dates gives item `i`
 * the due date `dueDays[x]` (x: the member's extra weeks) whatever else the
 * member did (personal breaks move only catch-up dates), and marks it pre-join
 * exactly when that date is before the member's join date; a catch-up's dates
 * (`catchUpDueDays`) replace those and are never pre-join. So
 * overdue(member, i) ⇔ due < today ∧ (caught up ∨ due ≥ joinedOn), with
 * due = catch-up day ?? dueDays[x]. The dates are read off `buildMemberPlan`
 * itself (one plan per extension), so they cannot drift from the member's plan.
 */
export function requiredItemsDue(basePlan: CohortPlan, breakWeeks: readonly number[]): RequiredItemDue[] {
  return requiredItemsDueOf(requiredItemsDueInputs(basePlan, breakWeeks).map(buildMemberPlan));
}

/**
 * The member plans `requiredItemsDue` reads, at index `x` the one with `x`
 * extra weeks (0..MAX_EXTEND_WEEKS): whoever builds them elsewhere (a worker)
 * passes the plans, in this order, to `requiredItemsDueOf`.
 */
export function requiredItemsDueInputs(basePlan: CohortPlan, breakWeeks: readonly number[]): MemberPlanInput[] {
  return Array.from({ length: MAX_EXTEND_WEEKS + 1 }, (_, extraWeeks) => ({
    basePlan,
    breakWeeks,
    joinedOn: basePlan.startDate,
    adjustments: Array.from({ length: extraWeeks }, () => ({ kind: MemberAdjustmentKind.Extend })),
    personalBreaks: [],
  }));
}

/** `requiredItemsDue` from the plans built from `requiredItemsDueInputs`, in their order. */
export function requiredItemsDueOf(plans: readonly MemberPlan[]): RequiredItemDue[] {
  const [unextended] = plans;
  if (unextended === undefined) return [];
  const items = unextended.items
    .filter((entry) => entry.item.kind === "Required")
    .map((entry) => ({
      itemId: entry.item.id,
      minutes: entry.item.minutes ?? 0,
      dueDays: plans.map((plan) => epochDayOfLocalDate(plan.itemById.get(entry.item.id)?.dueDate ?? entry.dueDate)),
      tracks: entry.item.choice?.map((track) => track.id) ?? [],
    }));
  assertExtensionsKeepOrder(items);
  return items;
}

/**
 * The roster's SQL turns "due on the extended calendar within [join day,
 * today)" into a window on `dueDays[0]`, which holds because an extension
 * moves every date by whole weeks past the same break weeks: an item due no
 * later than another on the cohort's calendar stays so on every extended one.
 * Checked here, so a future rule that broke it would fail loudly, not count wrong.
 */
function assertExtensionsKeepOrder(items: readonly RequiredItemDue[]): void {
  const sorted = [...items].sort((a, b) => (a.dueDays[0] ?? 0) - (b.dueDays[0] ?? 0));
  for (let index = 1; index < sorted.length; index += 1) {
    const before = sorted[index - 1]?.dueDays ?? [];
    const after = sorted[index]?.dueDays ?? [];
    const sameDay = before[0] === after[0];
    for (let x = 1; x < after.length; x += 1)
      if (sameDay ? before[x] !== after[x] : (before[x] ?? 0) > (after[x] ?? 0))
        throw new Error("an extended calendar reorders the plan's Required items");
  }
}

/** A catch-up's due day of a Required item, which wins over `RequiredItemDue.dueDays` for that member. */
export interface CatchUpDue {
  readonly itemId: number;
  readonly dueDay: number;
}

/** The Required items a member's catch-ups re-planned, with their days (none for a member who never caught up). */
export function catchUpDueDays(plan: MemberPlan): CatchUpDue[] {
  return plan.items
    .filter((entry) => entry.item.kind === "Required" && entry.source === DueSource.CatchUp)
    .map((entry) => ({ itemId: entry.item.id, dueDay: epochDayOfLocalDate(entry.dueDate) }));
}

/** How many study days without a completion make a member quiet. */
export const QUIET_STUDY_DAYS = 5;

/**
 * The first of the last `QUIET_STUDY_DAYS` study days up to `today` (today
 * included when it is one): no completion since then is quiet. Days of the
 * cohort's break weeks (calendar weeks) and the member's own days off
 * (`/break`, `from`–`to` inclusive) are not study days: nothing is expected
 * then, as `/today` tells the member. Null while the course has not yet had
 * that many study days (for the member).
 */
export function quietSinceDate(
  plan: Pick<CohortPlan, "startDate" | "studyDays">,
  today: string,
  breakWeeks: readonly number[] = [],
  daysOff: readonly { readonly from: string; readonly to: string }[] = [],
  studyDays = QUIET_STUDY_DAYS,
): string | null {
  if (plan.studyDays.length === 0) return null;
  let found = 0;
  for (let date = today; date >= plan.startDate; date = addDays(date, -1)) {
    if (!plan.studyDays.includes(isoWeekday(date))) continue;
    if (breakWeeks.includes(calendarWeekOfDate(plan.startDate, date))) continue;
    if (daysOff.some((off) => off.from <= date && date <= off.to)) continue;
    found += 1;
    if (found === studyDays) return date;
  }
  return null;
}
