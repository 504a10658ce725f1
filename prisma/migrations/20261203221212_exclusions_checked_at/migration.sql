-- AlterTable
ALTER TABLE "Cohort" ADD COLUMN "exclusionsCheckedAt" DATETIME;
