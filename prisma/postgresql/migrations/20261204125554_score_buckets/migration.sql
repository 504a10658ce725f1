-- DropIndex
DROP INDEX "ScoreTally_cohortId_weekNumber_points_members_idx";

-- CreateTable
CREATE TABLE "ScoreBucketTally" (
    "cohortId" INTEGER NOT NULL,
    "weekNumber" INTEGER NOT NULL,
    "bucket" INTEGER NOT NULL,
    "members" INTEGER NOT NULL,

    CONSTRAINT "ScoreBucketTally_pkey" PRIMARY KEY ("cohortId","weekNumber","bucket")
);

-- AddForeignKey
ALTER TABLE "ScoreBucketTally" ADD CONSTRAINT "ScoreBucketTally_cohortId_fkey" FOREIGN KEY ("cohortId") REFERENCES "Cohort"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Score buckets: ScoreTally summed over runs of 64 scores (bucket = points / 64, CompletionRepository's
-- scoreBucketWidth), so a rank reads the buckets above the caller's and the scores above theirs in their
-- own bucket instead of every distinct score. Kept by the tally's functions, in the same statement.
-- The covering index above goes: a rank now reads at most 63 tally rows, and without "members" in an index
-- tally rows are updated in place (HOT) instead of adding an index entry per change.
INSERT INTO "ScoreBucketTally" ("cohortId", "weekNumber", "bucket", "members")
SELECT "cohortId", "weekNumber", "points" / 64, SUM("members") FROM "ScoreTally" WHERE "points" > 0
GROUP BY "cohortId", "weekNumber", "points" / 64;

-- One score's row of the tally (the body "scoreTallyAdd" had until now).
CREATE FUNCTION "scoreTallyRowAdd"(cohort INTEGER, week INTEGER, score INTEGER, delta INTEGER) RETURNS void
LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
  IF score > 0 AND delta < 0 THEN
    UPDATE "ScoreTally" SET "members" = "members" + delta WHERE "cohortId" = cohort AND "weekNumber" = week AND "points" = score;
  ELSIF score > 0 THEN
    INSERT INTO "ScoreTally" ("cohortId", "weekNumber", "points", "members") VALUES (cohort, week, score, delta)
    ON CONFLICT ("cohortId", "weekNumber", "points") DO UPDATE SET "members" = "ScoreTally"."members" + delta;
  END IF;
END $$;

-- The bucket row of one score. Like a tally row, a removal only updates.
CREATE FUNCTION "scoreBucketAdd"(cohort INTEGER, week INTEGER, score INTEGER, delta INTEGER) RETURNS void
LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
  IF score > 0 AND delta < 0 THEN
    UPDATE "ScoreBucketTally" SET "members" = "members" + delta
    WHERE "cohortId" = cohort AND "weekNumber" = week AND "bucket" = score / 64;
  ELSIF score > 0 THEN
    INSERT INTO "ScoreBucketTally" ("cohortId", "weekNumber", "bucket", "members") VALUES (cohort, week, score / 64, delta)
    ON CONFLICT ("cohortId", "weekNumber", "bucket") DO UPDATE SET "members" = "ScoreBucketTally"."members" + delta;
  END IF;
END $$;

CREATE OR REPLACE FUNCTION "scoreTallyAdd"(cohort INTEGER, week INTEGER, score INTEGER, delta INTEGER) RETURNS void
LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
  PERFORM "scoreTallyRowAdd"(cohort, week, score, delta);
  PERFORM "scoreBucketAdd"(cohort, week, score, delta);
END $$;

-- Lock order within a board: its tally rows in ascending score order, then its bucket rows in ascending
-- order, so two transactions moving members in opposite directions cannot deadlock. A move within one
-- bucket leaves the bucket alone.
CREATE OR REPLACE FUNCTION "scoreTallyMove"(cohort INTEGER, week INTEGER, from_score INTEGER, to_score INTEGER) RETURNS void
LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
DECLARE
  low_score INTEGER := LEAST(from_score, to_score);
  high_score INTEGER := GREATEST(from_score, to_score);
  low_delta INTEGER := CASE WHEN from_score < to_score THEN -1 ELSE 1 END;
BEGIN
  IF from_score = to_score THEN RETURN; END IF;
  PERFORM "scoreTallyRowAdd"(cohort, week, low_score, low_delta);
  PERFORM "scoreTallyRowAdd"(cohort, week, high_score, -low_delta);
  IF low_score > 0 AND low_score / 64 = high_score / 64 THEN RETURN; END IF;
  PERFORM "scoreBucketAdd"(cohort, week, low_score, low_delta);
  PERFORM "scoreBucketAdd"(cohort, week, high_score, -low_delta);
END $$;
