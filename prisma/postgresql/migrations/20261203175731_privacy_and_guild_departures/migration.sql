-- AlterTable
ALTER TABLE "Cohort" ADD COLUMN     "excludeRoleId" TEXT,
ADD COLUMN     "leaderboard" TEXT NOT NULL DEFAULT 'names';

-- AlterTable
ALTER TABLE "Member" ADD COLUMN     "alias" INTEGER,
ADD COLUMN     "boardVisibility" TEXT NOT NULL DEFAULT 'name',
ADD COLUMN     "excluded" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "GuildDeparture" (
    "guildId" TEXT NOT NULL,
    "leftAt" TIMESTAMP(3) NOT NULL,
    "purgeAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "GuildDeparture_pkey" PRIMARY KEY ("guildId")
);

-- CreateIndex
CREATE INDEX "GuildDeparture_purgeAt_idx" ON "GuildDeparture"("purgeAt");

-- CreateIndex
CREATE UNIQUE INDEX "Member_cohortId_alias_key" ON "Member"("cohortId", "alias");
