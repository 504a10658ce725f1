-- DropIndex
DROP INDEX "ScoreTally_cohortId_weekNumber_points_members_idx";

-- CreateTable
CREATE TABLE "ScoreBucketTally" (
    "cohortId" INTEGER NOT NULL,
    "weekNumber" INTEGER NOT NULL,
    "bucket" INTEGER NOT NULL,
    "members" INTEGER NOT NULL,

    PRIMARY KEY ("cohortId", "weekNumber", "bucket"),
    CONSTRAINT "ScoreBucketTally_cohortId_fkey" FOREIGN KEY ("cohortId") REFERENCES "Cohort" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- Score buckets: ScoreTally summed over runs of 64 scores (bucket = points / 64, CompletionRepository's
-- scoreBucketWidth), so a rank reads the buckets above the caller's and the scores above theirs in their
-- own bucket instead of every distinct score. Kept from ScoreTally's own changes, in the same statement.
-- The covering index above goes: a rank now reads at most 63 tally rows, and without "members" in an index
-- PostgreSQL can update tally rows in place (HOT) instead of adding an index entry per change.
INSERT INTO "ScoreBucketTally" ("cohortId", "weekNumber", "bucket", "members")
SELECT "cohortId", "weekNumber", "points" / 64, SUM("members") FROM "ScoreTally" WHERE "points" > 0
GROUP BY "cohortId", "weekNumber", "points" / 64;

CREATE TRIGGER "ScoreTally_bucket_insert" AFTER INSERT ON "ScoreTally"
BEGIN
  INSERT INTO "ScoreBucketTally" ("cohortId", "weekNumber", "bucket", "members")
  VALUES (NEW."cohortId", NEW."weekNumber", NEW."points" / 64, NEW."members")
  ON CONFLICT ("cohortId", "weekNumber", "bucket") DO UPDATE SET "members" = "members" + excluded."members";
END;

CREATE TRIGGER "ScoreTally_bucket_update" AFTER UPDATE OF "members" ON "ScoreTally"
WHEN NEW."members" <> OLD."members"
BEGIN
  UPDATE "ScoreBucketTally" SET "members" = "members" + NEW."members" - OLD."members"
  WHERE "cohortId" = NEW."cohortId" AND "weekNumber" = NEW."weekNumber" AND "bucket" = NEW."points" / 64;
END;
