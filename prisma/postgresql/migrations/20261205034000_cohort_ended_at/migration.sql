-- When `/cohort end` ended a cohort: its members' streaks stand as they were then. Cohorts ended before
-- this column get the time of their latest End line in the audit trail, else (ended before the trail, or
-- a line never written) the earliest of the time their row last changed and the claim of their closing
-- post (which changes the row again later: the final board, a deletion), the nearest later bound there is.
-- AlterTable
ALTER TABLE "Cohort" ADD COLUMN     "endedAt" TIMESTAMP(3);
UPDATE "Cohort" SET "endedAt" = COALESCE(
    (SELECT max("AuditEntry"."createdAt") FROM "AuditEntry" WHERE "AuditEntry"."cohortId" = "Cohort"."id" AND "AuditEntry"."action" = 'end'),
    LEAST("updatedAt", (SELECT min(COALESCE("ScheduledPost"."claimedAt", "ScheduledPost"."sentAt")) FROM "ScheduledPost" WHERE "ScheduledPost"."cohortId" = "Cohort"."id" AND "ScheduledPost"."kind" = 'closing'))
)
WHERE "status" = 'ended';
