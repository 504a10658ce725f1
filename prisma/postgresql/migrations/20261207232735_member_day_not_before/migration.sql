-- AlterTable
ALTER TABLE "Member" ADD COLUMN     "dayNotBefore" TEXT;
