-- CreateIndex
CREATE INDEX "Completion_memberId_completedAt_itemId_points_day_id_idx" ON "Completion"("memberId", "completedAt", "itemId", "points", "day", "id");
