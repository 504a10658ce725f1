-- AlterTable
ALTER TABLE "Member" ADD COLUMN     "remindRefusedNotice" BOOLEAN NOT NULL DEFAULT false;
