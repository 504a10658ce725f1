-- CreateIndex
CREATE INDEX "Member_cohortId_boardVisibility_idx" ON "Member"("cohortId", "boardVisibility");

-- CreateIndex
CREATE INDEX "Member_cohortId_excluded_idx" ON "Member"("cohortId", "excluded");
