-- DropIndex
DROP INDEX "Member_cohortId_leftAt_points_idx";

-- DropIndex
DROP INDEX "WeeklyScore_cohortId_weekNumber_points_memberId_idx";

-- DropIndex
DROP INDEX "WeeklyScore_cohortId_weekNumber_points_idx";

-- CreateTable
CREATE TABLE "ScoreTally" (
    "cohortId" INTEGER NOT NULL,
    "weekNumber" INTEGER NOT NULL,
    "points" INTEGER NOT NULL,
    "members" INTEGER NOT NULL,

    CONSTRAINT "ScoreTally_pkey" PRIMARY KEY ("cohortId","weekNumber","points")
);

-- CreateIndex
CREATE INDEX "Member_cohortId_leftAt_points_pointsReachedAt_id_idx" ON "Member"("cohortId", "leftAt", "points" DESC, "pointsReachedAt", "id");

-- CreateIndex
CREATE INDEX "WeeklyScore_cohortId_weekNumber_points_reachedAt_memberId_idx" ON "WeeklyScore"("cohortId", "weekNumber", "points" DESC, "reachedAt", "memberId");

-- AddForeignKey
ALTER TABLE "ScoreTally" ADD CONSTRAINT "ScoreTally_cohortId_fkey" FOREIGN KEY ("cohortId") REFERENCES "Cohort"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Score tallies: how many ranked members (active, points > 0) stand at each score of each board
-- (weekNumber -1 = all time). Triggers keep them in the statement that changes a score or a membership,
-- whoever writes it, and a rank is then a sum over a board's distinct scores. Written by hand (Prisma does not
-- model triggers). Each change touches its tally rows in ascending score order, so two transactions
-- moving members in opposite directions cannot deadlock on them.
INSERT INTO "ScoreTally" ("cohortId", "weekNumber", "points", "members")
SELECT "cohortId", -1, "points", COUNT(*) FROM "Member" WHERE "leftAt" IS NULL AND "points" > 0 GROUP BY "cohortId", "points";

INSERT INTO "ScoreTally" ("cohortId", "weekNumber", "points", "members")
SELECT w."cohortId", w."weekNumber", w."points", COUNT(*) FROM "WeeklyScore" w JOIN "Member" m ON m."id" = w."memberId"
WHERE m."leftAt" IS NULL AND w."points" > 0 GROUP BY w."cohortId", w."weekNumber", w."points";

-- Adds `delta` members to one score of one board (scores of 0 are not ranked and not counted). A removal
-- only updates (never inserts): during a cohort's cascade delete its tally may already be gone.
CREATE FUNCTION "scoreTallyAdd"(cohort INTEGER, week INTEGER, score INTEGER, delta INTEGER) RETURNS void
LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
  IF score > 0 AND delta < 0 THEN
    UPDATE "ScoreTally" SET "members" = "members" + delta WHERE "cohortId" = cohort AND "weekNumber" = week AND "points" = score;
  ELSIF score > 0 THEN
    INSERT INTO "ScoreTally" ("cohortId", "weekNumber", "points", "members") VALUES (cohort, week, score, delta)
    ON CONFLICT ("cohortId", "weekNumber", "points") DO UPDATE SET "members" = "ScoreTally"."members" + delta;
  END IF;
END $$;

-- Moves one member from score `from_score` to `to_score` on one board (either may be 0: not on it).
CREATE FUNCTION "scoreTallyMove"(cohort INTEGER, week INTEGER, from_score INTEGER, to_score INTEGER) RETURNS void
LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
  IF from_score = to_score THEN RETURN; END IF;
  IF from_score < to_score THEN
    PERFORM "scoreTallyAdd"(cohort, week, from_score, -1);
    PERFORM "scoreTallyAdd"(cohort, week, to_score, 1);
  ELSE
    PERFORM "scoreTallyAdd"(cohort, week, to_score, 1);
    PERFORM "scoreTallyAdd"(cohort, week, from_score, -1);
  END IF;
END $$;

-- Leaving, rejoining or being deleted moves every week the member scored in (`delta` -1 or 1).
CREATE FUNCTION "scoreTallyWeeks"(member_id INTEGER, delta INTEGER) RETURNS void
LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
DECLARE
  week_row RECORD;
BEGIN
  FOR week_row IN SELECT "cohortId", "weekNumber", "points" FROM "WeeklyScore" WHERE "memberId" = member_id AND "points" > 0
             ORDER BY "weekNumber", "points" LOOP
    PERFORM "scoreTallyAdd"(week_row."cohortId", week_row."weekNumber", week_row."points", delta);
  END LOOP;
END $$;

CREATE FUNCTION "Member_scoreTally"() RETURNS trigger
LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
DECLARE
  was_ranked_points INTEGER := 0;
  ranked_points INTEGER := 0;
BEGIN
  IF TG_OP = 'DELETE' THEN
    -- In a cohort's cascade delete the cohort is already gone, and its tally goes with it untouched.
    IF OLD."leftAt" IS NULL AND EXISTS (SELECT 1 FROM "Cohort" WHERE "id" = OLD."cohortId") THEN
      PERFORM "scoreTallyAdd"(OLD."cohortId", -1, OLD."points", -1);
      PERFORM "scoreTallyWeeks"(OLD."id", -1);
    END IF;
    RETURN OLD;
  END IF;
  IF TG_OP = 'UPDATE' AND OLD."leftAt" IS NULL THEN was_ranked_points := OLD."points"; END IF;
  IF NEW."leftAt" IS NULL THEN ranked_points := NEW."points"; END IF;
  PERFORM "scoreTallyMove"(NEW."cohortId", -1, was_ranked_points, ranked_points);
  IF TG_OP = 'UPDATE' AND (OLD."leftAt" IS NULL) <> (NEW."leftAt" IS NULL) THEN
    PERFORM "scoreTallyWeeks"(NEW."id", CASE WHEN NEW."leftAt" IS NULL THEN 1 ELSE -1 END);
  END IF;
  RETURN NEW;
END $$;

CREATE FUNCTION "WeeklyScore_scoreTally"() RETURNS trigger
LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
DECLARE
  member_id INTEGER := CASE WHEN TG_OP = 'DELETE' THEN OLD."memberId" ELSE NEW."memberId" END;
BEGIN
  -- A member who left (or whose deletion already counted their weeks) is not on the boards.
  IF NOT EXISTS (SELECT 1 FROM "Member" WHERE "id" = member_id AND "leftAt" IS NULL) THEN RETURN NULL; END IF;
  IF TG_OP = 'INSERT' THEN
    PERFORM "scoreTallyAdd"(NEW."cohortId", NEW."weekNumber", NEW."points", 1);
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM "scoreTallyMove"(NEW."cohortId", NEW."weekNumber", GREATEST(OLD."points", 0), GREATEST(NEW."points", 0));
  ELSE
    PERFORM "scoreTallyAdd"(OLD."cohortId", OLD."weekNumber", OLD."points", -1);
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "Member_scoreTally_change" AFTER INSERT OR UPDATE OF "points", "leftAt" ON "Member"
FOR EACH ROW EXECUTE FUNCTION "Member_scoreTally"();

-- Before the delete: the member's weekly rows still exist (the cascade removes them after, and their own
-- trigger then finds no member and counts nothing twice).
CREATE TRIGGER "Member_scoreTally_delete" BEFORE DELETE ON "Member"
FOR EACH ROW EXECUTE FUNCTION "Member_scoreTally"();

CREATE TRIGGER "WeeklyScore_scoreTally_change" AFTER INSERT OR UPDATE OF "points" OR DELETE ON "WeeklyScore"
FOR EACH ROW EXECUTE FUNCTION "WeeklyScore_scoreTally"();
