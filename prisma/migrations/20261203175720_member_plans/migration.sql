-- AlterTable
ALTER TABLE "Member" ADD COLUMN "joinedOn" TEXT;

-- CreateTable
CREATE TABLE "MemberAdjustment" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "memberId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "appliedOn" TEXT,
    "days" INTEGER,
    "itemIds" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "MemberAdjustment_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "MemberBreak" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "memberId" INTEGER NOT NULL,
    "fromDate" TEXT NOT NULL,
    "toDate" TEXT NOT NULL,
    CONSTRAINT "MemberBreak_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- AlterTable (only added columns: no table rebuild needed)
ALTER TABLE "Completion" ADD COLUMN "day" TEXT;
ALTER TABLE "Completion" ADD COLUMN "forYesterday" BOOLEAN NOT NULL DEFAULT false;

-- CreateIndex
CREATE INDEX "MemberAdjustment_memberId_id_idx" ON "MemberAdjustment"("memberId", "id");

-- CreateIndex
CREATE INDEX "MemberBreak_memberId_idx" ON "MemberBreak"("memberId");
