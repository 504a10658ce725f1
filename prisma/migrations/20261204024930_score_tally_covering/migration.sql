-- CreateIndex
CREATE INDEX "ScoreTally_cohortId_weekNumber_points_members_idx" ON "ScoreTally"("cohortId", "weekNumber", "points", "members");
