-- CreateIndex
CREATE INDEX "Member_cohortId_finalRanked_finalPoints_id_idx" ON "Member"("cohortId", "finalRanked", "finalPoints" DESC, "id");
