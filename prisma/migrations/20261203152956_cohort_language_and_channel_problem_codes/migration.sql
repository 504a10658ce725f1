-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Cohort" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "guildId" TEXT NOT NULL,
    "channelId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "curriculumId" INTEGER NOT NULL,
    "startDate" TEXT NOT NULL,
    "timeZone" TEXT NOT NULL DEFAULT 'UTC',
    "announceDay" INTEGER NOT NULL DEFAULT 1,
    "announceTime" TEXT NOT NULL DEFAULT '09:00',
    "checkpointTime" TEXT NOT NULL DEFAULT '17:00',
    "studyDays" TEXT NOT NULL DEFAULT '1,2,3,4,5',
    "includeOptional" BOOLEAN NOT NULL DEFAULT false,
    "status" TEXT NOT NULL DEFAULT 'active',
    "channelProblem" TEXT,
    "language" TEXT NOT NULL DEFAULT 'en',
    "createdBy" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Cohort_curriculumId_fkey" FOREIGN KEY ("curriculumId") REFERENCES "Curriculum" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Cohort" ("announceDay", "announceTime", "channelId", "channelProblem", "checkpointTime", "createdAt", "createdBy", "curriculumId", "guildId", "id", "includeOptional", "name", "startDate", "status", "studyDays", "timeZone", "updatedAt") SELECT "announceDay", "announceTime", "channelId", "channelProblem", "checkpointTime", "createdAt", "createdBy", "curriculumId", "guildId", "id", "includeOptional", "name", "startDate", "status", "studyDays", "timeZone", "updatedAt" FROM "Cohort";
DROP TABLE "Cohort";
ALTER TABLE "new_Cohort" RENAME TO "Cohort";
CREATE INDEX "Cohort_status_idx" ON "Cohort"("status");
CREATE UNIQUE INDEX "Cohort_guildId_name_key" ON "Cohort"("guildId", "name");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- channelProblem held an English sentence: it holds a code now, worded in the reader language.
UPDATE "Cohort" SET "channelProblem" = CASE WHEN "channelProblem" LIKE '%no longer exists%' THEN 'channel_missing' ELSE 'no_permission' END
WHERE "channelProblem" IS NOT NULL AND "channelProblem" NOT IN ('channel_missing', 'no_permission');
