/**
 * A member's own plan: the cohort's plan (with its break weeks) plus the
 * member's adjustments — when they joined, `/pace` catch-ups, extensions and
 * resets — and their personal breaks. The single source of every member's due
 * dates: `/today`, `/week`, `/pace`, reminders, the on-time bonus and the
 * roster all read it. Dates are member-local "YYYY-MM-DD" (see `memberDay.ts`).
 */
import { CATCH_UP_DAYS, catchUpCap, spreadCatchUp } from "./catchUpSpread.js";
import { calendarWeekOf, calendarWeekOfDate, calendarWeekStartDate, effectiveBreakWeeks, shiftPlanDate } from "./cohortBreaks.js";
import { localDateRanges, weekDayRanges, type DayRange } from "./dayRanges.js";
import { estimatedMinutes } from "./estimatedMinutes.js";
import { addDays, daysBetween, epochDayOfLocalDate, isoWeekday, parseLocalDate } from "./localTime.js";
import type { CohortPlan, PlanItem } from "./scheduleTypes.js";

/** Each entry by its id, and a "choose one" slot by each of its tracks' ids too: any track is due when the slot is. */
export function itemsById(items: readonly MemberPlanItem[]): Map<number, MemberPlanItem> {
  const byId = new Map<number, MemberPlanItem>();
  for (const entry of items) {
    byId.set(entry.item.id, entry);
    for (const track of entry.item.choice ?? []) byId.set(track.id, entry);
  }
  return byId;
}

/** `/pace mode:extend` adds one week per use, up to this many in all. */
export const MAX_EXTEND_WEEKS = 4;

/** `/break`: `to` at most this many days after `from`. */
export const MAX_PERSONAL_BREAK_DAYS = 28;

/** Breaks not yet over that a member may hold at once: bounds the rows every plan reads. */
export const MAX_PLANNED_BREAKS = 10;

export const MemberAdjustmentKind = {
  CatchUp: "catch_up",
  Extend: "extend",
  Reset: "reset",
} as const;
export type MemberAdjustmentKind = (typeof MemberAdjustmentKind)[keyof typeof MemberAdjustmentKind];

/**
 * One `/pace` action (or the late joiner's *Catch up* choice), in the order
 * they were made. A catch-up stores the backlog it re-planned (`itemIds`, see
 * `catchUpBacklog`) so the plan never depends on completions made or undone
 * later: finishing an item does not move the others.
 */
export type MemberAdjustment =
  | {
      readonly kind: typeof MemberAdjustmentKind.CatchUp;
      readonly appliedOn: string;
      readonly days: number;
      readonly itemIds: readonly number[];
    }
  | { readonly kind: typeof MemberAdjustmentKind.Extend }
  | { readonly kind: typeof MemberAdjustmentKind.Reset };

/** Member-local days off, both ends included. */
export interface PersonalBreak {
  readonly from: string;
  readonly to: string;
  /**
   * How many of the member's `adjustments` had been made when it was booked: catch-ups made after it are spread
   * around it, earlier ones re-spread from its first day. Absent (booked before this was stored): before them all.
   */
  readonly bookedAfter?: number;
}

export interface MemberPlanInput {
  /** The cohort's plan for the unbroken calendar (`buildCohortPlan`). */
  readonly basePlan: CohortPlan;
  /** The cohort's break weeks as stored. */
  readonly breakWeeks: readonly number[];
  /** Member-local date the member joined. */
  readonly joinedOn: string;
  /**
   * The day Optional items were turned on mid-course (`Cohort.optionalFrom`; absent or null: from the start).
   * Optional items due before it are backlog like a late joiner's: turning them on makes no wall of overdue.
   */
  readonly optionalFrom?: string | null;
  readonly adjustments: readonly MemberAdjustment[];
  readonly personalBreaks: readonly PersonalBreak[];
}

export const DueSource = {
  Cohort: "cohort",
  Extended: "extended",
  CatchUp: "catch_up",
} as const;
export type DueSource = (typeof DueSource)[keyof typeof DueSource];

export interface MemberPlanItem {
  readonly item: PlanItem;
  /** Place in the cohort's reading order (0-based). */
  readonly order: number;
  /** Its day in the cohort's plan, breaks applied: what "behind" and "ahead" are measured against. */
  readonly cohortDate: string;
  /** Its day in the member's plan: due date and on-time bonus. */
  readonly dueDate: string;
  readonly source: DueSource;
  /**
   * Due before the member joined (or came back), whatever set the date, or an Optional item due before
   * `optionalFrom`: backlog, listed but never overdue.
   * A catch-up re-plans from its own day on, so only one made before a later return leaves items here.
   */
  readonly preJoin: boolean;
  /** Backlog only because it is an Optional item due before `optionalFrom` (not before the join): its own wording. */
  readonly addedLate: boolean;
}

export interface MemberPlan {
  /** Every assigned item exactly once, in the cohort's reading order. */
  readonly items: readonly MemberPlanItem[];
  /** By item id; a "choose one" slot also by each of its tracks' ids. */
  readonly itemById: ReadonlyMap<number, MemberPlanItem>;
  /** Items due on each date, in reading order. */
  readonly itemsByDueDate: ReadonlyMap<string, readonly MemberPlanItem[]>;
  /** Every item oldest due date first, reading order within a day: `/today`'s overdue list reads a prefix of it. */
  readonly itemsInDueOrder: readonly MemberPlanItem[];
  /** Weeks of extension in force, 0..MAX_EXTEND_WEEKS. */
  readonly extraWeeks: number;
  /** Exclusive end of the member's course: the end of their last week, or the day after their last due date if later. */
  readonly endDate: string;
  readonly studyDays: readonly number[];
  readonly startDate: string;
  /** Effective cohort break weeks, ascending. */
  readonly breakWeeks: readonly number[];
  readonly personalBreaks: readonly PersonalBreak[];
  /** The member's days off (`isMemberDayOff`) as epoch-day ranges, for loops over many days (streaks). */
  readonly daysOff: readonly DayRange[];
  /** `catchUpCap` of the cohort's plan. */
  readonly catchUpCap: number;
  /** Where the latest catch-up in force lies in the plan as it now is; null without one. What `/pace` tells of it. */
  readonly lastCatchUp: CatchUpOutline | null;
}

/**
 * A catch-up's items as the plan now places them: after the extensions and breaks that came later, not as first
 * spread, so what `/pace` says of it stays true.
 */
export interface CatchUpOutline {
  /** The last day it places an item on. */
  readonly until: string;
  /** How many study days it was asked to spread over (`days`). */
  readonly windowDays: number;
  /** Some item runs on past those days. */
  readonly pastWindow: boolean;
  /**
   * Some item no heavier than the cap runs on past them: the cap left no room for it in them (read from where the
   * items are now, so it stays true of the plan as later changes move them).
   */
  readonly stretchedByCap: boolean;
  /**
   * Some item of it has an estimate of its own. Without one (a topics-only path) the cap is built from the minutes
   * assumed per item, a figure the member sees nowhere else, so it is not named.
   */
  readonly timed: boolean;
  /** The days, ascending, an item heavier than the cap takes on its own: those days carry more than the cap. */
  readonly oversizedDates: readonly string[];
}

interface PlanState {
  readonly extraWeeks: number;
  /** Catch-up dates, which win over the (extended) cohort dates. */
  readonly overrides: ReadonlyMap<number, string>;
  /** The catch-ups in force, oldest first: what a break planned after them re-spreads. */
  readonly catchUps: readonly CatchUpSpan[];
}

/** A catch-up in force: the items it still places (a later catch-up takes over those it re-plans) and its window. */
interface CatchUpSpan {
  readonly itemIds: readonly number[];
  /** The study days it was asked to spread over (`days` of them), as days off since moved them. */
  readonly window: readonly string[];
}

/**
 * The member's plan. Pure: the same inputs give the same plan.
 *
 * Personal breaks are folded in in booking order (`bookedAfter`), not all at once: a catch-up is spread with
 * the days off booked before it, and a break booked after it re-spreads only what falls on or after its first
 * day. `/break` refuses past days, so such a break moves nothing due before it (today's item stays today's).
 */
export function buildMemberPlan(input: MemberPlanInput): MemberPlan {
  const { basePlan } = input;
  const breaks = effectiveBreakWeeks(basePlan.totalWeeks, input.breakWeeks);
  const baseItems = baseItemsInOrder(basePlan);
  const context = {
    startDate: basePlan.startDate,
    studyDays: basePlan.studyDays,
    breakWeeks: breaks,
    personalBreaks: input.personalBreaks,
  };
  const cap = catchUpCap(basePlan);
  const shift = memoizedShift(basePlan.startDate, breaks);
  let state: PlanState = { extraWeeks: 0, overrides: new Map(), catchUps: [] };
  const datesOf = (current: PlanState): Map<number, string> =>
    new Map(baseItems.map(({ item, date }) => [item.id, current.overrides.get(item.id) ?? shift(date, current.extraWeeks)]));

  // Breaks in booking order, then by first day; `begun` of them are in force at the point of the fold.
  const bookedAfter = (entry: PersonalBreak): number => entry.bookedAfter ?? 0;
  const pending = [...input.personalBreaks].sort(
    (a, b) => bookedAfter(a) - bookedAfter(b) || a.from.localeCompare(b.from) || a.to.localeCompare(b.to),
  );
  let begun = 0;
  let isStudyDay = studyDayTest(context, pending.slice(0, begun));
  /** Puts in force the breaks booked when at most `made` adjustments had been made (null: every break). */
  const beginBreaksBookedBy = (made: number | null): void => {
    while (begun < pending.length && (made === null || bookedAfter(pending[begun] ?? { from: "", to: "" }) <= made)) {
      const from = pending[begun]?.from ?? "";
      begun += 1;
      isStudyDay = studyDayTest(context, pending.slice(0, begun));
      // Without a catch-up in force there is nothing to re-spread (most members): skip reading every date.
      if (state.catchUps.length > 0) state = respreadFrom(state, from, datesOf(state), baseItems, isStudyDay, cap);
    }
  };

  for (const [index, adjustment] of input.adjustments.entries()) {
    beginBreaksBookedBy(index);
    if (adjustment.kind === MemberAdjustmentKind.Reset) state = { extraWeeks: 0, overrides: new Map(), catchUps: [] };
    else if (adjustment.kind === MemberAdjustmentKind.Extend) {
      const extended = { ...state, extraWeeks: Math.min(MAX_EXTEND_WEEKS, state.extraWeeks + 1) };
      // The extension moves the reading around catch-up days that were filled up to the cap: keep them under it.
      state = { ...extended, overrides: withinCap(extended.overrides, datesOf(extended), baseItems, isStudyDay, cap) };
    } else state = withCatchUp(state, datesOf(state), adjustment, baseItems, isStudyDay, cap);
  }
  beginBreaksBookedBy(null);

  const dueDates = datesOf(state);
  const items = baseItems.map(({ item, date }, order): MemberPlanItem => {
    const cohortDate = shift(date, 0);
    const dueDate = dueDates.get(item.id) ?? cohortDate;
    const source = state.overrides.has(item.id) ? DueSource.CatchUp : dueDate === cohortDate ? DueSource.Cohort : DueSource.Extended;
    return { item, order, cohortDate, dueDate, source, ...backlogOf(item, dueDate, input) };
  });
  return {
    ...context,
    items,
    itemById: itemsById(items),
    itemsByDueDate: groupByDueDate(items),
    itemsInDueOrder: [...items].sort(oldestDueFirst),
    extraWeeks: state.extraWeeks,
    endDate: memberEndDate(basePlan, breaks, state.extraWeeks, items),
    daysOff: memberDaysOff(context),
    catchUpCap: cap,
    lastCatchUp: outlineOf(state.catchUps.at(-1), dueDates, baseItems, cap),
  };
}

/**
 * Whether the plan departs from the cohort's calendar by the member's own `/pace` changes (an extension in force,
 * or items a catch-up placed after the join): what `reset` would clear. Without either a reset changes nothing: a
 * catch-up made before a later return placed only backlog, which stays backlog on the cohort's dates too.
 */
export function hasPaceChanges(plan: Pick<MemberPlan, "extraWeeks" | "items">): boolean {
  return plan.extraWeeks > 0 || hasCatchUpSinceJoin(plan);
}

/** Some item is due on a day a catch-up gave it since the join (or return): not one left in the backlog by a later return. */
export function hasCatchUpSinceJoin(plan: Pick<MemberPlan, "items">): boolean {
  return plan.items.some((entry) => entry.source === DueSource.CatchUp && !entry.preJoin);
}

/**
 * The catch-up in force after a change, when the change moved its last day to another day not yet past (what "now
 * runs until" tells the member); else null: a catch-up already behind them is not told of again.
 */
export function movedCatchUp(before: CatchUpOutline | null, after: CatchUpOutline | null, today: string): CatchUpOutline | null {
  if (after === null || after.until === before?.until || after.until < today) return null;
  return after;
}

/** `MemberPlan.lastCatchUp` of `span`, read from the final due dates. */
function outlineOf(
  span: CatchUpSpan | undefined,
  dueDates: ReadonlyMap<number, string>,
  baseItems: readonly { item: PlanItem }[],
  cap: number,
): CatchUpOutline | null {
  if (span === undefined) return null;
  const ids = new Set(span.itemIds);
  const windowEnd = span.window.at(-1) ?? "";
  let until = "";
  let stretchedByCap = false;
  let timed = false;
  const oversized = new Set<string>();
  for (const { item } of baseItems) {
    const date = dueDates.get(item.id);
    if (!ids.has(item.id) || date === undefined) continue;
    if (date > until) until = date;
    if (item.minutes !== null && Number.isFinite(item.minutes)) timed = true;
    if (estimatedMinutes(item) > cap) oversized.add(date);
    else if (date > windowEnd) stretchedByCap = true;
  }
  if (until === "") return null;
  return {
    until,
    windowDays: span.window.length,
    pastWindow: until > windowEnd,
    stretchedByCap,
    timed,
    oversizedDates: [...oversized].sort(),
  };
}

/** Oldest due date first, reading order within a day: `MemberPlan.itemsInDueOrder`'s order. */
export function oldestDueFirst(a: MemberPlanItem, b: MemberPlanItem): number {
  return a.dueDate.localeCompare(b.dueDate) || a.order - b.order;
}

/** `shiftPlanDate`, computed once per plan date and extension: many items share a day. */
function memoizedShift(startDate: string, breaks: readonly number[]): (date: string, extraWeeks: number) => string {
  const known = new Map<string, string>();
  return (date, extraWeeks) => {
    const key = `${date}+${extraWeeks}`;
    let shifted = known.get(key);
    if (shifted === undefined) {
      shifted = shiftPlanDate(date, startDate, breaks, extraWeeks);
      known.set(key, shifted);
    }
    return shifted;
  };
}

/** Assigned items of the cohort's plan with their unbroken-calendar date, in reading order: `MemberPlan.items`' order. */
export function baseItemsInOrder(plan: CohortPlan): { item: PlanItem; date: string }[] {
  const byId = new Map<number, PlanItem>();
  for (const day of plan.dayByDate.values()) for (const item of day.items) byId.set(item.id, item);
  return [...plan.assignedDateByItemId].flatMap(([id, date]) => {
    const item = byId.get(id);
    return item === undefined ? [] : [{ item, date }];
  });
}

/** The state after one catch-up: its backlog re-planned over the member's next study days. */
function withCatchUp(
  state: PlanState,
  dueDates: ReadonlyMap<number, string>,
  catchUp: Extract<MemberAdjustment, { kind: "catch_up" }>,
  baseItems: readonly { item: PlanItem }[],
  isStudyDay: (date: string) => boolean,
  cap: number,
): PlanState {
  const wanted = new Set(catchUp.itemIds);
  // A "choose one" slot by any of its tracks' ids: a re-import that reorders the tracks gives the slot another
  // (its first track's) id, and the catch-up stored the one of then.
  const isWanted = (item: PlanItem) => wanted.has(item.id) || (item.choice?.some((track) => wanted.has(track.id)) ?? false);
  const backlog = baseItems.filter(({ item }) => isWanted(item) && dueDates.has(item.id));
  // Oldest first; reading order among items of the same day (the sort is stable).
  backlog.sort((a, b) => (dueDates.get(a.item.id) ?? "").localeCompare(dueDates.get(b.item.id) ?? ""));
  // A stored value outside 2–20 (the command refuses those) is read as the nearest bound.
  const windowDays = Math.min(CATCH_UP_DAYS.max, Math.max(CATCH_UP_DAYS.min, Math.trunc(catchUp.days) || CATCH_UP_DAYS.default));
  const dayAt = studyDaySequence(catchUp.appliedOn, isStudyDay);
  const spread = spreadOver(state.overrides, dueDates, baseItems, backlog, windowDays, dayAt, cap, catchUp.appliedOn);
  const moving = new Set(backlog.map(({ item }) => item.id));
  const earlier = state.catchUps.map((span) => ({ ...span, itemIds: span.itemIds.filter((id) => !moving.has(id)) }));
  const window = Array.from({ length: windowDays }, (_, index) => dayAt(index));
  const span = { itemIds: backlog.map(({ item }) => item.id), window };
  return { ...state, overrides: spread.overrides, catchUps: [...earlier, span] };
}

/**
 * The state once days off begin on `from`: each catch-up's items due on or after `from` are spread again
 * from `from` over as many study days as its window had left there; nothing before `from` moves.
 */
function respreadFrom(
  state: PlanState,
  from: string,
  dueDates: ReadonlyMap<number, string>,
  baseItems: readonly { item: PlanItem }[],
  isStudyDay: (date: string) => boolean,
  cap: number,
): PlanState {
  let overrides = state.overrides;
  let current = dueDates;
  const catchUps = state.catchUps.map((span): CatchUpSpan => {
    const ids = new Set(span.itemIds);
    const later = baseItems.filter(({ item }) => ids.has(item.id) && (current.get(item.id) ?? "") >= from);
    const left = span.window.filter((date) => date >= from).length;
    if (left === 0 && later.length === 0) return span;
    later.sort((a, b) => (current.get(a.item.id) ?? "").localeCompare(current.get(b.item.id) ?? ""));
    const dayAt = studyDaySequence(from, isStudyDay);
    const spread = spreadOver(overrides, current, baseItems, later, left, dayAt, cap, from);
    overrides = spread.overrides;
    const next = new Map(current);
    for (const { item } of later) next.set(item.id, overrides.get(item.id) ?? from);
    current = next;
    const window = [...span.window.filter((date) => date < from), ...Array.from({ length: left }, (_, index) => dayAt(index))];
    return { ...span, window };
  });
  return { ...state, overrides, catchUps };
}

/** `overrides` with `moving` (oldest first) spread by `spreadCatchUp` on top of everything else's due dates. */
function spreadOver(
  overrides: ReadonlyMap<number, string>,
  dueDates: ReadonlyMap<number, string>,
  baseItems: readonly { item: PlanItem }[],
  moving: readonly { item: PlanItem }[],
  windowDays: number,
  dayAt: (index: number) => string,
  cap: number,
  fallback: string,
): { overrides: Map<number, string> } {
  const movingIds = new Set(moving.map(({ item }) => item.id));
  const loads = new Map<string, number>();
  for (const { item } of baseItems) {
    const date = dueDates.get(item.id);
    if (date !== undefined && !movingIds.has(item.id)) loads.set(date, (loads.get(date) ?? 0) + estimatedMinutes(item));
  }
  const { dates } = spreadCatchUp({
    weights: moving.map(({ item }) => estimatedMinutes(item)),
    windowDays,
    cap,
    dayAt,
    ownLoad: (date) => loads.get(date) ?? 0,
  });
  const next = new Map(overrides);
  moving.forEach(({ item }, index) => next.set(item.id, dates[index] ?? fallback));
  return { overrides: next };
}

/**
 * `overrides` after the member's own reading moved under them (an extension): catch-up items stay on
 * their day while it holds them under the cap; a day that would pass it hands its last catch-up items
 * on to the next study days, each filled up to the cap, reading order kept. Nothing moves earlier. An
 * item heavier than the cap keeps a day with no other catch-up item, as `spreadCatchUp` gives it.
 */
function withinCap(
  overrides: ReadonlyMap<number, string>,
  dueDates: ReadonlyMap<number, string>,
  baseItems: readonly { item: PlanItem }[],
  isStudyDay: (date: string) => boolean,
  cap: number,
): Map<number, string> {
  const next = new Map(overrides);
  const ownLoads = new Map<string, number>();
  const caughtUpByDate = new Map<string, { id: number; weight: number }[]>();
  for (const { item } of baseItems) {
    const date = dueDates.get(item.id);
    if (date === undefined) continue;
    const weight = estimatedMinutes(item);
    if (!overrides.has(item.id)) ownLoads.set(date, (ownLoads.get(date) ?? 0) + weight);
    else {
      const sameDay = caughtUpByDate.get(date);
      if (sameDay === undefined) caughtUpByDate.set(date, [{ id: item.id, weight }]);
      else sameDay.push({ id: item.id, weight });
    }
  }
  const dates = [...caughtUpByDate.keys()].sort();
  const waiting: { id: number; weight: number }[] = [];
  let date = dates[0] ?? "";
  for (let index = 0, scanned = 0; index < dates.length || waiting.length > 0; scanned += 1) {
    if (scanned > MAX_CAP_SCAN_DAYS) throw new RangeError("No study days left to keep a catch-up under its cap");
    if (waiting.length === 0) date = dates[index] ?? date;
    if (date === dates[index]) {
      waiting.push(...(caughtUpByDate.get(date) ?? []));
      index += 1;
    }
    // A day that is no study day keeps nothing it is handed (a catch-up never chose one).
    const placed = isStudyDay(date) ? countUnderCap(waiting, ownLoads.get(date) ?? 0, cap) : 0;
    for (const entry of waiting.splice(0, placed)) next.set(entry.id, date);
    date = addDays(date, 1);
  }
  return next;
}

/** Scanning this far past a catch-up day without placing its items means no study days are left. */
const MAX_CAP_SCAN_DAYS = 3660 * 2;

/** How many of `waiting`'s first items a day with `own` minutes of other reading takes under the cap. */
function countUnderCap(waiting: readonly { weight: number }[], own: number, cap: number): number {
  let added = 0;
  let count = 0;
  for (const { weight } of waiting) {
    const oversized = weight > cap;
    if (oversized ? count > 0 : own + added + weight > cap) break;
    added += weight;
    count += 1;
    if (oversized) break;
  }
  return count;
}

/** The i-th study day on or after `from`, computed once each. */
function studyDaySequence(from: string, isStudyDay: (date: string) => boolean): (index: number) => string {
  const found: string[] = [];
  let cursor = from;
  return (index) => {
    while (found.length <= index) {
      if (isStudyDay(cursor)) found.push(cursor);
      cursor = addDays(cursor, 1);
    }
    return found[index] ?? from;
  };
}

interface StudyDayContext {
  readonly startDate: string;
  readonly studyDays: readonly number[];
  readonly breakWeeks: readonly number[];
  readonly personalBreaks: readonly PersonalBreak[];
}

/** `isMemberStudyDay` with only `personalBreaks` of the member's breaks in force. */
function studyDayTest(plan: StudyDayContext, personalBreaks: readonly PersonalBreak[]): (date: string) => boolean {
  const inForce = { ...plan, personalBreaks };
  return (date) => isMemberStudyDay(inForce, date);
}

/** A day the member is expected to read: a cohort study weekday, outside cohort break weeks and personal breaks. */
export function isMemberStudyDay(plan: StudyDayContext, date: string): boolean {
  return plan.studyDays.includes(isoWeekday(date)) && !isMemberDayOff(plan, date);
}

/** A day off for the member: in a cohort break week or a personal break. No reminders; streaks skip it. */
export function isMemberDayOff(plan: Omit<StudyDayContext, "studyDays">, date: string): boolean {
  return (
    plan.breakWeeks.includes(calendarWeekOfDate(plan.startDate, date)) ||
    plan.personalBreaks.some((entry) => entry.from <= date && date <= entry.to)
  );
}

/**
 * The last day of the days off `date` falls in (cohort break weeks and
 * personal breaks, back to back), or null when `date` is not a day off.
 */
export function daysOffUntil(plan: Omit<StudyDayContext, "studyDays">, date: string): string | null {
  if (!isMemberDayOff(plan, date)) return null;
  let last = date;
  // Ends: breaks are finite (break weeks of the course, personal breaks of at most 28 days each).
  while (isMemberDayOff(plan, addDays(last, 1))) last = addDays(last, 1);
  return last;
}

/** The days `isMemberDayOff` answers true for, as ranges: cohort break weeks, then personal breaks. */
export function memberDaysOff(plan: Omit<StudyDayContext, "studyDays">): DayRange[] {
  return [...weekDayRanges(epochDayOfLocalDate(plan.startDate), plan.breakWeeks), ...localDateRanges(plan.personalBreaks)];
}

/** `MemberPlan.itemsByDueDate` of its items. */
export function groupByDueDate(items: readonly MemberPlanItem[]): Map<string, MemberPlanItem[]> {
  const byDate = new Map<string, MemberPlanItem[]>();
  for (const entry of items) {
    const sameDay = byDate.get(entry.dueDate);
    if (sameDay === undefined) byDate.set(entry.dueDate, [entry]);
    else sameDay.push(entry);
  }
  return byDate;
}

function memberEndDate(plan: CohortPlan, breaks: readonly number[], extraWeeks: number, items: readonly MemberPlanItem[]): string {
  const lastWeek = calendarWeekOf(plan.totalWeeks + extraWeeks, breaks);
  const calendarEnd = calendarWeekStartDate(plan.startDate, lastWeek + 1);
  const lastDue = items.reduce((latest, entry) => (entry.dueDate > latest ? entry.dueDate : latest), "");
  const afterLastDue = lastDue === "" ? calendarEnd : addDays(lastDue, 1);
  return afterLastDue > calendarEnd ? afterLastDue : calendarEnd;
}

/** Whether `/pace mode:extend` may add another week. */
export function canExtend(plan: Pick<MemberPlan, "extraWeeks">): boolean {
  return plan.extraWeeks < MAX_EXTEND_WEEKS;
}

/** The weeks of extension the adjustments leave in force, folded as `buildMemberPlan` folds them (a reset clears them). */
export function extraWeeksOf(adjustments: readonly MemberAdjustment[]): number {
  return adjustments.reduce(
    (weeks, adjustment) =>
      adjustment.kind === MemberAdjustmentKind.Reset
        ? 0
        : adjustment.kind === MemberAdjustmentKind.Extend
          ? Math.min(MAX_EXTEND_WEEKS, weeks + 1)
          : weeks,
    0,
  );
}

export const PaceChangeProblem = { ExtendLimit: "extend_limit", PlanChanged: "plan_changed" } as const;
export type PaceChangeProblem = (typeof PaceChangeProblem)[keyof typeof PaceChangeProblem];

/**
 * Why `adjustment` may not be stored after `stored`, the member's adjustments read in the transaction that
 * writes it (so two `/pace` at once are checked one after the other), or null. An extension past
 * `MAX_EXTEND_WEEKS` is refused (`canExtend`); a catch-up, whose items were read from the plan built on
 * `planned`, is refused when the adjustments changed since: its backlog may be planned already (the same
 * catch-up sent twice at once), so the caller re-reads the plan rather than store it twice.
 */
export function refusePaceChange(
  stored: readonly MemberAdjustment[],
  adjustment: MemberAdjustment,
  planned: readonly MemberAdjustment[],
): PaceChangeProblem | null {
  if (adjustment.kind === MemberAdjustmentKind.Extend && !canExtend({ extraWeeks: extraWeeksOf(stored) }))
    return PaceChangeProblem.ExtendLimit;
  if (adjustment.kind === MemberAdjustmentKind.CatchUp && JSON.stringify(stored) !== JSON.stringify(planned))
    return PaceChangeProblem.PlanChanged;
  return null;
}

export const PersonalBreakProblem = {
  NotADate: "not_a_date",
  EndsBeforeStart: "ends_before_start",
  TooLong: "too_long",
} as const;
export type PersonalBreakProblem = (typeof PersonalBreakProblem)[keyof typeof PersonalBreakProblem];

/** Why `/break from to` is refused, or null. */
export function checkPersonalBreak(from: string, to: string): PersonalBreakProblem | null {
  if (parseLocalDate(from) !== from || parseLocalDate(to) !== to) return PersonalBreakProblem.NotADate;
  if (to < from) return PersonalBreakProblem.EndsBeforeStart;
  if (daysBetween(from, to) > MAX_PERSONAL_BREAK_DAYS) return PersonalBreakProblem.TooLong;
  return null;
}

export const BreakBookingProblem = { TooMany: "too_many", Overlaps: "overlaps" } as const;

/** Why days off cannot be booked beside the member's breaks: `MAX_PLANNED_BREAKS` planned already, or one they overlap. */
export type BreakBookingRefusal =
  | { readonly problem: typeof BreakBookingProblem.TooMany }
  | { readonly problem: typeof BreakBookingProblem.Overlaps; readonly overlapping: PersonalBreak };

/**
 * Whether `entry` may be booked on member day `today` beside `breaks`, the member's breaks as stored (read in
 * the transaction that writes it, so two bookings at once are checked one after the other). Only breaks not
 * yet over count: overlapping days off would be ended together by one `off:True`, so one break per day.
 */
export function refuseBreakBooking(breaks: readonly PersonalBreak[], entry: PersonalBreak, today: string): BreakBookingRefusal | null {
  const planned = breaks.filter((other) => other.to >= today);
  if (planned.length >= MAX_PLANNED_BREAKS) return { problem: BreakBookingProblem.TooMany };
  const overlapping = planned.find((other) => other.from <= entry.to && other.to >= entry.from);
  if (overlapping === undefined) return null;
  return { problem: BreakBookingProblem.Overlaps, overlapping: { from: overlapping.from, to: overlapping.to } };
}

/**
 * `/break off:True from to` on member day `today`: each break not yet over that the dates touch, with what is
 * left of it (`endPersonalBreak`). `breaks`: the member's as stored, read in the transaction that writes the
 * result, so an `off:True` sent twice at once ends them once.
 */
export function personalBreaksToEnd<T extends PersonalBreak>(
  breaks: readonly T[],
  range: PersonalBreak,
  today: string,
): { readonly entry: T; readonly rest: PersonalBreak | null }[] {
  return breaks
    .filter((entry) => entry.to >= today && entry.to >= range.from && entry.from <= range.to)
    .map((entry) => ({ entry, rest: endPersonalBreak(entry, today) }));
}

/**
 * `/break off:True` on member day `today`: a break not yet begun is dropped
 * (null); one under way ends yesterday (today is a normal day again), or is
 * dropped when it began today.
 */
export function endPersonalBreak(entry: PersonalBreak, today: string): PersonalBreak | null {
  if (entry.to < today) return entry;
  const yesterday = addDays(today, -1);
  return entry.from > yesterday ? null : { from: entry.from, to: yesterday };
}

/**
 * Whether an item due on `dueDate` is backlog (never overdue), and whether only because Optional items were
 * turned on after it was due. One rule for `buildMemberPlan` and `replayMemberPlan`.
 */
export function backlogOf(
  item: PlanItem,
  dueDate: string,
  input: Pick<MemberPlanInput, "joinedOn" | "optionalFrom">,
): Pick<MemberPlanItem, "preJoin" | "addedLate"> {
  const beforeJoin = dueDate < input.joinedOn;
  const beforeOptional = item.kind === "Optional" && input.optionalFrom != null && dueDate < input.optionalFrom;
  return { preJoin: beforeJoin || beforeOptional, addedLate: beforeOptional && !beforeJoin };
}
