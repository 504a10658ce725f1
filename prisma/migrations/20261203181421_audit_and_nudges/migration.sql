-- CreateTable
CREATE TABLE "AuditEntry" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "guildId" TEXT NOT NULL,
    "cohortId" INTEGER,
    "actorId" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "subjectUserId" TEXT,
    "before" TEXT,
    "after" TEXT,
    "createdAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "NudgeDelivery" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "memberId" INTEGER NOT NULL,
    "window" INTEGER NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'claimed',
    "claimedBy" TEXT NOT NULL,
    "claimedAt" DATETIME NOT NULL,
    "sentAt" DATETIME,
    "lastError" TEXT,
    CONSTRAINT "NudgeDelivery_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "AuditEntry_cohortId_createdAt_idx" ON "AuditEntry"("cohortId", "createdAt");

-- CreateIndex
CREATE INDEX "AuditEntry_guildId_createdAt_idx" ON "AuditEntry"("guildId", "createdAt");

-- CreateIndex
CREATE INDEX "NudgeDelivery_memberId_claimedAt_idx" ON "NudgeDelivery"("memberId", "claimedAt");

-- CreateIndex
CREATE UNIQUE INDEX "NudgeDelivery_memberId_window_key" ON "NudgeDelivery"("memberId", "window");

-- CreateIndex
CREATE INDEX "Completion_cohortId_memberId_itemId_completedAt_idx" ON "Completion"("cohortId", "memberId", "itemId", "completedAt");
