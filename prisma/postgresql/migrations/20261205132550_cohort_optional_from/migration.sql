-- The day `/cohort edit include_optional:true` turned Optional items on mid-course: those due before it are never
-- overdue. Null (every cohort so far): from the start, as before.
-- AlterTable
ALTER TABLE "Cohort" ADD COLUMN     "optionalFrom" TEXT;
