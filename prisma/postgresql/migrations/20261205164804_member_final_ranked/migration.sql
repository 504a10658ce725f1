-- AlterTable
ALTER TABLE "Member" ADD COLUMN     "finalRanked" BOOLEAN NOT NULL DEFAULT false;

-- Final boards kept before this column: their ranked members are taken to be those active, not hidden and not excluded now.
UPDATE "Member" SET "finalRanked" = true
WHERE "finalPoints" IS NOT NULL AND "leftAt" IS NULL AND "boardVisibility" <> 'hidden' AND "excluded" = false;
