import { describe, expect, it } from "vitest";
import { buildCohortPlan } from "../../src/domain/schedule/buildCohortPlan.js";
import { planWork, recordBalancing, replayBalancing } from "../../src/domain/schedule/recordedBalancing.js";
import { curriculumBuilder, settings, twelveWeekCurriculum } from "../helpers/planFixtures.js";

describe("a plan replayed from its recorded balancing", () => {
  it("is the plan buildCohortPlan gives, for every study-day set and plan rule tried", () => {
    const curriculum = twelveWeekCurriculum();
    let rulesDiffered = false;
    for (const studyDays of [
      [1, 2, 3, 4, 5],
      [6, 7],
      [1, 3, 5, 7],
      [1, 2, 3, 4, 5, 6, 7],
    ]) {
      for (const includeOptional of [false, true]) {
        const plans = ([1, 2] as const).map((planRule) => {
          const cohortSettings = settings({ studyDays, includeOptional, startDate: "2027-03-03", planRule });
          const chosen = recordBalancing(curriculum, cohortSettings);
          const plan = buildCohortPlan(curriculum, cohortSettings);
          expect(replayBalancing(curriculum, cohortSettings, chosen)).toEqual(plan);
          return plan;
        });
        if (JSON.stringify([...(plans[0]?.assignedDateByItemId ?? [])]) !== JSON.stringify([...(plans[1]?.assignedDateByItemId ?? [])]))
          rulesDiffered = true;
      }
    }
    // The rule is an input of the recorded plan: some of these plans differ between the rules.
    expect(rulesDiffered).toBe(true);
  });

  it("follows plan rule 2's balancing order (denser sections first) and replays to the same plan", () => {
    // sparse (5 × 30 over weeks 1–2) comes first in the curriculum, dense (5 × 30, week 1) second.
    const { section, curriculum } = curriculumBuilder();
    const path = curriculum(2, [section("sparse", 1, 2, Array(5).fill(30)), section("dense", 1, 1, Array(5).fill(30))]);
    const ruleTwo = settings({ planRule: 2 });
    const chosen = recordBalancing(path, ruleTwo);
    // Dense first: one item on each day of week 1; then sparse on week 2's free days (5..9 of its 10 days).
    expect(Array.from(chosen)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(replayBalancing(path, ruleTwo, chosen)).toEqual(buildCohortPlan(path, ruleTwo));
    // Rule 1 keeps curriculum order: sparse by position alone, then dense on top.
    const ruleOne = settings({ planRule: 1 });
    expect(Array.from(recordBalancing(path, ruleOne))).toEqual([0, 2, 4, 6, 8, 0, 1, 2, 3, 4]);
    expect(replayBalancing(path, ruleOne, recordBalancing(path, ruleOne))).toEqual(buildCohortPlan(path, ruleOne));
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
