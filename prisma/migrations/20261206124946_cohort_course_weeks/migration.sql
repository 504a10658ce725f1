-- AlterTable
ALTER TABLE "Cohort" ADD COLUMN "courseWeeks" INTEGER;
