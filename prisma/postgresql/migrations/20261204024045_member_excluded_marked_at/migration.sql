-- AlterTable
ALTER TABLE "Member" ADD COLUMN     "excludedMarkedAt" TIMESTAMP(3);
