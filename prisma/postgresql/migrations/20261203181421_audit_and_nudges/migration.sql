-- CreateTable
CREATE TABLE "AuditEntry" (
    "id" SERIAL NOT NULL,
    "guildId" TEXT NOT NULL,
    "cohortId" INTEGER,
    "actorId" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "subjectUserId" TEXT,
    "before" TEXT,
    "after" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AuditEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NudgeDelivery" (
    "id" SERIAL NOT NULL,
    "memberId" INTEGER NOT NULL,
    "window" INTEGER NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'claimed',
    "claimedBy" TEXT NOT NULL,
    "claimedAt" TIMESTAMP(3) NOT NULL,
    "sentAt" TIMESTAMP(3),
    "lastError" TEXT,

    CONSTRAINT "NudgeDelivery_pkey" PRIMARY KEY ("id")
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

-- AddForeignKey
ALTER TABLE "NudgeDelivery" ADD CONSTRAINT "NudgeDelivery_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE CASCADE ON UPDATE CASCADE;
