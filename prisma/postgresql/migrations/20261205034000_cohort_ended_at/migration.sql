-- When `/cohort end` ended a cohort: its members' streaks stand as they were then. Cohorts ended before
-- this column get the time of their latest End line in the audit trail, else (ended before the trail, or
-- a line never written) the time their row last changed, the nearest later bound there is.
-- AlterTable
ALTER TABLE "Cohort" ADD COLUMN     "endedAt" TIMESTAMP(3);
UPDATE "Cohort" SET "endedAt" = COALESCE(
    (SELECT max("AuditEntry"."createdAt") FROM "AuditEntry" WHERE "AuditEntry"."cohortId" = "Cohort"."id" AND "AuditEntry"."action" = 'end'),
    "updatedAt"
)
WHERE "status" = 'ended';
