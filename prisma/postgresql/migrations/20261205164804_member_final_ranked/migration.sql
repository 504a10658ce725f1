-- AlterTable
ALTER TABLE "Member" ADD COLUMN     "finalRanked" BOOLEAN NOT NULL DEFAULT false;

-- Final boards kept before this column: their ranked members are taken to be those with final points (active at the
-- close, whether they left since or not) who are not hidden and not excluded now, and every member the board's top lists.
UPDATE "Member" SET "finalRanked" = true
WHERE "finalPoints" IS NOT NULL AND "boardVisibility" <> 'hidden' AND "excluded" = false;
-- A board that is not valid JSON is skipped, as SQLite's copy skips it, rather than failing the migration.
CREATE FUNCTION pg_temp.final_board_top(board TEXT) RETURNS JSONB LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
  RETURN CASE WHEN jsonb_typeof(board::jsonb -> 'top') = 'array' THEN board::jsonb -> 'top' ELSE '[]'::jsonb END;
EXCEPTION WHEN others THEN
  RETURN '[]'::jsonb;
END
$$;
UPDATE "Member" SET "finalRanked" = true
WHERE "finalRanked" = false AND EXISTS (
  SELECT 1 FROM "Cohort" AS c
  CROSS JOIN LATERAL jsonb_array_elements(pg_temp.final_board_top(c."finalBoard")) AS t(entry)
  WHERE c."id" = "Member"."cohortId" AND c."finalBoard" IS NOT NULL AND t.entry -> 'memberId' = to_jsonb("Member"."id")
);
