-- AlterTable
ALTER TABLE "AnnouncementPart" ADD COLUMN     "strippedMessageId" TEXT;

-- AlterTable
ALTER TABLE "ScheduledPostPart" ADD COLUMN     "strippedMessageId" TEXT;
