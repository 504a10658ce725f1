-- The plan rule a cohort's items are spread by (CohortSettings.planRule). Existing cohorts keep rule 1, so no
-- running cohort's days move. A cohort that has not started yet and has posted nothing (no weekly post,
-- no announcement, so no member has seen a day of its plan in the channel) moves to rule 2 as new cohorts get it.
-- Not started: its start date comes after tomorrow in UTC, so it is still before its first day in every time zone.
ALTER TABLE "Cohort" ADD COLUMN "planRule" INTEGER NOT NULL DEFAULT 1;

UPDATE "Cohort" SET "planRule" = 2
WHERE "status" IN ('active', 'paused')
  AND "startDate" > to_char(CAST(now() AT TIME ZONE 'UTC' AS date) + 1, 'YYYY-MM-DD')
  AND NOT EXISTS (SELECT 1 FROM "ScheduledPost" s WHERE s."cohortId" = "Cohort"."id")
  AND NOT EXISTS (SELECT 1 FROM "Announcement" a WHERE a."cohortId" = "Cohort"."id");
