-- CreateIndex
CREATE INDEX "Cohort_status_channelProblem_idx" ON "Cohort"("status", "channelProblem");
