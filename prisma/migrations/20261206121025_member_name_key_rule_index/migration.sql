-- CreateIndex
CREATE INDEX "Member_nameKeyRule_idx" ON "Member"("nameKeyRule");
