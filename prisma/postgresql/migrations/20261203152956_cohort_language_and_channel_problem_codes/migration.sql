-- AlterTable
ALTER TABLE "Cohort" ADD COLUMN     "language" TEXT NOT NULL DEFAULT 'en';

-- channelProblem held an English sentence: it holds a code now, worded in the reader language.
UPDATE "Cohort" SET "channelProblem" = CASE WHEN "channelProblem" LIKE '%no longer exists%' THEN 'channel_missing' ELSE 'no_permission' END
WHERE "channelProblem" IS NOT NULL AND "channelProblem" NOT IN ('channel_missing', 'no_permission');
