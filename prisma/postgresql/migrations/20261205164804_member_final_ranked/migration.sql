-- AlterTable
ALTER TABLE "Member" ADD COLUMN     "finalRanked" BOOLEAN NOT NULL DEFAULT false;

-- Final boards kept before this column: their ranked members are taken to be those with final points (active at the
-- close, whether they left since or not) who are not hidden and not excluded now, and every member the board's top lists.
UPDATE "Member" SET "finalRanked" = true
WHERE "finalPoints" IS NOT NULL AND "boardVisibility" <> 'hidden' AND "excluded" = false;
UPDATE "Member" SET "finalRanked" = true
WHERE "finalRanked" = false AND EXISTS (
  SELECT 1 FROM "Cohort" AS c
  CROSS JOIN LATERAL jsonb_array_elements(
    CASE WHEN jsonb_typeof(c."finalBoard"::jsonb -> 'top') = 'array' THEN c."finalBoard"::jsonb -> 'top' ELSE '[]'::jsonb END
  ) AS t(entry)
  WHERE c."id" = "Member"."cohortId" AND c."finalBoard" IS NOT NULL AND t.entry -> 'memberId' = to_jsonb("Member"."id")
);
