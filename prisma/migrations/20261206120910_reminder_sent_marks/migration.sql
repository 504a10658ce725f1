-- AlterTable
ALTER TABLE "ReminderDelivery" ADD COLUMN "sentMarks" TEXT;
