-- CreateTable
CREATE TABLE "ScheduledPostPart" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "postId" INTEGER NOT NULL,
    "part" INTEGER NOT NULL,
    "nonce" TEXT NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "attemptedAt" DATETIME NOT NULL,
    "messageId" TEXT,
    "sentAt" DATETIME,
    CONSTRAINT "ScheduledPostPart_postId_fkey" FOREIGN KEY ("postId") REFERENCES "ScheduledPost" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "ScheduledPostPart_postId_part_key" ON "ScheduledPostPart"("postId", "part");
