-- CreateTable
CREATE TABLE "Announcement" (
    "id" SERIAL NOT NULL,
    "cohortId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "week" INTEGER,
    "section" TEXT,
    "channelId" TEXT NOT NULL,
    "openKey" TEXT,
    "requestId" TEXT NOT NULL,
    "parts" INTEGER NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'claimed',
    "claimedBy" TEXT NOT NULL,
    "claimedAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "sentAt" TIMESTAMP(3),

    CONSTRAINT "Announcement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AnnouncementPart" (
    "id" SERIAL NOT NULL,
    "announcementId" INTEGER NOT NULL,
    "part" INTEGER NOT NULL,
    "nonce" TEXT NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "attemptedAt" TIMESTAMP(3) NOT NULL,
    "messageId" TEXT,
    "channelId" TEXT,
    "sentAt" TIMESTAMP(3),

    CONSTRAINT "AnnouncementPart_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Announcement_cohortId_openKey_key" ON "Announcement"("cohortId", "openKey");

-- CreateIndex
CREATE UNIQUE INDEX "AnnouncementPart_announcementId_part_key" ON "AnnouncementPart"("announcementId", "part");

-- AddForeignKey
ALTER TABLE "Announcement" ADD CONSTRAINT "Announcement_cohortId_fkey" FOREIGN KEY ("cohortId") REFERENCES "Cohort"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AnnouncementPart" ADD CONSTRAINT "AnnouncementPart_announcementId_fkey" FOREIGN KEY ("announcementId") REFERENCES "Announcement"("id") ON DELETE CASCADE ON UPDATE CASCADE;
