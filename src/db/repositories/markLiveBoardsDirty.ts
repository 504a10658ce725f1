import type { Prisma, PrismaClient } from "../../generated/prisma/client.js";

/** Which cohorts' boards: one cohort by id, or the cohorts a relation filter picks. */
export type BoardCohorts = Pick<Prisma.ScheduledPostWhereInput, "cohortId" | "cohort">;

/**
 * Flags the live weekly boards (still live at `at`) of the chosen cohorts for
 * the scheduler's next edit (LiveBoardRepository). Returns the unsent statement
 * so a caller can put it in the same transaction as the change that moves the
 * board; at most one board per cohort is live.
 */
export function markLiveBoardsDirty(prisma: Pick<PrismaClient, "scheduledPost">, cohorts: BoardCohorts, at: Date) {
  return prisma.scheduledPost.updateMany({
    where: { ...cohorts, boardDirty: false, boardLiveUntil: { gt: at } },
    data: { boardDirty: true },
  });
}
