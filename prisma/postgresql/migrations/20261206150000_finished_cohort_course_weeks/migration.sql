-- Cohorts finished before "courseWeeks" was kept (NULL) get the curriculum weeks of the course they ran, once,
-- so that an import adding weeks to their curriculum gives them none. The weeks they ran: the highest week of
-- their weekly posts (a set-aside post's period has an @ and is left out), less their break weeks up to it,
-- when that is fewer than their curriculum has now (an import added weeks since they finished).
UPDATE "Cohort" SET "courseWeeks" =
    (SELECT MAX(CAST(substr(s."period", 6) AS INTEGER)) FROM "ScheduledPost" s
      WHERE s."cohortId" = "Cohort"."id" AND s."kind" = 'week' AND s."period" NOT LIKE '%@%')
  - (SELECT COUNT(*) FROM "CohortBreak" b WHERE b."cohortId" = "Cohort"."id" AND b."week" <=
      (SELECT MAX(CAST(substr(s."period", 6) AS INTEGER)) FROM "ScheduledPost" s
        WHERE s."cohortId" = "Cohort"."id" AND s."kind" = 'week' AND s."period" NOT LIKE '%@%'))
WHERE "status" = 'finished' AND "courseWeeks" IS NULL
  AND (SELECT MAX(CAST(substr(s."period", 6) AS INTEGER)) FROM "ScheduledPost" s
      WHERE s."cohortId" = "Cohort"."id" AND s."kind" = 'week' AND s."period" NOT LIKE '%@%')
    - (SELECT COUNT(*) FROM "CohortBreak" b WHERE b."cohortId" = "Cohort"."id" AND b."week" <=
      (SELECT MAX(CAST(substr(s."period", 6) AS INTEGER)) FROM "ScheduledPost" s
        WHERE s."cohortId" = "Cohort"."id" AND s."kind" = 'week' AND s."period" NOT LIKE '%@%'))
    BETWEEN 1 AND (SELECT c."totalWeeks" - 1 FROM "Curriculum" c WHERE c."id" = "Cohort"."curriculumId");

-- The others (no weekly post, or as many weeks as their curriculum has): their curriculum's weeks.
UPDATE "Cohort" SET "courseWeeks" = (SELECT c."totalWeeks" FROM "Curriculum" c WHERE c."id" = "Cohort"."curriculumId")
WHERE "status" = 'finished' AND "courseWeeks" IS NULL;
