-- `/privacy` is server-wide: a user's memberships in one server that still disagree (a cohort joined before a
-- later join took on the choices) all take the most private of their values, as `/privacy` already shows them
-- (serverWideChoices): nudges off if any is off, and leaderboard hidden if any is, else alias, else by name. Data only (no semicolon in these comments: prisma migrate deploy splits statements at every one).
UPDATE "Member" SET "nudges" = 0
WHERE "nudges" = 1 AND EXISTS (
    SELECT 1 FROM "Member" AS "other"
    JOIN "Cohort" AS "otherCohort" ON "otherCohort"."id" = "other"."cohortId"
    JOIN "Cohort" AS "cohort" ON "cohort"."id" = "Member"."cohortId"
    WHERE "other"."userId" = "Member"."userId" AND "otherCohort"."guildId" = "cohort"."guildId" AND "other"."nudges" = 0
);
UPDATE "Member" SET "boardVisibility" = CASE (
    SELECT min(CASE "other"."boardVisibility" WHEN 'name' THEN 2 WHEN 'alias' THEN 1 ELSE 0 END) FROM "Member" AS "other"
    JOIN "Cohort" AS "otherCohort" ON "otherCohort"."id" = "other"."cohortId"
    JOIN "Cohort" AS "cohort" ON "cohort"."id" = "Member"."cohortId"
    WHERE "other"."userId" = "Member"."userId" AND "otherCohort"."guildId" = "cohort"."guildId"
  ) WHEN 0 THEN 'hidden' ELSE 'alias' END
WHERE "boardVisibility" IN ('name', 'alias') AND EXISTS (
    SELECT 1 FROM "Member" AS "other"
    JOIN "Cohort" AS "otherCohort" ON "otherCohort"."id" = "other"."cohortId"
    JOIN "Cohort" AS "cohort" ON "cohort"."id" = "Member"."cohortId"
    WHERE "other"."userId" = "Member"."userId" AND "otherCohort"."guildId" = "cohort"."guildId"
      AND (CASE "other"."boardVisibility" WHEN 'name' THEN 2 WHEN 'alias' THEN 1 ELSE 0 END)
        < (CASE "Member"."boardVisibility" WHEN 'name' THEN 2 ELSE 1 END)
);
