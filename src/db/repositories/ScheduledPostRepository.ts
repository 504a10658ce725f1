import { PostStatus, type ScheduledPostRecord } from "../../domain/schedule/scheduledPostModel.js";
import { weekNumberOfPeriod } from "../../domain/schedule/weekPostPeriod.js";
import type { PlannedPostKind } from "../../domain/schedule/scheduleTypes.js";
import type { PrismaClient, ScheduledPost as ScheduledPostRow } from "../../generated/prisma/client.js";
import { findInChunks } from "../inChunks.js";
import { SerialWriteQueue } from "../SerialWriteQueue.js";
import { isUniqueViolation } from "./CohortRepository.js";

export function toScheduledPost(row: ScheduledPostRow): ScheduledPostRecord {
  return {
    id: row.id,
    cohortId: row.cohortId,
    kind: row.kind as PlannedPostKind,
    period: row.period,
    dueAt: row.dueAt,
    status: row.status as PostStatus,
    attempts: row.attempts,
    claimedBy: row.claimedBy,
    claimedAt: row.claimedAt,
    sentAt: row.sentAt,
    messageId: row.messageId,
    lastError: row.lastError,
    nextAttemptAt: row.nextAttemptAt,
  };
}

export interface PostKey {
  readonly cohortId: number;
  readonly kind: PlannedPostKind;
  readonly period: string;
}

/** Longest error text kept in a row; the full error is in the log. */
const maxErrorLength = 500;

/**
 * The exactly-once ledger of channel posts. Every state change is a single
 * statement conditioned on the state it expects, so two processes racing for
 * the same post cannot both win: the loser's insert hits the unique key or
 * its update matches no row.
 */
export class ScheduledPostRepository {
  /** `writes` should be the one queue every repository of the process shares (see SerialWriteQueue). */
  constructor(
    private readonly prisma: PrismaClient,
    private readonly writes: SerialWriteQueue = new SerialWriteQueue(),
  ) {}

  async listForCohorts(cohortIds: readonly number[]): Promise<ScheduledPostRecord[]> {
    if (cohortIds.length === 0) return [];
    const rows = await findInChunks(cohortIds, (chunk) =>
      this.prisma.scheduledPost.findMany({ where: { cohortId: { in: chunk } }, orderBy: { id: "asc" } }),
    );
    return rows.sort((a, b) => a.id - b.id).map(toScheduledPost);
  }

  /** Which of the cohort's `kind` posts with these periods went out (status sent): one indexed read per chunk. */
  async sentPeriods(cohortId: number, kind: PlannedPostKind, periods: readonly string[]): Promise<Set<string>> {
    const rows = await findInChunks(periods, (chunk) =>
      this.prisma.scheduledPost.findMany({
        where: { cohortId, kind, period: { in: chunk }, status: PostStatus.Sent },
        select: { period: true },
      }),
    );
    return new Set(rows.map((row) => row.period));
  }

  /**
   * Whether the cohort's closing post went out (status sent): not when it was skipped (more than 24 hours late),
   * failed for good, or is still to go. One indexed read.
   */
  async closingSent(cohortId: number): Promise<boolean> {
    const row = await this.prisma.scheduledPost.findFirst({
      where: { cohortId, kind: "closing", status: PostStatus.Sent },
      select: { id: true },
    });
    return row !== null;
  }

  /**
   * The last week whose weekly post went out (status sent; 0 when none): one indexed read of the cohort's weekly
   * rows, a course's weeks at most.
   */
  async lastWeekSent(cohortId: number): Promise<number> {
    const rows = await this.prisma.scheduledPost.findMany({
      where: { cohortId, kind: "week", status: PostStatus.Sent },
      select: { period: true },
    });
    return Math.max(0, ...rows.map((row) => weekNumberOfPeriod(row.period) ?? 0));
  }

  async find(key: PostKey): Promise<ScheduledPostRecord | null> {
    const row = await this.prisma.scheduledPost.findUnique({ where: { cohortId_kind_period: key } });
    return row === null ? null : toScheduledPost(row);
  }

  /** Claims a post nobody touched yet: one insert. Null when another process got there first. */
  async claimNew(key: PostKey, dueAt: Date, claimedBy: string, now: Date): Promise<ScheduledPostRecord | null> {
    try {
      const row = await this.writes.run(() =>
        this.prisma.scheduledPost.create({
          data: { ...key, dueAt, status: PostStatus.Claimed, claimedBy, claimedAt: now },
        }),
      );
      return toScheduledPost(row);
    } catch (error) {
      if (isUniqueViolation(error)) return null;
      throw error;
    }
  }

  /**
   * Takes over a post whose claim went stale (its process died mid-send) or
   * whose retry is due. The condition repeats what the caller saw, so only
   * one process can take it.
   */
  async reclaim(post: ScheduledPostRecord, claimedBy: string, now: Date, staleBefore: Date): Promise<ScheduledPostRecord | null> {
    const result = await this.writes.run(() =>
      this.prisma.scheduledPost.updateMany({
        where: {
          id: post.id,
          OR: [
            { status: PostStatus.Claimed, claimedAt: { lt: staleBefore } },
            { status: PostStatus.Failed, nextAttemptAt: { lte: now } },
          ],
        },
        data: { status: PostStatus.Claimed, claimedBy, claimedAt: now, nextAttemptAt: null },
      }),
    );
    if (result.count !== 1) return null;
    const row = await this.prisma.scheduledPost.findUnique({ where: { id: post.id } });
    return row === null ? null : toScheduledPost(row);
  }

  /**
   * False when the claim was taken over meanwhile (the other process owns the outcome). `nextAttemptAt` is left
   * as it is: taking a post on (claimNew, reclaim) clears it, so it is set only when a deletion or privacy change
   * flagged the post while it was being sent, and its boards are then edited again (listPostedDue). `redraw`
   * (some parts were sent by an earlier attempt, drawn before a change that may have come since) flags it at `now`.
   * `drawnWith`: the cohort's board setting the post was drawn with (the tick read the cohort before claiming it);
   * a weekly or closing post is flagged at `now` too when the setting is another now: a `/cohort edit leaderboard:`
   * committed before the claim flagged only the posts there were then (CohortService.edit).
   */
  async markSent(postId: number, claimedBy: string, messageId: string, now: Date, redraw = false, drawnWith?: string): Promise<boolean> {
    const [result] = await this.writes.run(() =>
      this.prisma.$transaction([
        this.prisma.scheduledPost.updateMany({
          where: { id: postId, status: PostStatus.Claimed, claimedBy },
          data: {
            status: PostStatus.Sent,
            sentAt: now,
            messageId,
            lastError: null,
            ...(redraw ? { nextAttemptAt: now, redrawAttempts: 0 } : {}),
          },
        }),
        // Read after the first write: an edit committed later flags the post itself, sent by then.
        ...(drawnWith === undefined
          ? []
          : [
              this.prisma.scheduledPost.updateMany({
                where: {
                  id: postId,
                  status: PostStatus.Sent,
                  claimedBy,
                  kind: { in: ["week", "closing"] },
                  cohort: { leaderboard: { not: drawnWith } },
                },
                data: { nextAttemptAt: now, redrawAttempts: 0 },
              }),
            ]),
      ]),
    );
    return result.count === 1;
  }

  /**
   * A weekly post sent while set aside (recorded without `sentAt`: LiveBoardRepository.attachAfterMove) that an
   * edit has put back under its week's name since: claims reporting it sent as the week's post and opening its
   * thread, with one conditional write, so two ticks or processes do that once. False when done already.
   */
  async claimPutBack(postId: number, period: string, now: Date): Promise<boolean> {
    const result = await this.writes.run(() =>
      this.prisma.scheduledPost.updateMany({
        where: { id: postId, period, status: PostStatus.Sent, sentAt: null, messageId: { not: null } },
        data: { sentAt: now },
      }),
    );
    return result.count === 1;
  }

  /**
   * Records a failed attempt: retried from `nextAttemptAt`, or given up when
   * it is null. `countAttempt` is false for channel trouble, which waits for
   * an admin rather than using up retries.
   */
  async markFailed(
    postId: number,
    claimedBy: string,
    failure: { readonly error: string; readonly nextAttemptAt: Date | null; readonly countAttempt: boolean },
  ): Promise<boolean> {
    const result = await this.writes.run(() =>
      this.prisma.scheduledPost.updateMany({
        where: { id: postId, status: PostStatus.Claimed, claimedBy },
        data: {
          status: PostStatus.Failed,
          lastError: failure.error.slice(0, maxErrorLength),
          nextAttemptAt: failure.nextAttemptAt,
          ...(failure.countAttempt ? { attempts: { increment: 1 } } : {}),
        },
      }),
    );
    return result.count === 1;
  }

  /** Records a post that will never be sent; false when some process already recorded it. */
  async recordSkipped(key: PostKey, dueAt: Date, reason: string, now: Date): Promise<boolean> {
    try {
      await this.writes.run(() =>
        this.prisma.scheduledPost.create({
          data: { ...key, dueAt, status: PostStatus.Skipped, lastError: reason.slice(0, maxErrorLength), claimedAt: now },
        }),
      );
      return true;
    } catch (error) {
      if (isUniqueViolation(error)) return false;
      throw error;
    }
  }

  /** Gives up on a post that was waiting for a retry or whose claim went stale. */
  async skipPending(post: ScheduledPostRecord, reason: string, staleBefore: Date): Promise<boolean> {
    const result = await this.writes.run(() =>
      this.prisma.scheduledPost.updateMany({
        where: {
          id: post.id,
          OR: [
            { status: PostStatus.Claimed, claimedAt: { lt: staleBefore } },
            { status: PostStatus.Failed, nextAttemptAt: { not: null } },
          ],
        },
        data: { status: PostStatus.Skipped, lastError: reason.slice(0, maxErrorLength), nextAttemptAt: null },
      }),
    );
    return result.count === 1;
  }
}
