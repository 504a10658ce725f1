import { isValidTimeZone, zonedInstant } from "./localTime.js";
import { weekPostDueAt } from "./plannedPosts.js";
import { PostStatus, type ScheduledPostRecord } from "./scheduledPostModel.js";
import { setAsideWeekPeriod } from "./weekPostPeriod.js";
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
 * A checkpoint prompt or the closing post still to come that a zone edit moved into the past likewise (movedByZoneEdit).
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
  return changesSettingLate(settings, post, currentWeek, changes).some((change) => now.getTime() - change.at.getTime() < maxLateMs);
}

/**
 * The last instant the scheduler still sends a due post by the catch-up rule: a day after it was due, or a day after
 * the latest change that set it late (lateOnlySinceSet), whichever is later; a week's post so set late only while it
 * is the running week's (currentWeekPost), until the next week's post or the closing post is due. `planned`: the
 * cohort's posts; `changes`: those of the last 24 hours.
 */
export function catchUpEndsAt(
  settings: CohortSettings,
  planned: readonly PlannedPost[],
  post: PlannedPost,
  currentWeek: boolean,
  changes: readonly PostTimeChange[],
): Date {
  const dayAfterDue = post.dueAt.getTime() + maxLateMs;
  const setLate = changesSettingLate(settings, post, currentWeek, changes).map((change) => change.at.getTime() + maxLateMs);
  if (setLate.length === 0) return new Date(dayAfterDue);
  const running = post.kind === "week" ? runningUntil(planned, post) : Infinity;
  return new Date(Math.max(dayAfterDue, Math.min(Math.max(...setLate), running)));
}

/** When a week's post stops being the running week's: the next week's post or the closing post is due. */
function runningUntil(planned: readonly PlannedPost[], post: PlannedPost): number {
  const later = planned.filter((other) => other.kind !== "checkpoint" && other.dueAt.getTime() > post.dueAt.getTime());
  return Math.min(Infinity, ...later.map((other) => other.dueAt.getTime()));
}

/** The changes after which the post is late only from them (see lateOnlySinceSet), however old they are. */
function changesSettingLate(
  settings: CohortSettings,
  post: PlannedPost,
  currentWeek: boolean,
  changes: readonly PostTimeChange[],
): PostTimeChange[] {
  if (!currentWeek && post.kind === "week") return [];
  return changes.filter((change, index) => {
    if (post.dueAt.getTime() >= change.at.getTime()) return false;
    const after = settingsAfter(settings, changes, index);
    if (post.kind === "closing") return change.reopens || movedByZoneEdit(post, change, after, settings);
    if (post.kind === "checkpoint") return movedByZoneEdit(post, change, after, settings);
    if (change.replaced === null) return true;
    if (post.weekNumber === undefined) return false;
    const before = weekPostDueAt({ ...after, ...change.replaced }, post.weekNumber);
    return before.getTime() > change.at.getTime();
  });
}

/**
 * The settings just after `changes[index]`: the current ones with every newer change undone, newest first, so
 * a later edit (announce_time minutes after a zone edit, before any tick) does not blur what this one moved.
 */
function settingsAfter(settings: CohortSettings, changes: readonly PostTimeChange[], index: number): CohortSettings {
  return changes.slice(0, index).reduce<CohortSettings>((rebuilt, newer) => ({ ...rebuilt, ...newer.replaced }), settings);
}

/**
 * A checkpoint prompt or the closing post still to come that a zone edit alone moved into the past: across the
 * date line by up to 26 hours, so more than a day late at once, though nobody waited for it. Its day stays; only
 * the zone that reads it changed (and the closing post's clock, when `announce_time` changed with it). A start edit
 * moves a checkpoint by whole weeks: those keep the 24-hour rule (an old section's prompt is not sent weeks late),
 * and so does a creation.
 */
function movedByZoneEdit(post: PlannedPost, change: PostTimeChange, after: CohortSettings, settings: CohortSettings): boolean {
  const replaced = change.replaced;
  // A zone this runtime no longer knows cannot say when the post was due: the 24-hour rule stands.
  if (replaced?.timeZone === undefined || replaced.startDate !== undefined || !isValidTimeZone(replaced.timeZone)) return false;
  // A newer start edit moved the post's day: the day it had at this edit is not the one it has now.
  if (after.startDate !== settings.startDate) return false;
  const before = { ...after, ...replaced };
  const clock = post.kind === "closing" ? before.announceTime : post.localTime;
  return zonedInstant(post.localDate, clock, before.timeZone).getTime() > change.at.getTime();
}

/** What the catch-up rule reads of a post's row. */
export type PostRowState = Pick<ScheduledPostRecord, "kind" | "period" | "status" | "nextAttemptAt">;

/** The key of a post's row among a cohort's rows. */
export function postRowKey(post: { readonly kind: string; readonly period: string }): string {
  return `${post.kind}|${post.period}`;
}

/**
 * A week's post with no row of its own but one set aside for the very time it is due: it went out at that
 * time already (a start put back to the date a week was announced for), so it is not posted again.
 */
export function setAsideForItsTime(post: PlannedPost, hasRow: (key: string) => boolean): boolean {
  if (post.kind !== "week" || post.weekNumber === undefined) return false;
  return hasRow(postRowKey({ kind: "week", period: setAsideWeekPeriod(post.weekNumber, post.dueAt) }));
}

/** A row whose post is still to go out: being sent, or failed with a retry planned. */
export function stillToBeTried(row: PostRowState): boolean {
  return row.status === PostStatus.Claimed || (row.status === PostStatus.Failed && row.nextAttemptAt !== null);
}

/**
 * The posts still to come at `now`, in schedule order: due later, without a row or with one still to be tried.
 * A post already sent (or given up on) whose time an edit moved later (a zone to the west) is not sent again.
 * `rows` by postRowKey.
 */
export function postsStillToCome(planned: readonly PlannedPost[], rows: ReadonlyMap<string, PostRowState>, now: Date): PlannedPost[] {
  return planned.filter((post) => {
    const row = rows.get(postRowKey(post));
    return post.dueAt.getTime() > now.getTime() && (row === undefined || stillToBeTried(row));
  });
}

/**
 * The due posts the scheduler still sends (or retries) by its catch-up rule: without a row (and not set aside
 * for their time) or with one still to be tried, and less than a day late or late only since they were set.
 * `rows` by postRowKey; `changes` those of the last 24 hours, newest first.
 */
export function postsWaitingNow(
  planned: readonly PlannedPost[],
  rows: ReadonlyMap<string, PostRowState>,
  changes: readonly PostTimeChange[],
  settings: CohortSettings,
  now: Date,
): PlannedPost[] {
  const due = planned.filter((post) => post.dueAt.getTime() <= now.getTime());
  const current = currentWeekPost(due);
  return due.filter((post) => {
    const row = rows.get(postRowKey(post));
    const waiting = row === undefined ? !setAsideForItsTime(post, (key) => rows.has(key)) : stillToBeTried(row);
    return waiting && (!isPastCatchUp(post, now) || lateOnlySinceSet(settings, post, post === current, changes, now));
  });
}
