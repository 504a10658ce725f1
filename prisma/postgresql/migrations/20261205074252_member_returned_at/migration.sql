-- AlterTable
ALTER TABLE "Member" ADD COLUMN     "returnedAt" TIMESTAMP(3);
