import type { PrismaClient } from "../../src/db/openDatabase.js";
import { cohortNameKey } from "../../src/domain/cohort/cohortNameKey.js";
import { CURRENT_PLAN_RULE } from "../../src/domain/schedule/scheduleTypes.js";
import type { Prisma } from "../../src/generated/prisma/client.js";

/** The columns a cohort row cannot do without, given by `createCohortRow` when a test does not name them. */
export type CohortRowFields = Partial<Omit<Prisma.CohortUncheckedCreateInput, "curriculumId">>;

/**
 * A cohort row written straight to the database (no service, no channel
 * check), for SQL and repository tests that need only rows: guild "1",
 * channel "2", named "Cohort" (its name key from the name), starting Monday 2027-03-01, under the plan rule
 * new cohorts get (CURRENT_PLAN_RULE; the column's default, 1, is what older code writes), unless `fields`
 * says otherwise (any other column too).
 */
export async function createCohortRow(prisma: PrismaClient, curriculumId: number, fields: CohortRowFields = {}) {
  return prisma.cohort.create({
    data: {
      guildId: "1",
      channelId: "2",
      name: "Cohort",
      startDate: "2027-03-01",
      planRule: CURRENT_PLAN_RULE,
      nameKey: cohortNameKey(fields.name ?? "Cohort"),
      ...fields,
      curriculumId,
    },
  });
}
