/**
 * Streaks that forgive (PRODUCT.md, Part 2 → "Streaks forgive").
 *
 * Days are member days (`memberDateOf`: the member's zone, rolling over at
 * 04:00). A study day counts when something was done on it; days off (cohort
 * break weeks, personal breaks) and non-study weekdays neither count nor break
 * the streak. Every 5 consecutive counted days earn a freeze (at most 2 held);
 * a missed study day spends one if any is held — the streak lives on without
 * growing — and otherwise ends the streak. Today counts once something is done
 * today and is never a miss before it is over. Today is never before a day
 * already logged for: a move to a zone further west takes no day away.
 */
import { isInDayRanges, type DayRange } from "../schedule/dayRanges.js";
import {
  epochDayOfLocalDate,
  epochDayOfLocalDateOrNull,
  isoWeekdayOfEpochDay,
  localDateOfEpochDay,
  toEpochMillis,
  type InstantInput,
} from "../schedule/localTime.js";
import { memberDayStartMillis, memberEpochDayOf } from "../schedule/memberDay.js";

export const FREEZE_EVERY_DAYS = 5;
export const MAX_FREEZES = 2;

/** Looking further ahead than this for the next study day means there is none. */
const MAX_LOOKAHEAD_DAYS = 400;

export interface StreakCompletion {
  readonly completedAt: InstantInput;
  /**
   * The member day the completion counts for: the target of a `/done … when:yesterday`,
   * or the member day stored when it was logged. Null: computed from `completedAt`
   * in `timeZone` (one zone look-up per completion, the costly part). Text
   * that is not a "YYYY-MM-DD" date counts for no day.
   */
  readonly day: string | null;
}

export interface StreakInput {
  readonly completions: readonly StreakCompletion[];
  /** The member's zone (`memberTimeZone`). */
  readonly timeZone: string;
  /** ISO weekdays of the cohort's study days. */
  readonly studyDays: readonly number[];
  /**
   * Cohort break weeks and personal breaks, in epoch days (`MemberPlan.daysOff`,
   * `breakDayRanges`). Data rather than a test per date: the streak looks at
   * every day since the first completion.
   */
  readonly daysOff: readonly DayRange[];
  /**
   * The course's first day ("YYYY-MM-DD"): the days before it are no study days (nothing is assigned on
   * them, as `yesterdayTarget` holds), so reading logged on them neither counts nor breaks. Null: no bound.
   */
  readonly firstDay?: string | null;
  readonly now: InstantInput;
  /** The day the member's day never goes back before (`memberToday`'s `dayNotBefore`); absent or null: none. */
  readonly dayNotBefore?: string | null;
  /**
   * When the cohort stopped taking streak days (the end of its course's last day, or the moment an admin
   * ended it); null: not known. From then on the streak stands as it did at that instant, with no deadlines.
   */
  readonly until?: InstantInput | null;
}

export interface StreakView {
  readonly current: number;
  readonly best: number;
  readonly freezesHeld: number;
  /** End of the next study day that needs a completion (after it a freeze goes, or the streak); null without a streak. */
  readonly actBy: Date | null;
  /** When the streak ends if nothing more is done, freezes spent; null without a streak or with no study day ahead. */
  readonly safeUntil: Date | null;
  /** `until` has passed: the streak stands as it was then, and nothing changes it any more. */
  readonly final: boolean;
  /**
   * Before the course's first day (`firstDay`): the member day ("YYYY-MM-DD") the streak can start on, the
   * first study day from then on, so replies say when it starts rather than "0 days". Null from that day on.
   */
  readonly startsOn: string | null;
}

/** The streak as it stands after some days; `forgivingStreak` steps it one study day at a time. */
interface StreakState {
  current: number;
  best: number;
  freezes: number;
  /** Counted days since the last freeze was earned (or the streak began). */
  towardsFreeze: number;
}

/**
 * Streak, best streak, freezes and deadlines at `now` (at `until` once that has passed). Days are epoch days
 * internally (integers): the loop runs over every day since the first
 * completion, for every /today and /done.
 */
export function forgivingStreak(input: StreakInput): StreakView {
  return streakAt(input).streak;
}

/** The streak with what the progress card's grid needs to show the days as the streak counted them. */
export interface StreakWithFrozenDays {
  readonly streak: StreakView;
  /** The study days ("YYYY-MM-DD") a freeze was spent on, oldest first: missed, yet the streak lived on. */
  readonly frozenDays: Set<string>;
  /** The member day ("YYYY-MM-DD") the streak stands on: today, never before a day already logged for (`activeDays`). */
  readonly today: string;
}

/** The streak, the days a freeze was spent on and the day it stands on, from one replay. */
export function streakWithFrozenDays(input: StreakInput): StreakWithFrozenDays {
  const frozenDays = new Set<string>();
  const { streak, today } = streakAt(input, (day) => frozenDays.add(localDateOfEpochDay(day)));
  return { streak, frozenDays, today: localDateOfEpochDay(today) };
}

function streakAt(input: StreakInput, onFrozen?: (day: number) => void): { streak: StreakView; today: number } {
  const over = isOver(input);
  // Once over, nothing can keep the streak: it is read at the end, and the days after it break nothing.
  const now = over ? (input.until ?? input.now) : input.now;
  const { state, today, active, isStudyDay, firstDay } = replayStreak(input, now, onFrozen);
  const deadlines =
    state.current === 0 || over
      ? { actBy: null, safeUntil: null }
      : streakDeadlines(input.timeZone, today, active.has(today), state.freezes, isStudyDay);
  // An ended cohort's streak stands as it was: it starts on no day any more.
  const startsOn = firstDay === null || over || today >= firstDay ? null : nextStudyDay(firstDay, isStudyDay);
  const streak = { current: state.current, best: state.best, freezesHeld: state.freezes, ...deadlines, final: over, startsOn };
  return { streak, today };
}

/** `until` has passed: the streak stands as it was then. */
function isOver(input: StreakInput): boolean {
  const until = input.until ?? null;
  return until !== null && toEpochMillis(until) <= toEpochMillis(input.now);
}

/** Steps the streak over every study day from the first completion to today (`activeDays`); `onFrozen` hears each day a freeze kept. */
function replayStreak(
  input: StreakInput,
  now: InstantInput,
  onFrozen?: (day: number) => void,
): {
  state: StreakState;
  today: number;
  active: Set<number>;
  isStudyDay: (day: number) => boolean;
  firstDay: number | null;
} {
  const { active, first, today } = activeDays(input.completions, input.timeZone, {
    now,
    loggedBy: input.now,
    dayNotBefore: input.dayNotBefore ?? null,
  });
  const firstDay = input.firstDay === undefined || input.firstDay === null ? null : epochDayOfLocalDateOrNull(input.firstDay);
  const isStudyDay = studyDayTest(input.studyDays, input.daysOff, firstDay);
  const state: StreakState = { current: 0, best: 0, freezes: 0, towardsFreeze: 0 };
  if (active.size > 0) {
    for (let day = first; day < today; day += 1) {
      if (!isStudyDay(day)) continue;
      if (active.has(day)) counted(state);
      else if (missed(state)) onFrozen?.(day);
    }
    if (isStudyDay(today) && active.has(today)) counted(state);
  }
  return { state, today, active, isStudyDay, firstDay };
}

/** The first study day from `from` on, within reach ("YYYY-MM-DD"); null when there is none. */
function nextStudyDay(from: number, isStudyDay: (day: number) => boolean): string | null {
  for (let day = from; day <= from + MAX_LOOKAHEAD_DAYS; day += 1) {
    if (isStudyDay(day)) return localDateOfEpochDay(day);
  }
  return null;
}

/**
 * Member days with a completion, up to today, the earliest of them, and today. Completions after `now` are ignored,
 * except one logged for a day before today (`when:yesterday`) by `loggedBy`: the morning after a course's
 * last day, reading logged for that day counts for it, as it would during the course (and as the grid shows it).
 *
 * Today is `now`'s member day, or the latest day reading was logged for by `now` when that is later: a day the member
 * already lived is never still ahead of them. Why: a completion keeps the member day it was logged on, in the zone of
 * then; after a move west (`/remind timezone:`, a cohort's zone edit) the new zone's day can still be the one before,
 * and the streak read on it would lose the day already earned until the new zone's clock caught up.
 */
function activeDays(
  completions: readonly StreakCompletion[],
  timeZone: string,
  instants: { readonly now: InstantInput; readonly loggedBy: InstantInput; readonly dayNotBefore: string | null },
): { active: Set<number>; first: number; today: number } {
  const nowMillis = toEpochMillis(instants.now);
  const loggedByMillis = toEpochMillis(instants.loggedBy);
  // memberToday's rule, as an epoch day (this runs for every streak).
  const floor = instants.dayNotBefore === null ? null : epochDayOfLocalDateOrNull(instants.dayNotBefore);
  const zoneToday = Math.max(memberEpochDayOf(instants.now, timeZone), floor ?? Number.NEGATIVE_INFINITY);
  const active = new Set<number>();
  let today = zoneToday;
  let first = zoneToday;
  for (const completion of completions) {
    const completedMillis = toEpochMillis(completion.completedAt);
    if (completedMillis > loggedByMillis) continue;
    const epochDay =
      completion.day === null ? memberEpochDayOf(completion.completedAt, timeZone) : epochDayOfLocalDateOrNull(completion.day);
    if (epochDay === null) continue;
    if (completedMillis > nowMillis) {
      // Logged after `now`: only for a day already over then (`when:yesterday` the morning after the last day).
      if (completion.day === null || epochDay >= zoneToday) continue;
    } else if (epochDay > today) today = epochDay;
    active.add(epochDay);
    if (epochDay < first) first = epochDay;
  }
  return { active, first, today };
}

/** A cohort study weekday that is not a day off, from the course's first day on (`firstDay`, an epoch day; null: any). */
function studyDayTest(studyDays: readonly number[], daysOff: readonly DayRange[], firstDay: number | null): (day: number) => boolean {
  return (day) => (firstDay === null || day >= firstDay) && studyDays.includes(isoWeekdayOfEpochDay(day)) && !isInDayRanges(daysOff, day);
}

function counted(state: StreakState): void {
  state.current += 1;
  state.best = Math.max(state.best, state.current);
  state.towardsFreeze += 1;
  if (state.towardsFreeze === FREEZE_EVERY_DAYS) {
    state.freezes = Math.min(MAX_FREEZES, state.freezes + 1);
    state.towardsFreeze = 0;
  }
}

/** Steps over a missed study day; true when a freeze kept the streak. */
function missed(state: StreakState): boolean {
  state.towardsFreeze = 0;
  if (state.current > 0 && state.freezes > 0) {
    state.freezes -= 1;
    return true;
  }
  state.current = 0;
  state.freezes = 0;
  return false;
}

/** The ends of the coming study days that would be misses: the first needs action, the one past the freezes ends the streak. */
function streakDeadlines(
  zone: string,
  today: number,
  doneToday: boolean,
  freezes: number,
  isStudyDay: (day: number) => boolean,
): Pick<StreakView, "actBy" | "safeUntil"> {
  let actBy: Date | null = null;
  let misses = 0;
  for (let offset = doneToday ? 1 : 0; offset <= MAX_LOOKAHEAD_DAYS; offset += 1) {
    const day = today + offset;
    if (!isStudyDay(day)) continue;
    const end = new Date(memberDayStartMillis(day + 1, zone));
    actBy ??= end;
    misses += 1;
    if (misses > freezes) return { actBy, safeUntil: end };
  }
  return { actBy, safeUntil: null };
}

/**
 * The member day `/done … when:yesterday` logs for on member day `today`: the
 * latest study day before today that is not a day off, and not before
 * `startDate`: the course's first day, or the member's own when they joined
 * later (there is no study day of theirs before it); null when there is none
 * within reach.
 */
export function yesterdayTarget(
  today: string,
  studyDays: readonly number[],
  daysOff: readonly DayRange[],
  startDate: string | null = null,
): string | null {
  const isStudyDay = studyDayTest(studyDays, daysOff, startDate === null ? null : epochDayOfLocalDate(startDate));
  const todayDay = epochDayOfLocalDate(today);
  for (let day = todayDay - 1; day >= todayDay - MAX_LOOKAHEAD_DAYS; day -= 1) {
    if (isStudyDay(day)) return localDateOfEpochDay(day);
  }
  return null;
}
