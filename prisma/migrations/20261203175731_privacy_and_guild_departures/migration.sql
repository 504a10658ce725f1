-- Privacy: the cohort's board setting and exclude role, each member's board choice, alias and exclusion.
ALTER TABLE "Cohort" ADD COLUMN "leaderboard" TEXT NOT NULL DEFAULT 'names';
ALTER TABLE "Cohort" ADD COLUMN "excludeRoleId" TEXT;
ALTER TABLE "Member" ADD COLUMN "boardVisibility" TEXT NOT NULL DEFAULT 'name';
ALTER TABLE "Member" ADD COLUMN "alias" INTEGER;
ALTER TABLE "Member" ADD COLUMN "excluded" BOOLEAN NOT NULL DEFAULT false;
CREATE UNIQUE INDEX "Member_cohortId_alias_key" ON "Member"("cohortId", "alias");

-- CreateTable
CREATE TABLE "GuildDeparture" (
    "guildId" TEXT NOT NULL PRIMARY KEY,
    "leftAt" DATETIME NOT NULL,
    "purgeAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "GuildDeparture_purgeAt_idx" ON "GuildDeparture"("purgeAt");
