import { CohortStatus, type Cohort } from "../../src/domain/cohort/cohortModel.js";
import { DEFAULT_COHORT_SETTINGS } from "../../src/domain/schedule/scheduleTypes.js";

/**
 * A hand-built active `Cohort` domain object with neutral defaults: tests name
 * only what they are about. A new Cohort column gets its default here once.
 */
export function cohortFixture(fields: Partial<Cohort> & Pick<Cohort, "id" | "curriculumId">): Cohort {
  return {
    guildId: "g",
    channelId: "c",
    name: `c${fields.id}`,
    status: CohortStatus.Active,
    endedAt: null,
    optionalFrom: null,
    channelProblem: null,
    breakWeeks: [],
    language: "en",
    leaderboard: "names",
    excludeRoleId: null,
    exclusionsCheckedAt: null,
    finalBoardKept: false,
    courseWeeks: null,
    createdAt: new Date(0),
    settings: { ...DEFAULT_COHORT_SETTINGS, startDate: "2027-03-01" },
    ...fields,
  };
}
