-- AlterTable (a plain ADD COLUMN: redefining "Member" would drop its score-tally triggers)
ALTER TABLE "Member" ADD COLUMN "finalRanked" BOOLEAN NOT NULL DEFAULT false;

-- Final boards kept before this column: their ranked members are taken to be those with final points (active at the
-- close, whether they left since or not) who are not hidden and not excluded now, and every member the board's top lists.
UPDATE "Member" SET "finalRanked" = true
WHERE "finalPoints" IS NOT NULL AND "boardVisibility" <> 'hidden' AND "excluded" = false;
UPDATE "Member" SET "finalRanked" = true
WHERE "finalRanked" = false AND EXISTS (
  SELECT 1 FROM "Cohort" AS c, json_each(
    CASE WHEN json_valid(c."finalBoard") AND json_type(c."finalBoard", '$.top') = 'array'
      THEN json_extract(c."finalBoard", '$.top') ELSE '[]' END
  ) AS t
  WHERE c."id" = "Member"."cohortId"
    AND json_extract(CASE WHEN t."type" = 'object' THEN t."value" ELSE '{}' END, '$.memberId') = "Member"."id"
);
