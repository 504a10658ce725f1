-- Cohort names are one per server in any capitals: "nameKey" holds the name as it compares (the bot
-- writes JavaScript's toLowerCase of it), and its unique index lets only one of two cohorts named alike
-- at the same moment be written. Existing rows get PostgreSQL's lower() (by the database's collation;
-- ASCII letters only under "C"): a name whose capitals it does not fold keeps them in its key until its
-- next rename, which the bot's own check (by toLowerCase, over the committed rows) covers meanwhile. Rows
-- already alike (written by that very race before this index) keep their names: every one but the first
-- gets its id after a line break in its key, which no name has (names are stored with white space
-- collapsed to single spaces).

-- AlterTable
ALTER TABLE "Cohort" ADD COLUMN     "nameKey" TEXT;
UPDATE "Cohort" SET "nameKey" = lower("name");
UPDATE "Cohort" SET "nameKey" = "nameKey" || chr(10) || "id"
WHERE EXISTS (
    SELECT 1 FROM "Cohort" AS "first"
    WHERE "first"."guildId" = "Cohort"."guildId" AND "first"."nameKey" = "Cohort"."nameKey" AND "first"."id" < "Cohort"."id"
);
ALTER TABLE "Cohort" ALTER COLUMN "nameKey" SET NOT NULL;

-- CreateIndex
CREATE UNIQUE INDEX "Cohort_guildId_nameKey_key" ON "Cohort"("guildId", "nameKey");
