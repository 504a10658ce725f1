import { weekPostDueAt } from "./plannedPosts.js";
import type { CohortSettings, PlannedPost } from "./scheduleTypes.js";

/** A post more than this late (the bot was down, the cohort paused) is skipped and logged, not sent. */
export const maxLateMs = 24 * 60 * 60 * 1000;

/**
 * A creation (`replaced` null), an edit of the announce day or time, start date or zone, with the values it
 * replaced, or a resume, a channel edit, an edit that found the channel usable again or the bot finding it so
 * (`reopens`: the closing post that came due while the cohort was paused, or could not post, is late only from it).
 */
export interface PostTimeChange {
  readonly at: Date;
  readonly replaced: Partial<Pick<CohortSettings, "announceDay" | "announceTime" | "startDate" | "timeZone">> | null;
  readonly reopens: boolean;
}

/**
 * The weekly post of the week running (or about to begin) among the due posts: the last one due, unless
 * the closing post is due too (the course is over). Earlier weeks' posts are history.
 */
export function currentWeekPost(due: readonly PlannedPost[]): PlannedPost | undefined {
  if (due.some((post) => post.kind === "closing")) return undefined;
  return due.filter((post) => post.kind === "week").at(-1);
}

/** Whether a post is more than a day late at `now`: the scheduler then sends it only when lateOnlySinceSet says so. */
export function isPastCatchUp(post: PlannedPost, now: Date): boolean {
  return now.getTime() - post.dueAt.getTime() >= maxLateMs;
}

/**
 * The running (or next) week's post whose time was already past when it was set: by the cohort's
 * creation, or by an edit of the announce day or time, start date or zone that moved it there from a time still to come.
 * Its members are late only from that change, so it goes out (and is retried) while the change is less
 * than 24 hours old. An edit of a post already due (during a pause or an outage) changes nothing.
 * The closing post that came due while the cohort was paused or its channel unusable: the course's end, late
 * only from the resume or the edit of the channel. `changes`: those of the last 24 hours, newest first.
 */
export function lateOnlySinceSet(
  settings: CohortSettings,
  post: PlannedPost,
  currentWeek: boolean,
  changes: readonly PostTimeChange[],
  now: Date,
): boolean {
  if (!currentWeek && post.kind !== "closing") return false;
  return changes.some((change) => {
    if (post.dueAt.getTime() >= change.at.getTime() || now.getTime() - change.at.getTime() >= maxLateMs) return false;
    if (post.kind === "closing") return change.reopens;
    if (change.replaced === null) return true;
    if (post.kind !== "week" || post.weekNumber === undefined) return false;
    const before = weekPostDueAt({ ...settings, ...change.replaced }, post.weekNumber);
    return before.getTime() > change.at.getTime();
  });
}
