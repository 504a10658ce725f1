-- AlterTable
ALTER TABLE "ScheduledPost" ADD COLUMN "boardClaimedEnd" DATETIME;

-- CreateIndex
CREATE INDEX "ScheduledPost_boardClaimedEnd_idx" ON "ScheduledPost"("boardClaimedEnd");
