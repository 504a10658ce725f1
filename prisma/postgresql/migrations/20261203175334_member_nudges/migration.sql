-- AlterTable
ALTER TABLE "Member" ADD COLUMN     "nudges" BOOLEAN NOT NULL DEFAULT true;
