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

    PRIMARY KEY ("cohortId", "weekNumber", "points"),
    CONSTRAINT "ScoreTally_cohortId_fkey" FOREIGN KEY ("cohortId") REFERENCES "Cohort" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "Member_cohortId_leftAt_points_pointsReachedAt_id_idx" ON "Member"("cohortId", "leftAt", "points" DESC, "pointsReachedAt", "id");

-- CreateIndex
CREATE INDEX "WeeklyScore_cohortId_weekNumber_points_reachedAt_memberId_idx" ON "WeeklyScore"("cohortId", "weekNumber", "points" DESC, "reachedAt", "memberId");

-- Score tallies: how many ranked members (active, points > 0) stand at each score of each board
-- (weekNumber -1 = all time). Triggers keep them in the statement that changes a score or a membership,
-- whoever writes it; a rank is then a sum over a board's distinct scores. Written by hand (Prisma does not
-- model triggers); a later migration that rebuilds "Member" or "WeeklyScore" must create them again.
INSERT INTO "ScoreTally" ("cohortId", "weekNumber", "points", "members")
SELECT "cohortId", -1, "points", COUNT(*) FROM "Member" WHERE "leftAt" IS NULL AND "points" > 0 GROUP BY "cohortId", "points";

INSERT INTO "ScoreTally" ("cohortId", "weekNumber", "points", "members")
SELECT w."cohortId", w."weekNumber", w."points", COUNT(*) FROM "WeeklyScore" w JOIN "Member" m ON m."id" = w."memberId"
WHERE m."leftAt" IS NULL AND w."points" > 0 GROUP BY w."cohortId", w."weekNumber", w."points";

CREATE TRIGGER "Member_scoreTally_insert" AFTER INSERT ON "Member"
WHEN NEW."leftAt" IS NULL AND NEW."points" > 0
BEGIN
  INSERT INTO "ScoreTally" ("cohortId", "weekNumber", "points", "members") VALUES (NEW."cohortId", -1, NEW."points", 1)
  ON CONFLICT ("cohortId", "weekNumber", "points") DO UPDATE SET "members" = "members" + 1;
END;

-- Before the delete: the member's weekly rows still exist (the cascade removes them after, and their own
-- trigger then finds no active member and counts nothing twice).
CREATE TRIGGER "Member_scoreTally_delete" BEFORE DELETE ON "Member"
WHEN OLD."leftAt" IS NULL
BEGIN
  UPDATE "ScoreTally" SET "members" = "members" - 1
  WHERE "cohortId" = OLD."cohortId" AND "weekNumber" = -1 AND "points" = OLD."points";
  UPDATE "ScoreTally" SET "members" = "members" - 1
  WHERE "cohortId" = OLD."cohortId"
    AND ("weekNumber", "points") IN (SELECT "weekNumber", "points" FROM "WeeklyScore" WHERE "memberId" = OLD."id" AND "points" > 0);
END;

CREATE TRIGGER "Member_scoreTally_points" AFTER UPDATE OF "points", "leftAt" ON "Member"
WHEN OLD."points" <> NEW."points" OR (OLD."leftAt" IS NULL) <> (NEW."leftAt" IS NULL)
BEGIN
  UPDATE "ScoreTally" SET "members" = "members" - 1
  WHERE OLD."leftAt" IS NULL AND "cohortId" = OLD."cohortId" AND "weekNumber" = -1 AND "points" = OLD."points";
  INSERT INTO "ScoreTally" ("cohortId", "weekNumber", "points", "members")
  SELECT NEW."cohortId", -1, NEW."points", 1 WHERE NEW."leftAt" IS NULL AND NEW."points" > 0
  ON CONFLICT ("cohortId", "weekNumber", "points") DO UPDATE SET "members" = "members" + 1;
END;

-- Leaving or rejoining moves every week the member scored in.
CREATE TRIGGER "Member_scoreTally_leave" AFTER UPDATE OF "leftAt" ON "Member"
WHEN OLD."leftAt" IS NULL AND NEW."leftAt" IS NOT NULL
BEGIN
  UPDATE "ScoreTally" SET "members" = "members" - 1
  WHERE "cohortId" = NEW."cohortId"
    AND ("weekNumber", "points") IN (SELECT "weekNumber", "points" FROM "WeeklyScore" WHERE "memberId" = NEW."id" AND "points" > 0);
END;

CREATE TRIGGER "Member_scoreTally_rejoin" AFTER UPDATE OF "leftAt" ON "Member"
WHEN OLD."leftAt" IS NOT NULL AND NEW."leftAt" IS NULL
BEGIN
  INSERT INTO "ScoreTally" ("cohortId", "weekNumber", "points", "members")
  SELECT "cohortId", "weekNumber", "points", 1 FROM "WeeklyScore" WHERE "memberId" = NEW."id" AND "points" > 0
  ON CONFLICT ("cohortId", "weekNumber", "points") DO UPDATE SET "members" = "members" + 1;
END;

CREATE TRIGGER "WeeklyScore_scoreTally_insert" AFTER INSERT ON "WeeklyScore"
WHEN NEW."points" > 0 AND EXISTS (SELECT 1 FROM "Member" WHERE "id" = NEW."memberId" AND "leftAt" IS NULL)
BEGIN
  INSERT INTO "ScoreTally" ("cohortId", "weekNumber", "points", "members") VALUES (NEW."cohortId", NEW."weekNumber", NEW."points", 1)
  ON CONFLICT ("cohortId", "weekNumber", "points") DO UPDATE SET "members" = "members" + 1;
END;

CREATE TRIGGER "WeeklyScore_scoreTally_update" AFTER UPDATE OF "points" ON "WeeklyScore"
WHEN OLD."points" <> NEW."points" AND EXISTS (SELECT 1 FROM "Member" WHERE "id" = NEW."memberId" AND "leftAt" IS NULL)
BEGIN
  UPDATE "ScoreTally" SET "members" = "members" - 1
  WHERE "cohortId" = OLD."cohortId" AND "weekNumber" = OLD."weekNumber" AND "points" = OLD."points";
  INSERT INTO "ScoreTally" ("cohortId", "weekNumber", "points", "members")
  SELECT NEW."cohortId", NEW."weekNumber", NEW."points", 1 WHERE NEW."points" > 0
  ON CONFLICT ("cohortId", "weekNumber", "points") DO UPDATE SET "members" = "members" + 1;
END;

CREATE TRIGGER "WeeklyScore_scoreTally_delete" AFTER DELETE ON "WeeklyScore"
WHEN OLD."points" > 0 AND EXISTS (SELECT 1 FROM "Member" WHERE "id" = OLD."memberId" AND "leftAt" IS NULL)
BEGIN
  UPDATE "ScoreTally" SET "members" = "members" - 1
  WHERE "cohortId" = OLD."cohortId" AND "weekNumber" = OLD."weekNumber" AND "points" = OLD."points";
END;
