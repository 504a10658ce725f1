-- AlterTable
ALTER TABLE "Cohort" ADD COLUMN "finalBoard" TEXT;

-- AlterTable
ALTER TABLE "Member" ADD COLUMN "finalPoints" INTEGER;

-- CreateTable
CREATE TABLE "CohortBreak" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "cohortId" INTEGER NOT NULL,
    "week" INTEGER NOT NULL,
    CONSTRAINT "CohortBreak_cohortId_fkey" FOREIGN KEY ("cohortId") REFERENCES "Cohort" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "CohortBreak_cohortId_week_key" ON "CohortBreak"("cohortId", "week");
