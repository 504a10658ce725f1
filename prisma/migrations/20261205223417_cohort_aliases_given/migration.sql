-- The highest alias number ever given in each cohort, so a number once given never names anyone else.
-- Added at the end of the table (no rebuild of Cohort). Every cohort so far starts from its highest alias.
-- AlterTable
ALTER TABLE "Cohort" ADD COLUMN "aliasesGiven" INTEGER NOT NULL DEFAULT 0;

UPDATE "Cohort" SET "aliasesGiven" = (SELECT COALESCE(MAX("alias"), 0) FROM "Member" WHERE "Member"."cohortId" = "Cohort"."id");
