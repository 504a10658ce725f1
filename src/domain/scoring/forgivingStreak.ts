/**
 * Streaks that forgive (PRODUCT.md, Part 2 → "Streaks forgive").
 *
 * Days are member days (`memberDateOf`: the member's zone, rolling over at
 * 04:00). A study day counts when something was done on it; days off (cohort
 * break weeks, personal breaks) and non-study weekdays neither count nor break
 * the streak. Every 5 consecutive counted days earn a freeze (at most 2 held);
 * a missed study day spends one if any is held — the streak lives on without
 * growing — and otherwise ends the streak. Today counts once something is done
 * today and is never a miss before it is over.
 */
import { addDays, isoWeekday, toEpochMillis, type InstantInput } from "../schedule/localTime.js";
import { memberDateOf, memberDayEnd } from "../schedule/memberDay.js";

export const FREEZE_EVERY_DAYS = 5;
export const MAX_FREEZES = 2;

/** Looking further ahead than this for the next study day means there is none. */
const MAX_LOOKAHEAD_DAYS = 400;

export interface StreakCompletion {
  readonly completedAt: InstantInput;
  /**
   * The member day the completion counts for: the target of a `/done … when:yesterday`,
   * or the member day stored when it was logged. Null: computed from `completedAt`
   * in `timeZone` (one zone look-up per completion, the costly part).
   */
  readonly forDate: string | null;
}

export interface StreakInput {
  readonly completions: readonly StreakCompletion[];
  /** The member's zone (`memberTimeZone`). */
  readonly timeZone: string;
  /** ISO weekdays of the cohort's study days. */
  readonly studyDays: readonly number[];
  /** Cohort break weeks and personal breaks (`isMemberDayOff`). */
  readonly isDayOff: (date: string) => boolean;
  readonly now: InstantInput;
}

export interface StreakView {
  readonly current: number;
  readonly best: number;
  readonly freezesHeld: number;
  /** End of the next study day that needs a completion (after it a freeze goes, or the streak); null without a streak. */
  readonly actBy: Date | null;
  /** When the streak ends if nothing more is done, freezes spent; null without a streak or with no study day ahead. */
  readonly safeUntil: Date | null;
}

interface StreakState {
  readonly current: number;
  readonly best: number;
  readonly freezes: number;
  /** Counted days since the last freeze was earned (or the streak began). */
  readonly towardsFreeze: number;
}

const emptyState: StreakState = { current: 0, best: 0, freezes: 0, towardsFreeze: 0 };

/** Streak, best streak, freezes and deadlines at `now`. */
export function forgivingStreak(input: StreakInput): StreakView {
  const today = memberDateOf(input.now, input.timeZone);
  const active = activeDates(input, today);
  const isStudyDay = (date: string): boolean => input.studyDays.includes(isoWeekday(date)) && !input.isDayOff(date);
  let state = emptyState;
  const first = [...active].sort()[0];
  if (first !== undefined) {
    for (let date = first; date < today; date = addDays(date, 1)) {
      if (isStudyDay(date)) state = active.has(date) ? counted(state) : missed(state);
    }
    if (isStudyDay(today) && active.has(today)) state = counted(state);
  }
  const deadlines =
    state.current === 0 ? { actBy: null, safeUntil: null } : streakDeadlines(input, today, active.has(today), state.freezes, isStudyDay);
  return { current: state.current, best: state.best, freezesHeld: state.freezes, ...deadlines };
}

/** Member days with a completion, up to today (completions after `now` are ignored). */
function activeDates(input: StreakInput, today: string): Set<string> {
  const nowMillis = toEpochMillis(input.now);
  const dates = new Set<string>();
  for (const completion of input.completions) {
    if (toEpochMillis(completion.completedAt) > nowMillis) continue;
    const date = completion.forDate ?? memberDateOf(completion.completedAt, input.timeZone);
    if (date <= today) dates.add(date);
  }
  return dates;
}

function counted(state: StreakState): StreakState {
  const earned = state.towardsFreeze + 1 === FREEZE_EVERY_DAYS;
  const current = state.current + 1;
  return {
    current,
    best: Math.max(state.best, current),
    freezes: earned ? Math.min(MAX_FREEZES, state.freezes + 1) : state.freezes,
    towardsFreeze: earned ? 0 : state.towardsFreeze + 1,
  };
}

function missed(state: StreakState): StreakState {
  if (state.current > 0 && state.freezes > 0) return { ...state, freezes: state.freezes - 1, towardsFreeze: 0 };
  return { ...state, current: 0, freezes: 0, towardsFreeze: 0 };
}

/** The ends of the coming study days that would be misses: the first needs action, the one past the freezes ends the streak. */
function streakDeadlines(
  input: StreakInput,
  today: string,
  doneToday: boolean,
  freezes: number,
  isStudyDay: (date: string) => boolean,
): Pick<StreakView, "actBy" | "safeUntil"> {
  let actBy: Date | null = null;
  let misses = 0;
  for (let offset = doneToday ? 1 : 0; offset <= MAX_LOOKAHEAD_DAYS; offset += 1) {
    const date = addDays(today, offset);
    if (!isStudyDay(date)) continue;
    const end = memberDayEnd(date, input.timeZone);
    actBy ??= end;
    misses += 1;
    if (misses > freezes) return { actBy, safeUntil: end };
  }
  return { actBy, safeUntil: null };
}

/**
 * The member day `/done … when:yesterday` logs for on member day `today`: the
 * latest study day before today that is not a day off; null when there is
 * none within reach.
 */
export function yesterdayTarget(today: string, studyDays: readonly number[], isDayOff: (date: string) => boolean): string | null {
  for (let offset = 1; offset <= MAX_LOOKAHEAD_DAYS; offset += 1) {
    const date = addDays(today, -offset);
    if (studyDays.includes(isoWeekday(date)) && !isDayOff(date)) return date;
  }
  return null;
}
