-- CreateIndex
CREATE INDEX "Member_cohortId_leftAt_points_idx" ON "Member"("cohortId", "leftAt", "points");

-- CreateIndex
CREATE INDEX "WeeklyScore_cohortId_weekNumber_points_memberId_idx" ON "WeeklyScore"("cohortId", "weekNumber", "points", "memberId");
