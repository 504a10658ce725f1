-- AlterTable
ALTER TABLE "Member" ADD COLUMN     "nameKey" TEXT;

-- CreateIndex
CREATE INDEX "Member_cohortId_nameKey_id_idx" ON "Member"("cohortId", "nameKey", "id");
