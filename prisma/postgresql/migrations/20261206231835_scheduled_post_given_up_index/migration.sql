-- CreateIndex
CREATE INDEX "ScheduledPost_status_nextAttemptAt_redrawAttempts_id_idx" ON "ScheduledPost"("status", "nextAttemptAt", "redrawAttempts", "id");
