import { PostStatus } from "../../domain/schedule/scheduledPostModel.js";
import type { WeekPostChanges } from "../../domain/schedule/weekPostsAfterStartEdit.js";
import type { Prisma } from "../../generated/prisma/client.js";

/**
 * The writes of a start-date or zone edit to the cohort's weekly post rows, for the transaction that
 * saves the new settings (CohortRepository.updateWithWeekPosts): rows set aside (renamed; one still
 * waiting to be sent is given up; a board still live ends at the edit, so the scheduler's final edit
 * tells its readers the week moved, rather than it saying "live" forever), then rows taken back (renamed to the
 * week's own period, their board live until `liveUntil`), then the boards of rows that keep their
 * period live until their week's new end (a board already given its final edit has no end left and
 * stays final). Each rename repeats the period it expects, so a row changed meanwhile is left alone.
 */
export function weekPostChangeWrites(prisma: Prisma.TransactionClient, changes: WeekPostChanges) {
  const pending = [{ status: PostStatus.Claimed }, { status: PostStatus.Failed, nextAttemptAt: { not: null } }];
  return [
    ...changes.setAside.flatMap((row) => [
      prisma.scheduledPost.updateMany({
        where: { id: row.postId, period: row.from, OR: pending },
        data: { status: PostStatus.Skipped, nextAttemptAt: null, lastError: "its week moved (start date edited)" },
      }),
      prisma.scheduledPost.updateMany({
        where: { id: row.postId, period: row.from },
        data: { period: row.to, boardDirty: false, boardDirtyNow: false },
      }),
      // A board already final (no end left) stays as it is.
      ...boardEndWrites(prisma, { id: row.postId, period: row.to }, changes.at),
    ]),
    ...changes.takenBack.flatMap((row) => [
      // Dirty, when there is a board: one that said its week moved is drawn live again at the next tick
      // (or, its week over, final a minute after the edit: liveUntil is then the edit's time).
      prisma.scheduledPost.updateMany({
        where: { id: row.postId, period: row.from, boardMessageId: { not: null } },
        data: { boardDirty: true },
      }),
      prisma.scheduledPost.updateMany({
        where: { id: row.postId, period: row.from },
        data: { period: row.to, boardLiveUntil: row.liveUntil },
      }),
    ]),
    ...changes.boardsMoved.flatMap((row) => boardEndWrites(prisma, { id: row.postId }, row.liveUntil)),
  ];
}

/**
 * A live board's end moved to `liveUntil`, and its last edit with it when that is later: a deleted board's
 * last edit is its week's old end (LiveBoardRepository.holdDeleted), and its final edit waits for its last
 * edit (listEnded), so it would come only at the old end, or never when that is a day past the new one.
 */
function boardEndWrites(prisma: Prisma.TransactionClient, row: Prisma.ScheduledPostWhereInput, liveUntil: Date) {
  const live = { ...row, boardLiveUntil: { not: null } };
  return [
    prisma.scheduledPost.updateMany({ where: { ...live, boardEditedAt: { gt: liveUntil } }, data: { boardEditedAt: liveUntil } }),
    prisma.scheduledPost.updateMany({ where: live, data: { boardLiveUntil: liveUntil } }),
  ];
}
