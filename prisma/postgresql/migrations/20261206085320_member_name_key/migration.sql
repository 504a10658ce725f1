-- AlterTable
ALTER TABLE "Member" ADD COLUMN     "nameKey" TEXT;
ALTER TABLE "Member" ADD COLUMN     "nameKeyRule" INTEGER;

-- CreateIndex
CREATE INDEX "Member_cohortId_nameKeyRule_nameKey_id_idx" ON "Member"("cohortId", "nameKeyRule", "nameKey", "id");
