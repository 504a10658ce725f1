import { describe, expect, it } from "vitest";
import { buildCohortPlan } from "../../src/domain/schedule/buildCohortPlan.js";
import { applyCohortBreaks } from "../../src/domain/schedule/cohortBreaks.js";
import { cohortPlannedPosts, plannedPosts } from "../../src/domain/schedule/plannedPosts.js";
import type { CohortSettings, PlanCurriculum } from "../../src/domain/schedule/scheduleTypes.js";
import { randomInt, seededRandom, settings, twelveWeekCurriculum } from "../helpers/planFixtures.js";

/** What a cohort with breaks posted before: the posts of its calendar plan. */
function postsOfCalendarPlan(curriculum: PlanCurriculum, cohort: CohortSettings, breakWeeks: readonly number[]) {
  const calendar = applyCohortBreaks(buildCohortPlan(curriculum, cohort), curriculum, breakWeeks);
  return plannedPosts(calendar.plan, calendar.curriculum, cohort);
}

describe("a cohort's posts worked out from its dates and break weeks alone", () => {
  it("are the posts of its calendar plan, for breaks, study days, zones and announce days tried", () => {
    const curriculum = twelveWeekCurriculum();
    const random = seededRandom(7);
    for (let round = 0; round < 40; round += 1) {
      const studyDays = [...new Set(Array.from({ length: randomInt(random, 1, 7) }, () => randomInt(random, 1, 7)))];
      const breakWeeks = Array.from({ length: randomInt(random, 0, 4) }, () => randomInt(random, 0, 16));
      const cohort = settings({
        startDate: `2027-0${randomInt(random, 1, 9)}-1${randomInt(random, 0, 9)}`,
        studyDays,
        announceDay: randomInt(random, 1, 7),
        timeZone: ["UTC", "America/New_York", "Europe/Berlin", "Australia/Lord_Howe"][round % 4] ?? "UTC",
        announceTime: "02:30",
      });
      expect(cohortPlannedPosts(curriculum, cohort, breakWeeks)).toEqual(postsOfCalendarPlan(curriculum, cohort, breakWeeks));
    }
  });

  it("without effective breaks are the unbroken calendar's posts", () => {
    const curriculum = twelveWeekCurriculum();
    const cohort = settings({ startDate: "2027-03-01" });
    // Week 20 is past the course (and its reading): no break at all.
    expect(cohortPlannedPosts(curriculum, cohort, [20])).toEqual(postsOfCalendarPlan(curriculum, cohort, []));
    expect(cohortPlannedPosts(curriculum, cohort, [20]).at(-1)?.localDate).toBe("2027-05-24");
  });
});
