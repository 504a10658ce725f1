-- AlterTable
ALTER TABLE "MemberBreak" ADD COLUMN     "bookedAfterAdjustmentId" INTEGER;
