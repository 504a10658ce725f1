-- AlterTable
ALTER TABLE "Member" ADD COLUMN "excludedMarkedAt" DATETIME;
