-- AlterTable
ALTER TABLE "ScheduledPost" ADD COLUMN     "boardClaimedEnd" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "ScheduledPost_boardClaimedEnd_idx" ON "ScheduledPost"("boardClaimedEnd");
