import { PostStatus, type ScheduledPostRecord } from "./scheduledPostModel.js";
import { weekPostDueAt } from "./plannedPosts.js";
import type { CohortSettings } from "./scheduleTypes.js";
import {
  setAsideWeekPeriod,
  weekBoardLiveUntil,
  weekNumberOfPeriod,
  weekNumberOfSetAsidePeriod,
  weekPostPeriod,
} from "./weekPostPeriod.js";

/** What a start-date edit does to the cohort's weekly post rows (ScheduledPostRepository.reassignWeekPosts). */
export interface WeekPostChanges {
  readonly setAside: readonly { readonly postId: number; readonly from: string; readonly to: string }[];
  readonly takenBack: readonly { readonly postId: number; readonly from: string; readonly to: string; readonly liveUntil: Date }[];
  readonly boardsMoved: readonly { readonly postId: number; readonly liveUntil: Date }[];
}

export interface WeekPostsAfterStartEdit {
  readonly changes: WeekPostChanges;
  /** Weeks whose post went out at a time the edit moved: those messages stay in the channel. */
  readonly postsLeftUp: readonly number[];
}

/**
 * A week's post is one post per (week, instant). After a start-date edit, a row whose instant moved
 * is set aside, so the week is announced again at its new time; a row set aside earlier for exactly
 * the new instant is taken back, so that instant is not announced twice. A row whose instant stayed
 * (a start moved within the days before the announce day) keeps its period; its board follows the
 * week's new end.
 */
export function weekPostsAfterStartEdit(
  rows: readonly ScheduledPostRecord[],
  settings: Pick<CohortSettings, "startDate" | "timeZone" | "announceDay" | "announceTime">,
): WeekPostsAfterStartEdit {
  const setAside: WeekPostChanges["setAside"][number][] = [];
  const boardsMoved: WeekPostChanges["boardsMoved"][number][] = [];
  const postsLeftUp: number[] = [];
  const heldWeeks = new Set<number>();
  for (const row of rows) {
    const weekNumber = row.kind === "week" ? weekNumberOfPeriod(row.period) : null;
    if (weekNumber === null) continue;
    if (weekPostDueAt(settings, weekNumber).getTime() === row.dueAt.getTime()) {
      heldWeeks.add(weekNumber);
      boardsMoved.push({ postId: row.id, liveUntil: weekBoardLiveUntil(settings, weekNumber) });
      continue;
    }
    setAside.push({ postId: row.id, from: row.period, to: setAsideWeekPeriod(weekNumber, row.dueAt) });
    if (row.status === PostStatus.Sent) postsLeftUp.push(weekNumber);
  }
  const takenBack: WeekPostChanges["takenBack"][number][] = [];
  for (const row of rows) {
    const week = row.kind === "week" ? weekNumberOfSetAsidePeriod(row.period) : null;
    if (week === null) continue;
    if (heldWeeks.has(week) || row.period !== setAsideWeekPeriod(week, weekPostDueAt(settings, week))) continue;
    heldWeeks.add(week);
    takenBack.push({ postId: row.id, from: row.period, to: weekPostPeriod(week), liveUntil: weekBoardLiveUntil(settings, week) });
  }
  return { changes: { setAside, takenBack, boardsMoved }, postsLeftUp: postsLeftUp.sort((a, b) => a - b) };
}
