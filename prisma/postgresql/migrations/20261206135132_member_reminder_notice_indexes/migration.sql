-- CreateIndex
CREATE INDEX "Member_remindDisabledNotice_idx" ON "Member"("remindDisabledNotice");

-- CreateIndex
CREATE INDEX "Member_remindRefusedNotice_idx" ON "Member"("remindRefusedNotice");
