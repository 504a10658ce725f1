-- Cohort names are one per server in any capitals: "nameKey" holds the name as it compares (the bot
-- writes JavaScript's toLowerCase of it), and its unique index lets only one of two cohorts named alike
-- at the same moment be written. Existing rows get SQLite's lower(), which folds ASCII letters only: a
-- name with other capitals keeps them in its key until its next rename, which the bot's own check (by
-- toLowerCase, over the committed rows) covers meanwhile. Rows already alike (written by that very race
-- before this index) keep their names: every one but the first gets its id after a line break in its key,
-- which no name has (names are stored with white space collapsed to single spaces).
-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Cohort" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "guildId" TEXT NOT NULL,
    "channelId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nameKey" TEXT NOT NULL,
    "curriculumId" INTEGER NOT NULL,
    "startDate" TEXT NOT NULL,
    "timeZone" TEXT NOT NULL DEFAULT 'UTC',
    "announceDay" INTEGER NOT NULL DEFAULT 1,
    "announceTime" TEXT NOT NULL DEFAULT '09:00',
    "checkpointTime" TEXT NOT NULL DEFAULT '17:00',
    "studyDays" TEXT NOT NULL DEFAULT '1,2,3,4,5',
    "includeOptional" BOOLEAN NOT NULL DEFAULT false,
    "status" TEXT NOT NULL DEFAULT 'active',
    "finalBoard" TEXT,
    "channelProblem" TEXT,
    "language" TEXT NOT NULL DEFAULT 'en',
    "leaderboard" TEXT NOT NULL DEFAULT 'names',
    "excludeRoleId" TEXT,
    "exclusionsCheckedAt" DATETIME,
    "createdBy" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Cohort_curriculumId_fkey" FOREIGN KEY ("curriculumId") REFERENCES "Curriculum" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Cohort" ("announceDay", "announceTime", "channelId", "channelProblem", "checkpointTime", "createdAt", "createdBy", "curriculumId", "excludeRoleId", "exclusionsCheckedAt", "finalBoard", "guildId", "id", "includeOptional", "language", "leaderboard", "name", "nameKey", "startDate", "status", "studyDays", "timeZone", "updatedAt") SELECT "announceDay", "announceTime", "channelId", "channelProblem", "checkpointTime", "createdAt", "createdBy", "curriculumId", "excludeRoleId", "exclusionsCheckedAt", "finalBoard", "guildId", "id", "includeOptional", "language", "leaderboard", "name", lower("name"), "startDate", "status", "studyDays", "timeZone", "updatedAt" FROM "Cohort";
UPDATE "new_Cohort" SET "nameKey" = "nameKey" || char(10) || "id"
WHERE EXISTS (
    SELECT 1 FROM "new_Cohort" AS "first"
    WHERE "first"."guildId" = "new_Cohort"."guildId" AND "first"."nameKey" = "new_Cohort"."nameKey" AND "first"."id" < "new_Cohort"."id"
);
DROP TABLE "Cohort";
ALTER TABLE "new_Cohort" RENAME TO "Cohort";
CREATE INDEX "Cohort_status_idx" ON "Cohort"("status");
CREATE UNIQUE INDEX "Cohort_guildId_name_key" ON "Cohort"("guildId", "name");
CREATE UNIQUE INDEX "Cohort_guildId_nameKey_key" ON "Cohort"("guildId", "nameKey");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
