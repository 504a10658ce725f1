-- AlterTable
ALTER TABLE "Cohort" ADD COLUMN     "exclusionsCheckedAt" TIMESTAMP(3);
