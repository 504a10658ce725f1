/**
 * What a member's plan means on a given member day, given what they have done:
 * today's reading, what is overdue, the late joiner's backlog, and how far
 * behind or ahead of the cohort they are.
 */
import { isItemDone, memberEstimate } from "./choiceSlots.js";
import { calendarWeekStartDate } from "./cohortBreaks.js";
import { isMemberStudyDay, oldestDueFirst, type MemberPlan, type MemberPlanItem } from "./memberPlan.js";

/** `/today` lists at most this many overdue items, then points to `/pace`. */
export const OVERDUE_LIST_LIMIT = 5;

export interface MemberItemStatus extends MemberPlanItem {
  readonly done: boolean;
}

export interface ItemTally {
  readonly items: number;
  /** Sum of the estimates that exist; items without one are counted in `unestimatedItems`. */
  readonly minutes: number;
  readonly unestimatedItems: number;
}

export interface MemberDayStatus {
  readonly today: string;
  /** Items due today, done or not, in reading order. */
  readonly dueToday: readonly MemberItemStatus[];
  /** Not done, due before today, not pre-join backlog; oldest first. The plan's own entries: none is done. */
  readonly overdue: readonly MemberPlanItem[];
  /** Pre-join items not done yet (listed by `/pace`, never overdue), oldest first. The plan's own entries. */
  readonly backlog: readonly MemberPlanItem[];
}

/**
 * THE rule of "overdue" on member day `today`, done or not: due before today
 * and not the late joiner's pre-join backlog. `/today` lists these (not done),
 * and the roster's *behind* is these among Required items (`rosterStanding`).
 */
export function isOverdue(entry: Pick<MemberPlanItem, "dueDate" | "preJoin">, today: string): boolean {
  return entry.dueDate < today && !entry.preJoin;
}

/** The member's day `today` (member-local, see `memberDateOf`). */
export function memberDayStatus(plan: MemberPlan, doneItemIds: ReadonlySet<number>, today: string): MemberDayStatus {
  const overdue: MemberPlanItem[] = [];
  const backlog: MemberPlanItem[] = [];
  // Items due before today are a prefix of the plan's due order, oldest first already. One pass:
  // this runs for every /today and reminder. The plan's entries as they are, not a copy marked
  // "not done" each: a late member has dozens, and /today lists five.
  const { itemsInDueOrder } = plan;
  for (let index = 0, end = dueBefore(plan, today); index < end; index += 1) {
    const entry = itemsInDueOrder[index];
    if (entry === undefined || isItemDone(entry.item, doneItemIds)) continue;
    (isOverdue(entry, today) ? overdue : backlog).push(entry);
  }
  return {
    today,
    dueToday: (plan.itemsByDueDate.get(today) ?? []).map((entry) => ({ ...entry, done: isItemDone(entry.item, doneItemIds) })),
    overdue,
    backlog,
  };
}

/** Where the roster puts a member, as far as their own plan decides it. */
export interface RosterStanding {
  /** Required items overdue (`isOverdue`) and not done, and their minutes (0 for an item without an estimate). */
  readonly behind: { readonly items: number; readonly minutes: number };
  /** Every Required item of the plan done (a plan without Required items finishes nobody). */
  readonly finished: boolean;
}

/**
 * The roster's view of one member on member day `today`, against their own
 * plan: a late joiner's pre-join items, an extension's later dates and a
 * catch-up's dates all count as `/today` counts them. The roster computes the
 * same in SQL for every member at once (`RosterRepository`); the oracle test
 * holds the two together.
 */
export function rosterStanding(plan: MemberPlan, doneItemIds: ReadonlySet<number>, today: string): RosterStanding {
  const required = plan.items.filter((entry) => entry.item.kind === "Required");
  const behind = required.filter((entry) => isOverdue(entry, today) && !isItemDone(entry.item, doneItemIds));
  return {
    behind: { items: behind.length, minutes: behind.reduce((sum, entry) => sum + (entry.item.minutes ?? 0), 0) },
    finished: required.length > 0 && required.every((entry) => isItemDone(entry.item, doneItemIds)),
  };
}

/** How many of the plan's items (in due order) are due before `date`. */
function dueBefore(plan: MemberPlan, date: string): number {
  return partitionPoint(plan.itemsInDueOrder, (entry) => entry.dueDate < date);
}

/** The number of leading entries for which `isBefore` holds (it holds for a prefix of `entries`): a binary search. */
function partitionPoint(entries: readonly MemberPlanItem[], isBefore: (entry: MemberPlanItem) => boolean): number {
  let low = 0;
  let high = entries.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    const entry = entries[middle];
    if (entry !== undefined && isBefore(entry)) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * What `/pace mode:catch_up` re-plans on `today`: every assigned item due
 * before today and not done (overdue and pre-join backlog alike), oldest first.
 * Store these ids with the adjustment. A "choose one" slot gives its id and
 * every track's after it: a re-import that removes the slot's first track (whose
 * id the slot had) leaves the others to find it by.
 */
export function catchUpBacklog(plan: MemberPlan, doneItemIds: ReadonlySet<number>, today: string): number[] {
  const status = memberDayStatus(plan, doneItemIds, today);
  const ids = [...status.overdue, ...status.backlog]
    .sort(oldestDueFirst)
    .flatMap(({ item }) => [item.id, ...(item.choice ?? []).map((track) => track.id)]);
  return [...new Set(ids)];
}

export interface MemberPace {
  /** Required items the cohort's plan had due before today that the member has not done. */
  readonly behind: ItemTally;
  /** Required items the member has done that the cohort's plan has due after today. */
  readonly ahead: ItemTally;
}

/**
 * How far behind or ahead the member is against the cohort's plan (not their
 * own: an extension does not make anyone "on track"). Required items only;
 * today's reading counts neither way.
 */
export function memberPace(plan: MemberPlan, doneItemIds: ReadonlySet<number>, today: string): MemberPace {
  const required = plan.items.filter((entry) => entry.item.kind === "Required");
  return {
    behind: tally(required.filter((entry) => entry.cohortDate < today && !isItemDone(entry.item, doneItemIds))),
    // A slot done ahead weighs the track read, as /today and /progress count it.
    ahead: tally(
      required
        .filter((entry) => entry.cohortDate > today && isItemDone(entry.item, doneItemIds))
        .map((entry) => ({ item: { minutes: memberEstimate(entry.item, doneItemIds) } })),
    ),
  };
}

/** What `tally` reads of an entry (a member plan item, or `/today`'s status of one). */
interface Tallied {
  readonly item: { readonly minutes: number | null };
}

const noItems: ItemTally = { items: 0, minutes: 0, unestimatedItems: 0 };

/** Count and minutes of some items, added to `base` (`/today` adds the overdue lines it cannot list to "…and N more"). */
export function tally(entries: readonly Tallied[], base: ItemTally = noItems): ItemTally {
  return tallyFrom(entries, 0, base);
}

export interface OverduePage {
  /** The oldest overdue items, at most `OVERDUE_LIST_LIMIT`: `/today` lists these and offers a button for each. */
  readonly listed: readonly MemberPlanItem[];
  /** The rest, for "…and N more (time): `/pace` to catch up"; zero items when everything is listed. */
  readonly more: ItemTally;
}

/** Overdue never becomes a wall: the first few, and a count of the others. */
export function overduePage(overdue: readonly MemberPlanItem[], limit = OVERDUE_LIST_LIMIT): OverduePage {
  return { listed: overdue.slice(0, limit), more: tallyFrom(overdue, limit) };
}

/** `tally(entries.slice(start), base)` without the copy: the overdue list of a late member runs to dozens. */
function tallyFrom(entries: readonly Tallied[], start: number, base: ItemTally = noItems): ItemTally {
  let { items, minutes, unestimatedItems } = base;
  for (let index = start; index < entries.length; index += 1) {
    const minutesOfItem = entries[index]?.item.minutes ?? null;
    items += 1;
    if (minutesOfItem === null) unestimatedItems += 1;
    else minutes += minutesOfItem;
  }
  return { items, minutes, unestimatedItems };
}

/** Whether the member's own course is over on member day `today`. */
export function memberCourseHasEnded(plan: Pick<MemberPlan, "endDate">, today: string): boolean {
  return today >= plan.endDate;
}

/** `/week n` for this member: items their own plan has due in calendar week `week`, by due date then reading order. */
export function memberWeekItems(plan: MemberPlan, week: number): MemberPlanItem[] {
  const from = calendarWeekStartDate(plan.startDate, week);
  const until = calendarWeekStartDate(plan.startDate, week + 1);
  return plan.itemsInDueOrder.slice(dueBefore(plan, from), dueBefore(plan, until));
}

/** The member's next study day after `today` with something due, or null when nothing is left. */
export function nextReadingDay(plan: MemberPlan, today: string): string | null {
  const { itemsInDueOrder } = plan;
  // Due dates after today, in order: from the first item due after today, each new date once.
  const start = partitionPoint(itemsInDueOrder, (entry) => entry.dueDate <= today);
  let previous: string | null = null;
  for (let index = start; index < itemsInDueOrder.length; index += 1) {
    const date = itemsInDueOrder[index]?.dueDate ?? null;
    if (date === null || date === previous) continue;
    if (isMemberStudyDay(plan, date)) return date;
    previous = date;
  }
  return itemsInDueOrder[start]?.dueDate ?? null;
}
