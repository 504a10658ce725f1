-- AlterTable
ALTER TABLE "Announcement" ADD COLUMN "auditedParts" INTEGER NOT NULL DEFAULT 0;
