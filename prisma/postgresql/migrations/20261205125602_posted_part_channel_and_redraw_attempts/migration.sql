-- AlterTable
ALTER TABLE "ScheduledPost" ADD COLUMN "redrawAttempts" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "ScheduledPostPart" ADD COLUMN "channelId" TEXT;

-- The channel of a weekly post's parts sent before this was kept: the one its board went to with them (kept since
-- 20261204190600_live_board_channel). Other parts stay null: the cohort's channel is all that is known of them.
UPDATE "ScheduledPostPart" SET "channelId" = (
  SELECT "boardChannelId" FROM "ScheduledPost" WHERE "ScheduledPost"."id" = "ScheduledPostPart"."postId"
);
