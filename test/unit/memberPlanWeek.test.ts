import { describe, expect, it } from "vitest";
import { buildCohortPlan } from "../../src/domain/schedule/buildCohortPlan.js";
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
    const week = memberPlanWeek(week2, memberPlan([]), new Set(), new Map());
    expect(week.days.map((day) => day.date)).toEqual(week2.days.map((day) => day.date));
    expect(ids(week)).toEqual(week2.days.flatMap((day) => day.items.map((item) => item.id)));
    expect(week.totalMinutes).toBe(week2.totalMinutes);
  });

  it("after an extension, shows the cohort's previous week on this week's days, and week 1 empty", () => {
    const extended = memberPlan([{ kind: MemberAdjustmentKind.Extend }]);
    const week = memberPlanWeek(week2, extended, new Set(), new Map());
    expect(ids(week)).toEqual(week1.days.flatMap((day) => day.items.map((item) => item.id)));
    expect(week.days.map((day) => day.date)).toEqual(week2.days.map((day) => day.date));
    expect(week.days.every((day) => day.items.every((item) => item.assignedDate === day.date))).toBe(true);
    expect(ids(memberPlanWeek(week1, extended, new Set(), new Map()))).toEqual([]);
  });

  it("heads an extended member's week with the sections of the reading it lists", () => {
    const extended = memberPlan([{ kind: MemberAdjustmentKind.Extend }]);
    const sectionsByKey = new Map(basePlan.weeks.flatMap((week) => week.sections.map((section) => [section.key, section] as const)));
    const keys = (week: ReturnType<typeof memberPlanWeek>) => week.sections.map((section) => section.key);
    const readIn = (week: ReturnType<typeof memberPlanWeek>) => [
      ...new Set(week.days.flatMap((day) => day.items.map((item) => item.sectionKey))),
    ];
    const week2Read = memberPlanWeek(week2, extended, new Set(), sectionsByKey);
    expect(keys(week2Read)).toEqual(readIn(week2Read));
    expect(keys(week2Read)).toEqual(readIn(memberPlanWeek(week1, memberPlan([]), new Set(), sectionsByKey)));
    expect(keys(memberPlanWeek(week1, extended, new Set(), sectionsByKey))).toEqual([]);
  });
});
