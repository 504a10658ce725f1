-- AlterTable
ALTER TABLE "ScheduledPost" ADD COLUMN     "boardDirty" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "boardEditedAt" TIMESTAMP(3),
ADD COLUMN     "boardLiveUntil" TIMESTAMP(3),
ADD COLUMN     "boardMessageId" TEXT;

-- CreateIndex
CREATE INDEX "ScheduledPost_boardDirty_boardLiveUntil_idx" ON "ScheduledPost"("boardDirty", "boardLiveUntil");
