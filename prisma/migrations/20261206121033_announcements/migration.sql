-- CreateTable
CREATE TABLE "Announcement" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
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
    "claimedAt" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL,
    "sentAt" DATETIME,
    CONSTRAINT "Announcement_cohortId_fkey" FOREIGN KEY ("cohortId") REFERENCES "Cohort" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AnnouncementPart" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "announcementId" INTEGER NOT NULL,
    "part" INTEGER NOT NULL,
    "nonce" TEXT NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "attemptedAt" DATETIME NOT NULL,
    "messageId" TEXT,
    "channelId" TEXT,
    "sentAt" DATETIME,
    CONSTRAINT "AnnouncementPart_announcementId_fkey" FOREIGN KEY ("announcementId") REFERENCES "Announcement" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "Announcement_cohortId_openKey_key" ON "Announcement"("cohortId", "openKey");

-- CreateIndex
CREATE UNIQUE INDEX "AnnouncementPart_announcementId_part_key" ON "AnnouncementPart"("announcementId", "part");
