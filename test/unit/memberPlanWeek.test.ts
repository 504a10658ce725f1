import { describe, expect, it } from "vitest";
import { buildCohortPlan } from "../../src/domain/schedule/buildCohortPlan.js";
import { applyCohortBreaks } from "../../src/domain/schedule/cohortBreaks.js";
import { buildMemberPlan, MemberAdjustmentKind, type MemberAdjustment } from "../../src/domain/schedule/memberPlan.js";
import { memberPlanWeek } from "../../src/domain/schedule/memberPlanWeek.js";
import { settings, twelveWeekCurriculum } from "../helpers/planFixtures.js";

const basePlan = buildCohortPlan(twelveWeekCurriculum(), settings());
const START = "2027-03-01";
const memberPlan = (adjustments: MemberAdjustment[]) =>
  buildMemberPlan({ basePlan, breakWeeks: [], joinedOn: START, adjustments, personalBreaks: [] });
const ids = (week: ReturnType<typeof memberPlanWeek>) => week.days.flatMap((day) => day.items.map((item) => item.id));

describe("memberPlanWeek (/week in the member's own plan)", () => {
  const [week1, week2] = basePlan.weeks;
  if (week1 === undefined || week2 === undefined) throw new Error("the fixture has 12 weeks");

  it("is the cohort's week, day by day, for a member without adjustments", () => {
    const week = memberPlanWeek(week2, memberPlan([]), new Set(), basePlan.weeks);
    expect(week.days.map((day) => day.date)).toEqual(week2.days.map((day) => day.date));
    expect(ids(week)).toEqual(week2.days.flatMap((day) => day.items.map((item) => item.id)));
    expect(week.totalMinutes).toBe(week2.totalMinutes);
  });

  it("after an extension, shows the cohort's previous week on this week's days, and week 1 empty", () => {
    const extended = memberPlan([{ kind: MemberAdjustmentKind.Extend }]);
    const week = memberPlanWeek(week2, extended, new Set(), basePlan.weeks);
    expect(ids(week)).toEqual(week1.days.flatMap((day) => day.items.map((item) => item.id)));
    expect(week.days.map((day) => day.date)).toEqual(week2.days.map((day) => day.date));
    expect(week.days.every((day) => day.items.every((item) => item.assignedDate === day.date))).toBe(true);
    expect(ids(memberPlanWeek(week1, extended, new Set(), basePlan.weeks))).toEqual([]);
  });

  const heading = (week: ReturnType<typeof memberPlanWeek>) => week.sections.map((s) => `${s.key}:${s.weekStart}-${s.weekEnd}`);

  it("heads an extended member's week with the cohort's sections of the week they read then, on their own weeks", () => {
    const extended = memberPlan([{ kind: MemberAdjustmentKind.Extend }]);
    const [, , week3] = basePlan.weeks;
    if (week3 === undefined) throw new Error("the fixture has 12 weeks");
    // The cohort reads s1 in weeks 1-2 and s2 in weeks 2-3: one week later, the member reads them in 2-3 and 3-4.
    expect(heading(memberPlanWeek(week2, extended, new Set(), basePlan.weeks))).toEqual(["s1:2-3"]);
    expect(heading(memberPlanWeek(week3, extended, new Set(), basePlan.weeks))).toEqual(["s1:2-3", "s2:3-4"]);
    expect(heading(memberPlanWeek(week1, extended, new Set(), basePlan.weeks))).toEqual([]);
    expect(heading(memberPlanWeek(week2, memberPlan([]), new Set(), basePlan.weeks))).toEqual(["s1:1-2", "s2:2-3"]);
  });

  it("moves the sections around a cohort break week, which stays a break in the member's calendar", () => {
    const cohort = applyCohortBreaks(basePlan, twelveWeekCurriculum(), [3]).plan;
    const extended = buildMemberPlan({
      basePlan,
      breakWeeks: [3],
      joinedOn: START,
      adjustments: [{ kind: MemberAdjustmentKind.Extend }],
      personalBreaks: [],
    });
    const [, , week3, week4] = cohort.weeks;
    if (week3 === undefined || week4 === undefined) throw new Error("the fixture has 13 calendar weeks");
    expect(heading(memberPlanWeek(week3, extended, new Set(), cohort.weeks))).toEqual([]);
    // The member reads the cohort's week 2 (s1 in weeks 1-2, s2 in 2 and 4) in week 4: s1 in 2 and 4, s2 in 4-5.
    expect(heading(memberPlanWeek(week4, extended, new Set(), cohort.weeks))).toEqual(["s1:2-4", "s2:4-5"]);
  });

  it("a week with no reading of a section still heads it on the member's weeks (its reference items follow)", () => {
    // s2 (weeks 2-3) keeps only its reference item: no reading in any week. One week later, it heads weeks 3-4.
    const curriculum = twelveWeekCurriculum();
    const referenceOnly = buildCohortPlan(
      {
        ...curriculum,
        sections: curriculum.sections.map((s) =>
          s.key === "s2" ? { ...s, items: s.items.filter((item) => item.kind === "Reference") } : s,
        ),
      },
      settings(),
    );
    const extended = buildMemberPlan({
      basePlan: referenceOnly,
      breakWeeks: [],
      joinedOn: START,
      adjustments: [{ kind: MemberAdjustmentKind.Extend }],
      personalBreaks: [],
    });
    const [, , week3, week4] = referenceOnly.weeks;
    if (week3 === undefined || week4 === undefined) throw new Error("the fixture has 12 weeks");
    expect(heading(memberPlanWeek(week3, extended, new Set(), referenceOnly.weeks))).toEqual(["s1:2-3", "s2:3-4"]);
    expect(heading(memberPlanWeek(week4, extended, new Set(), referenceOnly.weeks))).toEqual(["s2:3-4", "s3:4-5"]);
  });

  it("a long catch-up adds no sections to the heading: those of the week's own reading only", () => {
    const [, , , , , , , , , week10] = basePlan.weeks;
    if (week10 === undefined) throw new Error("the fixture has 12 weeks");
    const backlog = basePlan.weeks.slice(0, 9).flatMap((week) => week.days.flatMap((day) => day.items.map((item) => item.id)));
    const lateJoiner = buildMemberPlan({
      basePlan,
      breakWeeks: [],
      joinedOn: week10.startDate,
      adjustments: [{ kind: MemberAdjustmentKind.CatchUp, appliedOn: week10.startDate, days: 5, itemIds: backlog }],
      personalBreaks: [],
    });
    const week = memberPlanWeek(week10, lateJoiner, new Set(), basePlan.weeks);
    const listed = new Set(week.days.flatMap((day) => day.items.map((item) => item.sectionKey)));
    expect(listed.has("s1")).toBe(true);
    expect(heading(week)).toEqual(["s9:9-10", "s10:10-11"]);
  });
});
