-- The weekly post's live board part (plain column additions: no table rebuild needed)
ALTER TABLE "ScheduledPost" ADD COLUMN "boardMessageId" TEXT;
ALTER TABLE "ScheduledPost" ADD COLUMN "boardLiveUntil" DATETIME;
ALTER TABLE "ScheduledPost" ADD COLUMN "boardDirty" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "ScheduledPost" ADD COLUMN "boardEditedAt" DATETIME;

-- CreateIndex
CREATE INDEX "ScheduledPost_boardDirty_boardLiveUntil_idx" ON "ScheduledPost"("boardDirty", "boardLiveUntil");
