import type { Prisma, PrismaClient } from "../../generated/prisma/client.js";

/** Which cohorts' boards: one cohort by id, or the cohorts a relation filter picks. */
export type BoardCohorts = Pick<Prisma.ScheduledPostWhereInput, "cohortId" | "cohort">;

/**
 * Flags the live weekly boards (still live at `at`) of the chosen cohorts for
 * the scheduler's next edit (LiveBoardRepository). Returns the unsent statement
 * so a caller can put it in the same transaction as the change that moves the
 * board; at most one board per cohort is live. `atOnce`: a change to who the
 * board shows or how (a hiding, a deletion, /leave, an exclude_role mark, the
 * board setting), rare, whose names must not stay up for the minute between
 * edits: edited at the next tick, once no edit of the board is under way (an
 * edit drawn before it may be on its way to Discord).
 */
export function markLiveBoardsDirty(
  prisma: Pick<PrismaClient, "scheduledPost">,
  cohorts: BoardCohorts,
  at: Date,
  { atOnce }: { readonly atOnce: boolean } = { atOnce: false },
) {
  const live = { ...cohorts, boardLiveUntil: { gt: at } };
  return atOnce
    ? prisma.scheduledPost.updateMany({
        where: { ...live, OR: [{ boardDirty: false }, { boardDirtyNow: false }] },
        data: { boardDirty: true, boardDirtyNow: true },
      })
    : prisma.scheduledPost.updateMany({ where: { ...live, boardDirty: false }, data: { boardDirty: true } });
}
