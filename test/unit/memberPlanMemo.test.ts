import { describe, expect, it } from "vitest";
import { buildCohortPlan } from "../../src/domain/schedule/buildCohortPlan.js";
import { buildMemberPlan, MemberAdjustmentKind, type MemberPlanInput } from "../../src/domain/schedule/memberPlan.js";
import { MemberPlanMemo } from "../../src/services/MemberPlanMemo.js";
import { settings, twelveWeekCurriculum } from "../helpers/planFixtures.js";

const basePlan = buildCohortPlan(twelveWeekCurriculum(), settings());
const plain: MemberPlanInput = { basePlan, breakWeeks: [], joinedOn: "2027-03-01", adjustments: [], personalBreaks: [] };

describe("MemberPlanMemo", () => {
  it("gives the plan buildMemberPlan builds, the same one for equal inputs", async () => {
    const memo = new MemberPlanMemo();
    const first = await memo.planOf(plain);
    expect(first).toEqual(buildMemberPlan(plain));
    expect(await memo.planOf({ ...plain, adjustments: [], personalBreaks: [] })).toBe(first);
  });

  it("builds again for any change of input: an adjustment, a personal break, a cohort break week, the join day, another cohort plan", async () => {
    const memo = new MemberPlanMemo();
    const first = await memo.planOf(plain);
    const changed: MemberPlanInput[] = [
      { ...plain, adjustments: [{ kind: MemberAdjustmentKind.Extend }] },
      { ...plain, personalBreaks: [{ from: "2027-03-10", to: "2027-03-12" }] },
      { ...plain, personalBreaks: [{ from: "2027-03-10", to: "2027-03-11" }] },
      { ...plain, breakWeeks: [3] },
      { ...plain, joinedOn: "2027-03-15" },
      { ...plain, basePlan: buildCohortPlan(twelveWeekCurriculum(), settings()) },
    ];
    for (const input of changed) {
      const plan = await memo.planOf(input);
      expect(plan).not.toBe(first);
      expect(plan).toEqual(buildMemberPlan(input));
    }
    expect(await memo.planOf(plain)).toBe(first);
  });

  it("builds a plan asked for again while it is being built once, and again after a failed build", async () => {
    const memo = new MemberPlanMemo();
    let builds = 0;
    const build = (input: MemberPlanInput) => {
      builds += 1;
      return Promise.resolve().then(() => buildMemberPlan(input));
    };
    const [first, second] = await Promise.all([memo.planOf(plain, build), memo.planOf({ ...plain }, build)]);
    expect(second).toBe(first);
    expect(builds).toBe(1);
    const extended = { ...plain, adjustments: [{ kind: MemberAdjustmentKind.Extend }] };
    await expect(memo.planOf(extended, () => Promise.reject(new Error("worker gone")))).rejects.toThrow("worker gone");
    expect((await memo.planOf(extended, build)).extraWeeks).toBe(1);
    expect(builds).toBe(2);
  });

  it("stays right past its bound (the oldest plans are forgotten)", async () => {
    const memo = new MemberPlanMemo();
    const joinDays = Array.from(
      { length: 300 },
      (_, index) => `2027-0${3 + Math.floor(index / 28)}-${String((index % 28) + 1).padStart(2, "0")}`,
    );
    for (const joinedOn of [...joinDays, ...joinDays]) {
      expect((await memo.planOf({ ...plain, joinedOn })).items.filter((entry) => entry.preJoin).length).toBe(
        buildMemberPlan({ ...plain, joinedOn }).items.filter((entry) => entry.preJoin).length,
      );
    }
  });
});
