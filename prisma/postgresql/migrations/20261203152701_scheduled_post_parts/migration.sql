-- CreateTable
CREATE TABLE "ScheduledPostPart" (
    "id" SERIAL NOT NULL,
    "postId" INTEGER NOT NULL,
    "part" INTEGER NOT NULL,
    "nonce" TEXT NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "attemptedAt" TIMESTAMP(3) NOT NULL,
    "messageId" TEXT,
    "sentAt" TIMESTAMP(3),

    CONSTRAINT "ScheduledPostPart_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ScheduledPostPart_postId_part_key" ON "ScheduledPostPart"("postId", "part");

-- AddForeignKey
ALTER TABLE "ScheduledPostPart" ADD CONSTRAINT "ScheduledPostPart_postId_fkey" FOREIGN KEY ("postId") REFERENCES "ScheduledPost"("id") ON DELETE CASCADE ON UPDATE CASCADE;
