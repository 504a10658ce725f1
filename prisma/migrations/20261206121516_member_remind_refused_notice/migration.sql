-- AlterTable (a plain ADD COLUMN: redefining "Member" would drop its score-tally triggers)
ALTER TABLE "Member" ADD COLUMN "remindRefusedNotice" BOOLEAN NOT NULL DEFAULT false;
