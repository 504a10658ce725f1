import { PostStatus, type ScheduledPostRecord } from "./scheduledPostModel.js";
import { maxLateMs } from "./catchUpRule.js";
import { weekPostDueAt } from "./plannedPosts.js";
import type { CohortSettings } from "./scheduleTypes.js";
import {
  setAsideWeekPeriod,
  weekBoardLiveUntil,
  weekNumberOfPeriod,
  weekNumberOfSetAsidePeriod,
  weekPostPeriod,
} from "./weekPostPeriod.js";

/** What a start-date or zone edit does to the cohort's weekly post rows (written with the settings, in one transaction). */
export interface WeekPostChanges {
  readonly setAside: readonly { readonly postId: number; readonly from: string; readonly to: string }[];
  readonly takenBack: readonly { readonly postId: number; readonly from: string; readonly to: string; readonly liveUntil: Date }[];
  readonly boardsMoved: readonly { readonly postId: number; readonly liveUntil: Date }[];
  /** The edit's time: a set-aside row's board still live ends then, and gets its "moved" edit a minute later. */
  readonly at: Date;
}

export interface WeekPostsAfterStartEdit {
  readonly changes: WeekPostChanges;
  /** Weeks whose post went out at a time the edit moved and that will be announced again: those messages stay in the channel. */
  readonly postsLeftUp: readonly number[];
}

type PostSettings = Pick<CohortSettings, "startDate" | "timeZone" | "announceDay" | "announceTime">;

/**
 * Where a board follows its week's new end. A week any start or zone edit ends (running before it, over after it,
 * such as a zone moved east across the date line by up to 26 hours) ends at the edit, as with `/cohort end`: its
 * final edit comes a minute later, not given up on for a week's end already more than a day old.
 */
function movedBoardEnd(before: PostSettings, after: PostSettings, week: number, now: Date): Date {
  const end = weekBoardLiveUntil(after, week);
  const endedByEdit = weekBoardLiveUntil(before, week).getTime() > now.getTime() && end.getTime() < now.getTime();
  return endedByEdit ? now : end;
}

/**
 * A week's post is one post per (week, instant). After an edit of the start date, a row whose week the
 * new start moves (its time under the old start and under the new one differ, the other settings as
 * they are now: a post sent before an announce time or zone edit is not "moved" by that) is set aside,
 * so the week is announced again at its new time; a row set aside earlier for exactly the new instant
 * is taken back, so that instant is not announced twice (its board live until the week's end, or until the
 * edit when that end is past). Every other row keeps its period; its board
 * follows the week's new end (a zone edit moves it too).
 */
export function weekPostsAfterStartEdit(
  rows: readonly ScheduledPostRecord[],
  before: PostSettings,
  after: PostSettings,
  now: Date,
): WeekPostsAfterStartEdit {
  const setAside: (WeekPostChanges["setAside"][number] & { readonly week: number; readonly sent: boolean })[] = [];
  const boardsMoved: WeekPostChanges["boardsMoved"][number][] = [];
  const heldWeeks = new Set<number>();
  const startMoves = (week: number) =>
    weekPostDueAt({ ...after, startDate: before.startDate }, week).getTime() !== weekPostDueAt(after, week).getTime();
  for (const row of rows) {
    const weekNumber = row.kind === "week" ? weekNumberOfPeriod(row.period) : null;
    if (weekNumber === null) continue;
    if (!startMoves(weekNumber)) {
      heldWeeks.add(weekNumber);
      boardsMoved.push({ postId: row.id, liveUntil: movedBoardEnd(before, after, weekNumber, now) });
      continue;
    }
    setAside.push({
      postId: row.id,
      from: row.period,
      to: setAsideWeekPeriod(weekNumber, row.dueAt),
      week: weekNumber,
      sent: row.status === PostStatus.Sent,
    });
  }
  const takenBack: WeekPostChanges["takenBack"][number][] = [];
  for (const row of rows) {
    const week = row.kind === "week" ? weekNumberOfSetAsidePeriod(row.period) : null;
    if (week === null) continue;
    if (heldWeeks.has(week) || row.period !== setAsideWeekPeriod(week, weekPostDueAt(after, week))) continue;
    heldWeeks.add(week);
    // A week already over ends at the edit: its board, which may say its week moved, gets its final edit a minute later.
    const liveUntil = new Date(Math.max(weekBoardLiveUntil(after, week).getTime(), now.getTime()));
    takenBack.push({ postId: row.id, from: row.period, to: weekPostPeriod(week), liveUntil });
  }
  const postsLeftUp = setAside
    .filter((row) => row.sent && !heldWeeks.has(row.week) && announcedAgain(row.week, before, after, now))
    .map((row) => row.week);
  return {
    changes: { setAside: setAside.map(({ postId, from, to }) => ({ postId, from, to })), takenBack, boardsMoved, at: now },
    postsLeftUp: postsLeftUp.sort((a, b) => a - b),
  };
}

/**
 * Whether the scheduler will send week `week`'s post at its new time: it is still to come or less than a
 * day late, or it is the running week's post that this edit moved from a time still to come into the past
 * (late only since the edit). Any other past week is skipped by the catch-up rule. The running week ends
 * with the next calendar week's post, a break week's too: a break week has its own post, which the
 * scheduler then sends as the running week's (Scheduler's currentWeekPost), so no break weeks are needed here.
 */
function announcedAgain(week: number, before: PostSettings, after: PostSettings, now: Date): boolean {
  const dueAt = weekPostDueAt(after, week).getTime();
  if (dueAt > now.getTime() - maxLateMs) return true;
  const nextDueAt = weekPostDueAt(after, week + 1).getTime();
  const running = nextDueAt > now.getTime();
  return running && weekPostDueAt(before, week).getTime() > now.getTime();
}
