-- AlterTable
ALTER TABLE "ScheduledPost" ADD COLUMN     "boardChannelId" TEXT;
