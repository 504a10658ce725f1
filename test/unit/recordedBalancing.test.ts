import { describe, expect, it } from "vitest";
import { buildCohortPlan } from "../../src/domain/schedule/buildCohortPlan.js";
import { planWork, recordBalancing, replayBalancing } from "../../src/domain/schedule/recordedBalancing.js";
import { settings, twelveWeekCurriculum } from "../helpers/planFixtures.js";

describe("a plan replayed from its recorded balancing", () => {
  it("is the plan buildCohortPlan gives, for every study-day set tried", () => {
    const curriculum = twelveWeekCurriculum();
    for (const studyDays of [
      [1, 2, 3, 4, 5],
      [6, 7],
      [1, 3, 5, 7],
      [1, 2, 3, 4, 5, 6, 7],
    ]) {
      for (const includeOptional of [false, true]) {
        const cohortSettings = settings({ studyDays, includeOptional, startDate: "2027-03-03" });
        const chosen = recordBalancing(curriculum, cohortSettings);
        expect(replayBalancing(curriculum, cohortSettings, chosen)).toEqual(buildCohortPlan(curriculum, cohortSettings));
      }
    }
  });

  it("refuses a record of other inputs instead of building a wrong plan", () => {
    const curriculum = twelveWeekCurriculum();
    const chosen = recordBalancing(curriculum, settings({ includeOptional: true }));
    expect(() => replayBalancing(curriculum, settings({ includeOptional: false }), chosen)).toThrow(/longer than the plan/);
    const fewer = recordBalancing(curriculum, settings({ includeOptional: false }));
    expect(() => replayBalancing(curriculum, settings({ includeOptional: true }), fewer)).toThrow(/shorter than the plan/);
  });

  it("weighs the work of a plan by items and study days", () => {
    const curriculum = twelveWeekCurriculum();
    const items = curriculum.sections.reduce((sum, section) => sum + section.items.length, 0);
    expect(planWork(curriculum, settings({ studyDays: [1, 2, 3, 4, 5] }))).toBe(items + 12 * 5);
    expect(planWork(curriculum, settings({ studyDays: [6, 6, 7] }))).toBe(items + 12 * 2);
  });
});
