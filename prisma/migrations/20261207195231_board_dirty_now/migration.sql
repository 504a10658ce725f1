-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_ScheduledPost" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "cohortId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "period" TEXT NOT NULL,
    "dueAt" DATETIME NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'claimed',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "claimedBy" TEXT,
    "claimedAt" DATETIME,
    "sentAt" DATETIME,
    "messageId" TEXT,
    "lastError" TEXT,
    "nextAttemptAt" DATETIME,
    "boardMessageId" TEXT,
    "boardChannelId" TEXT,
    "boardLiveUntil" DATETIME,
    "boardDirty" BOOLEAN NOT NULL DEFAULT false,
    "boardEditedAt" DATETIME,
    "boardClaimedEnd" DATETIME,
    "boardDirtyNow" BOOLEAN NOT NULL DEFAULT false,
    "redrawAttempts" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "ScheduledPost_cohortId_fkey" FOREIGN KEY ("cohortId") REFERENCES "Cohort" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_ScheduledPost" ("attempts", "boardChannelId", "boardClaimedEnd", "boardDirty", "boardEditedAt", "boardLiveUntil", "boardMessageId", "claimedAt", "claimedBy", "cohortId", "dueAt", "id", "kind", "lastError", "messageId", "nextAttemptAt", "period", "redrawAttempts", "sentAt", "status") SELECT "attempts", "boardChannelId", "boardClaimedEnd", "boardDirty", "boardEditedAt", "boardLiveUntil", "boardMessageId", "claimedAt", "claimedBy", "cohortId", "dueAt", "id", "kind", "lastError", "messageId", "nextAttemptAt", "period", "redrawAttempts", "sentAt", "status" FROM "ScheduledPost";
DROP TABLE "ScheduledPost";
ALTER TABLE "new_ScheduledPost" RENAME TO "ScheduledPost";
CREATE INDEX "ScheduledPost_status_nextAttemptAt_idx" ON "ScheduledPost"("status", "nextAttemptAt");
CREATE INDEX "ScheduledPost_status_nextAttemptAt_redrawAttempts_id_idx" ON "ScheduledPost"("status", "nextAttemptAt", "redrawAttempts", "id");
CREATE INDEX "ScheduledPost_boardDirty_boardLiveUntil_idx" ON "ScheduledPost"("boardDirty", "boardLiveUntil");
CREATE INDEX "ScheduledPost_boardClaimedEnd_idx" ON "ScheduledPost"("boardClaimedEnd");
CREATE UNIQUE INDEX "ScheduledPost_cohortId_kind_period_key" ON "ScheduledPost"("cohortId", "kind", "period");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
