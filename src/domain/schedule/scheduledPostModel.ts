import type { PlannedPostKind } from "./scheduleTypes.js";

/**
 * Where a scheduled post stands in the database. A row exists once some
 * process claimed the post (or decided to skip it); its (cohort, kind,
 * period) key is unique, which is what makes every post go out once.
 *
 * - claimed: a process is sending it right now (or crashed doing so: a claim
 *   older than the claim lifetime may be taken over). `nextAttemptAt` set: a
 *   member deleted their data or hid meanwhile, its boards are edited once sent;
 * - sent: done, `messageId` is the first message. With `nextAttemptAt` set its
 *   boards are to be edited again from then on (a member deleted their data or
 *   hid: LiveBoardRepository.listPostedDue); the post itself is never resent;
 * - failed: the last attempt failed. With `nextAttemptAt` set it is retried
 *   from then on; without it the scheduler gave up (logged as an error);
 * - skipped: never sent on purpose (more than 24 h late, or the cohort ended).
 */
export const PostStatus = {
  Claimed: "claimed",
  Sent: "sent",
  Failed: "failed",
  Skipped: "skipped",
} as const;
export type PostStatus = (typeof PostStatus)[keyof typeof PostStatus];

export interface ScheduledPostRecord {
  readonly id: number;
  readonly cohortId: number;
  readonly kind: PlannedPostKind;
  readonly period: string;
  readonly dueAt: Date;
  readonly status: PostStatus;
  /** Failed attempts so far (channel trouble is not counted: it waits for the admin instead). */
  readonly attempts: number;
  readonly claimedBy: string | null;
  readonly claimedAt: Date | null;
  readonly sentAt: Date | null;
  readonly messageId: string | null;
  readonly lastError: string | null;
  readonly nextAttemptAt: Date | null;
}

/**
 * A reminder DM for one member on one local date. "undeliverable" means the
 * member's DMs refused it: it counts towards switching reminders off.
 */
export const ReminderStatus = {
  Claimed: "claimed",
  Sent: "sent",
  Failed: "failed",
  Undeliverable: "undeliverable",
  Skipped: "skipped",
} as const;
export type ReminderStatus = (typeof ReminderStatus)[keyof typeof ReminderStatus];
