-- AlterTable (a plain column addition: no table rebuild, the indexes stay as they are)
ALTER TABLE "ScheduledPost" ADD COLUMN "boardDirtyNow" BOOLEAN NOT NULL DEFAULT false;
