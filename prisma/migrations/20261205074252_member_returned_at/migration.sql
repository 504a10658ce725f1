-- AlterTable
ALTER TABLE "Member" ADD COLUMN "returnedAt" DATETIME;
