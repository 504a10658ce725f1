-- The all-time board reads "pointsReachedAt" ASC NULLS FIRST (a member reached at no time first among equal
-- points, as on SQLite: CompletionRepository boardOrder). PostgreSQL's default for ASC is NULLS LAST, and an index
-- in the other NULL order cannot give that order: the top and view:near would sort every tied member instead of
-- walking the index. Same name, same columns (the schema cannot say NULLS FIRST, so no diff ever sees this).
DROP INDEX "Member_cohortId_leftAt_points_pointsReachedAt_id_idx";
CREATE INDEX "Member_cohortId_leftAt_points_pointsReachedAt_id_idx" ON "Member"("cohortId", "leftAt", "points" DESC, "pointsReachedAt" ASC NULLS FIRST, "id");
