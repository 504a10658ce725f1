-- AlterTable
ALTER TABLE "Completion" ADD COLUMN     "day" TEXT,
ADD COLUMN     "forYesterday" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Member" ADD COLUMN     "joinedOn" TEXT;

-- CreateTable
CREATE TABLE "MemberAdjustment" (
    "id" SERIAL NOT NULL,
    "memberId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "appliedOn" TEXT,
    "days" INTEGER,
    "itemIds" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MemberAdjustment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MemberBreak" (
    "id" SERIAL NOT NULL,
    "memberId" INTEGER NOT NULL,
    "fromDate" TEXT NOT NULL,
    "toDate" TEXT NOT NULL,

    CONSTRAINT "MemberBreak_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "MemberAdjustment_memberId_id_idx" ON "MemberAdjustment"("memberId", "id");

-- CreateIndex
CREATE INDEX "MemberBreak_memberId_idx" ON "MemberBreak"("memberId");

-- AddForeignKey
ALTER TABLE "MemberAdjustment" ADD CONSTRAINT "MemberAdjustment_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MemberBreak" ADD CONSTRAINT "MemberBreak_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE CASCADE ON UPDATE CASCADE;
