-- AlterTable
ALTER TABLE "ScheduledPost" ADD COLUMN     "boardDirtyNow" BOOLEAN NOT NULL DEFAULT false;
