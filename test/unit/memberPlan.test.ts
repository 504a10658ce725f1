import { describe, expect, it } from "vitest";
import { buildCohortPlan } from "../../src/domain/schedule/buildCohortPlan.js";
import { averageStudyDayMinutes, catchUpCap, spreadCatchUp } from "../../src/domain/schedule/catchUpSpread.js";
import { applyCohortBreaks, courseEndDate } from "../../src/domain/schedule/cohortBreaks.js";
import { estimatedMinutes } from "../../src/domain/schedule/estimatedMinutes.js";
import { addDays, isoWeekday } from "../../src/domain/schedule/localTime.js";
import {
  buildMemberPlan,
  canExtend,
  BreakBookingProblem,
  checkPersonalBreak,
  DueSource,
  endPersonalBreak,
  isMemberDayOff,
  isMemberStudyDay,
  MAX_EXTEND_WEEKS,
  MAX_PLANNED_BREAKS,
  MemberAdjustmentKind,
  movedCatchUp,
  PaceChangeProblem,
  PersonalBreakProblem,
  personalBreaksToEnd,
  refuseBreakBooking,
  refusePaceChange,
  type MemberAdjustment,
  type MemberPlan,
  type MemberPlanInput,
  type MemberPlanItem,
  type PersonalBreak,
} from "../../src/domain/schedule/memberPlan.js";
import {
  catchUpBacklog,
  memberCourseHasEnded,
  memberDayStatus,
  memberPace,
  memberWeekItems,
  nextReadingDay,
  overduePage,
} from "../../src/domain/schedule/memberStatus.js";
import { memberCompletionPoints } from "../../src/domain/scoring/memberCompletionPoints.js";
import type { CohortPlan } from "../../src/domain/schedule/scheduleTypes.js";
import { curriculumBuilder, randomInt, seededRandom, settings, twelveWeekCurriculum } from "../helpers/planFixtures.js";

const curriculum = twelveWeekCurriculum();
const basePlan = buildCohortPlan(curriculum, settings());
const START = "2027-03-01";

const extend: MemberAdjustment = { kind: MemberAdjustmentKind.Extend };
const reset: MemberAdjustment = { kind: MemberAdjustmentKind.Reset };
const catchUp = (appliedOn: string, days: number, itemIds: readonly number[]): MemberAdjustment => ({
  kind: MemberAdjustmentKind.CatchUp,
  appliedOn,
  days,
  itemIds,
});

function memberPlan(overrides: Partial<MemberPlanInput> = {}): MemberPlan {
  return buildMemberPlan({ basePlan, breakWeeks: [], joinedOn: START, adjustments: [], personalBreaks: [], ...overrides });
}

const dueDates = (plan: MemberPlan): [number, string][] => plan.items.map((entry) => [entry.item.id, entry.dueDate]);
const loadOn = (plan: MemberPlan, date: string): number =>
  (plan.itemsByDueDate.get(date) ?? []).reduce((sum, entry) => sum + estimatedMinutes(entry.item), 0);
const none = new Set<number>();

/** Applies a catch-up the way `/pace mode:catch_up` will: the backlog on `today` is stored with it. */
function withCatchUp(
  input: Partial<MemberPlanInput>,
  today: string,
  days: number,
  done: ReadonlySet<number> = none,
): Partial<MemberPlanInput> {
  const before = memberPlan(input);
  return { ...input, adjustments: [...(input.adjustments ?? []), catchUp(today, days, catchUpBacklog(before, done, today))] };
}

describe("average study day and cap", () => {
  it("is every assigned item's minutes over the plan's study days, and the cap twice that", () => {
    const minutes = [...basePlan.dayByDate.values()].flatMap((day) => day.items).reduce((sum, item) => sum + estimatedMinutes(item), 0);
    expect(averageStudyDayMinutes(basePlan)).toBeCloseTo(minutes / 60);
    expect(catchUpCap(basePlan)).toBeCloseTo((2 * minutes) / 60);
    // Break weeks have no study days, so the average does not change.
    expect(averageStudyDayMinutes(applyCohortBreaks(basePlan, curriculum, [3]).plan)).toBeCloseTo(minutes / 60);
  });
});

describe("a member who changes nothing", () => {
  it("follows the cohort's plan, breaks included, and finishes with the cohort", () => {
    const cohort = applyCohortBreaks(basePlan, curriculum, [3, 7]).plan;
    const plan = memberPlan({ breakWeeks: [7, 3] });
    expect(new Map(dueDates(plan))).toEqual(new Map(cohort.assignedDateByItemId));
    expect(plan.items.every((entry) => entry.source === DueSource.Cohort && !entry.preJoin)).toBe(true);
    expect(plan.endDate).toBe(courseEndDate({ startDate: START, curriculumWeeks: 12, breakWeeks: [3, 7] }));
    expect(plan.itemsByDueDate.get("2027-03-03")?.map((entry) => entry.item.id)).toEqual(
      cohort.dayByDate.get("2027-03-03")?.items.map((item) => item.id),
    );
  });
});

describe("late joiners", () => {
  const joinedOn = "2027-03-10"; // Wednesday of week 2
  const earlyJoin = "2027-03-03"; // Wednesday of week 1
  const earlier = basePlan.weeks
    .flatMap((week) => week.days)
    .filter((day) => day.date < joinedOn)
    .flatMap((day) => day.items);

  it("starting from this week: earlier items are a backlog, never overdue", () => {
    const plan = memberPlan({ joinedOn });
    const onJoinDay = memberDayStatus(plan, none, joinedOn);
    expect(onJoinDay.overdue).toEqual([]);
    expect(onJoinDay.backlog.map((entry) => entry.item.id)).toEqual(earlier.map((item) => item.id));
    expect(onJoinDay.dueToday.map((entry) => entry.item.id)).toEqual(basePlan.dayByDate.get(joinedOn)?.items.map((item) => item.id));
    const twoDaysLater = memberDayStatus(plan, none, "2027-03-12");
    expect(twoDaysLater.overdue.map((entry) => entry.dueDate)).toEqual(
      [joinedOn, "2027-03-11"].flatMap((date) => (basePlan.dayByDate.get(date)?.items ?? []).map(() => date)),
    );
    expect(twoDaysLater.backlog).toHaveLength(earlier.length);
  });

  it("catching up: the backlog is spread over the next study days on top of their own reading, under the cap", () => {
    const plan = memberPlan(withCatchUp({ joinedOn: earlyJoin }, earlyJoin, 5));
    const status = memberDayStatus(plan, none, earlyJoin);
    expect(status.backlog).toEqual([]);
    expect(status.overdue).toEqual([]);
    const moved = plan.items.filter((entry) => entry.source === DueSource.CatchUp);
    const backlog = basePlan.weeks[0]?.days.filter((day) => day.date < earlyJoin).flatMap((day) => day.items) ?? [];
    expect(moved.map((entry) => entry.item.id)).toEqual(backlog.map((item) => item.id));
    const window = ["2027-03-03", "2027-03-04", "2027-03-05", "2027-03-08", "2027-03-09"];
    expect(moved.every((entry) => window.includes(entry.dueDate))).toBe(true);
    expect(new Set(moved.map((entry) => entry.dueDate)).size).toBeGreaterThan(1);
    for (const date of window) expect(loadOn(plan, date)).toBeLessThanOrEqual(plan.catchUpCap);
    // Their own reading stays where it was.
    for (const date of window) {
      for (const item of basePlan.dayByDate.get(date)?.items ?? []) expect(plan.itemById.get(item.id)?.dueDate).toBe(date);
    }
  });

  it("back after /leave weeks later: a catch-up's days before the return are backlog too, never overdue", () => {
    const caughtUp = withCatchUp({ joinedOn: earlyJoin }, earlyJoin, 5);
    const returnedOn = "2027-04-05"; // Monday of week 6
    const plan = memberPlan({ ...caughtUp, joinedOn: returnedOn });
    const status = memberDayStatus(plan, none, returnedOn);
    expect(status.overdue).toEqual([]);
    const moved = plan.items.filter((entry) => entry.source === DueSource.CatchUp);
    expect(moved.length).toBeGreaterThan(0);
    expect(moved.every((entry) => entry.preJoin)).toBe(true);
    expect(status.backlog.map((entry) => entry.item.id)).toEqual(expect.arrayContaining(moved.map((entry) => entry.item.id)));
  });
});

describe("catch_up", () => {
  it("stretches past the asked days when the backlog does not fit under the cap, keeping reading order", () => {
    const today = "2027-04-05"; // week 6, nothing done
    const plan = memberPlan(withCatchUp({}, today, 2));
    const moved = plan.items.filter((entry) => entry.source === DueSource.CatchUp);
    const dates = [...new Set(moved.map((entry) => entry.dueDate))].sort();
    expect(dates.length).toBeGreaterThan(2);
    const [first] = dates;
    const last = dates.at(-1);
    if (first === undefined || last === undefined) throw new Error("no catch-up dates");
    expect(first >= today).toBe(true);
    expect(last > addDays(today, 1)).toBe(true);
    for (const date of dates) expect(loadOn(plan, date)).toBeLessThanOrEqual(plan.catchUpCap);
    const oldestFirst = [...moved].sort((a, b) => a.cohortDate.localeCompare(b.cohortDate) || a.order - b.order);
    expect(oldestFirst.map((entry) => entry.dueDate)).toEqual(oldestFirst.map((entry) => entry.dueDate).sort());
    expect(memberDayStatus(plan, none, today).overdue).toEqual([]);
  });

  it("spreads evenly over the window when it fits", () => {
    const today = "2027-03-15"; // week 3, week 1 and 2 undone, 10 days
    const plan = memberPlan(withCatchUp({}, today, 10));
    const window = Array.from({ length: 14 }, (_, offset) => addDays(today, offset)).filter((date) => isoWeekday(date) <= 5);
    const loads = window.map((date) => loadOn(plan, date));
    expect(Math.max(...loads)).toBeLessThanOrEqual(plan.catchUpCap);
    expect(Math.max(...loads) - Math.min(...loads)).toBeLessThan(2 * 75);
  });

  it("skips personal break days and starts on the next study day", () => {
    const personalBreaks: PersonalBreak[] = [{ from: "2027-03-05", to: "2027-03-08" }];
    const plan = memberPlan(withCatchUp({ personalBreaks }, "2027-03-04", 3));
    const dates = [...new Set(plan.items.filter((entry) => entry.source === DueSource.CatchUp).map((entry) => entry.dueDate))];
    // 03-10 carries more own reading than the cap, so the last item goes on past the window.
    expect(dates.every((date) => date >= "2027-03-04" && !(date >= "2027-03-05" && date <= "2027-03-08"))).toBe(true);
    for (const date of dates) expect(loadOn(plan, date)).toBeLessThanOrEqual(plan.catchUpCap);
    expect(dates).toContain("2027-03-09");
  });

  it("tells a catch-up stretched by the cap from one that fits in study days spread around days off", () => {
    // 30 minutes a study day, so a cap of 60: a catch-up day takes one backlog item.
    const { section, curriculum: build } = curriculumBuilder();
    const even = build(
      6,
      Array.from({ length: 6 }, (_, week) => section(`w${week + 1}`, week + 1, week + 1, [30, 30, 30, 30, 30])),
    );
    // Week 4 a cohort break week and 03-16..19 off: the 10 study days from 03-15 run to 04-08, not 03-26.
    const input = { basePlan: buildCohortPlan(even, settings()), breakWeeks: [4], joinedOn: START, adjustments: [] };
    const personalBreaks = [{ from: "2027-03-16", to: "2027-03-19" }];
    const caughtUp = (days: number, after: readonly MemberAdjustment[] = [], bookedLater: PersonalBreak[] = []) => {
      const before = buildMemberPlan({ ...input, personalBreaks });
      const adjustments = [catchUp("2027-03-15", days, catchUpBacklog(before, none, "2027-03-15")), ...after];
      return buildMemberPlan({ ...input, personalBreaks: [...personalBreaks, ...bookedLater], adjustments });
    };
    const fitted = caughtUp(10);
    const dates = fitted.items.filter((entry) => entry.source === DueSource.CatchUp).map((entry) => entry.dueDate);
    expect(dates).toHaveLength(10);
    expect(dates.sort().at(-1)).toBe("2027-04-08");
    expect(fitted.lastCatchUp?.stretchedByCap ?? false).toBe(false);
    // Its items have estimates: the reply names the cap.
    expect(fitted.lastCatchUp?.timed).toBe(true);
    expect(caughtUp(5).lastCatchUp?.stretchedByCap ?? false).toBe(true);
    // Days off booked after it inside its window move the window's last days on with them: still fitted.
    expect(caughtUp(10, [], [{ from: "2027-04-05", to: "2027-04-06", bookedAfter: 1 }]).lastCatchUp?.stretchedByCap ?? false).toBe(false);
    expect(caughtUp(5, [reset]).lastCatchUp?.stretchedByCap ?? false).toBe(false);
  });

  it("marks a catch-up on a topics-only path as untimed: its cap comes from assumed minutes", () => {
    const { section, curriculum: build } = curriculumBuilder();
    const topics = build(2, [section("a", 1, 1, [null, null, null, null, null]), section("b", 2, 2, [null, null, null, null, null])]);
    const input = { basePlan: buildCohortPlan(topics, settings()), breakWeeks: [], joinedOn: START, adjustments: [], personalBreaks: [] };
    const before = buildMemberPlan(input);
    const plan = buildMemberPlan({ ...input, adjustments: [catchUp("2027-03-08", 2, catchUpBacklog(before, none, "2027-03-08"))] });
    expect(plan.lastCatchUp?.timed).toBe(false);
  });

  it("gives an item heavier than the cap a day of its own", () => {
    const { section, curriculum: build } = curriculumBuilder();
    const heavy = build(2, [section("a", 1, 1, [30, 600, 30, 30, 30]), section("b", 2, 2, [30, 30, 30, 30, 30])]);
    const plan0 = buildCohortPlan(heavy, settings());
    const input = { basePlan: plan0, breakWeeks: [], joinedOn: START, adjustments: [], personalBreaks: [] };
    const before = buildMemberPlan(input);
    const plan = buildMemberPlan({ ...input, adjustments: [catchUp("2027-03-08", 2, catchUpBacklog(before, none, "2027-03-08"))] });
    expect(plan.catchUpCap).toBeLessThan(600);
    const heavyItem = plan.items.find((entry) => entry.item.minutes === 600);
    const sameDay = plan.items.filter((entry) => entry.source === DueSource.CatchUp && entry.dueDate === heavyItem?.dueDate);
    expect(sameDay).toHaveLength(1);
    expect(plan.items.filter((entry) => entry.source === DueSource.CatchUp)).toHaveLength(5);
  });

  it("spreadCatchUp evens the days' totals, own reading included", () => {
    const days = ["d0", "d1", "d2"];
    const own: Record<string, number> = { d0: 50, d1: 0, d2: 0 };
    const spread = (ownLoad: (date: string) => number) =>
      spreadCatchUp({ weights: [10, 10, 10, 10, 10, 10], windowDays: 3, cap: 100, dayAt: (index) => days[index] ?? "x", ownLoad }).dates;
    expect(spread(() => 0)).toEqual(["d0", "d0", "d1", "d1", "d2", "d2"]);
    expect(spread((date) => own[date] ?? 0)).toEqual(["d1", "d1", "d1", "d2", "d2", "d2"]);
  });

  it("spreadCatchUp fills the last window day up to the cap, then continues", () => {
    const days = ["d0", "d1", "d2", "d3"];
    const spread = (weights: number[]) =>
      spreadCatchUp({ weights, windowDays: 2, cap: 100, dayAt: (index) => days[index] ?? "x", ownLoad: () => 20 });
    expect(spread([40, 40, 40, 40, 40])).toEqual({ dates: ["d0", "d0", "d1", "d1", "d2"] });
    expect(spread([40, 40, 40, 40])).toEqual({ dates: ["d0", "d0", "d1", "d1"] });
    // Items heavier than the cap have a day each.
    expect(spread([150, 150, 150])).toEqual({ dates: ["d0", "d1", "d2"] });
  });
});

describe("movedCatchUp", () => {
  const outline = (until: string, stretchedByCap = false) => ({
    until,
    windowDays: 2,
    pastWindow: stretchedByCap,
    stretchedByCap,
    timed: true,
    oversizedDates: [],
  });
  it("tells of a catch-up only when its last day moved to a day still to come", () => {
    expect(movedCatchUp(outline("2027-03-10"), outline("2027-03-11"), "2027-03-08")?.until).toBe("2027-03-11");
    // Same last day, other details changed: nothing the member would read as "now runs until".
    expect(movedCatchUp(outline("2027-03-10"), outline("2027-03-10", true), "2027-03-08")).toBeNull();
    // A catch-up whose last day is already past is not told of again.
    expect(movedCatchUp(outline("2027-03-01"), outline("2027-03-02"), "2027-03-08")).toBeNull();
    expect(movedCatchUp(outline("2027-03-10"), null, "2027-03-08")).toBeNull();
  });
});

describe("extend and reset", () => {
  it("refuses an extension past the limit on the adjustments stored, as the plan counts them (a reset clears them)", () => {
    const three = [extend, extend, extend];
    expect(refusePaceChange(three, extend, [])).toBeNull();
    expect(refusePaceChange([...three, extend], extend, [])).toBe(PaceChangeProblem.ExtendLimit);
    expect(refusePaceChange([...three, extend, reset, extend], extend, [])).toBeNull();
    expect(canExtend(memberPlan({ adjustments: [...three, extend] }))).toBe(false);
  });

  it("refuses a catch-up built on other adjustments than those stored: its backlog may be planned already", () => {
    const catchUp: MemberAdjustment = { kind: MemberAdjustmentKind.CatchUp, appliedOn: "2027-03-10", days: 5, itemIds: [1, 2] };
    expect(refusePaceChange([extend], catchUp, [extend])).toBeNull();
    expect(refusePaceChange([extend, catchUp], catchUp, [extend])).toBe(PaceChangeProblem.PlanChanged);
    expect(refusePaceChange([extend, extend], catchUp, [extend])).toBe(PaceChangeProblem.PlanChanged);
  });

  it("moves the member's calendar a week per use, at most 4, skipping cohort breaks", () => {
    const once = memberPlan({ adjustments: [extend] });
    for (const entry of once.items) expect(entry.dueDate).toBe(addDays(entry.cohortDate, 7));
    const many = memberPlan({ adjustments: [extend, extend, extend, extend, extend, extend] });
    expect(many.extraWeeks).toBe(MAX_EXTEND_WEEKS);
    expect(canExtend(many)).toBe(false);
    expect(canExtend(once)).toBe(true);
    for (const entry of many.items) expect(entry.dueDate).toBe(addDays(entry.cohortDate, 28));
    expect(many.endDate).toBe(addDays(courseEndDate({ startDate: START, curriculumWeeks: 12, breakWeeks: [] }), 28));

    const withBreak = memberPlan({ breakWeeks: [3], adjustments: [extend] });
    const week2Item = withBreak.items.find((entry) => entry.cohortDate === "2027-03-08");
    expect(week2Item?.dueDate).toBe("2027-03-22");
    expect(withBreak.items.every((entry) => !isMemberDayOff(withBreak, entry.dueDate))).toBe(true);
  });

  it("turns a late joiner's backlog into due reading when the calendar moves past the join day", () => {
    const plan = memberPlan({ joinedOn: "2027-03-10", adjustments: [extend] });
    expect(
      plan.items
        .filter((entry) => entry.preJoin)
        .map((entry) => entry.dueDate)
        .every((date) => date < "2027-03-10"),
    ).toBe(true);
    expect(plan.items.some((entry) => entry.cohortDate < "2027-03-08" && !entry.preJoin)).toBe(true);
  });

  it("keeps a late joiner's catch-up days under the cap when an extension moves heavier reading onto them", () => {
    // Week 1 is the backlog; week 2 reads 40 min a day, weeks 3-4 10 min: the catch-up fills week 3's light days.
    const { section, curriculum: build } = curriculumBuilder();
    const plan0 = buildCohortPlan(
      build(4, [
        section(
          "w1",
          1,
          1,
          Array.from({ length: 15 }, () => 15),
        ),
        section("w2", 2, 2, [40, 40, 40, 40, 40]),
        section(
          "w3",
          3,
          4,
          Array.from({ length: 10 }, () => 10),
        ),
      ]),
      settings(),
    );
    const joinedOn = "2027-03-08";
    const input: MemberPlanInput = { basePlan: plan0, breakWeeks: [], joinedOn, adjustments: [], personalBreaks: [] };
    const joined = { ...input, adjustments: [catchUp(joinedOn, 10, catchUpBacklog(buildMemberPlan(input), none, joinedOn))] };
    const caughtUp = buildMemberPlan(joined);
    const week3 = ["2027-03-15", "2027-03-16", "2027-03-17", "2027-03-18", "2027-03-19"];
    const caughtUpOn = (plan: MemberPlan, date: string) =>
      (plan.itemsByDueDate.get(date) ?? []).filter((entry) => entry.source === DueSource.CatchUp);
    expect(week3.some((date) => caughtUpOn(caughtUp, date).length > 0)).toBe(true);

    const extended = buildMemberPlan({ ...joined, adjustments: [...joined.adjustments, extend] });
    expect(extended.extraWeeks).toBe(1);
    const catchUpDays = [...extended.itemsByDueDate.keys()].filter((date) => caughtUpOn(extended, date).length > 0);
    for (const date of catchUpDays) expect(loadOn(extended, date)).toBeLessThanOrEqual(extended.catchUpCap);
    // Nothing caught up moves earlier, and reading order holds.
    for (const entry of extended.items.filter((candidate) => candidate.source === DueSource.CatchUp))
      expect(entry.dueDate >= (caughtUp.itemById.get(entry.item.id)?.dueDate ?? "")).toBe(true);
    const moved = extended.items.filter((entry) => entry.source === DueSource.CatchUp);
    expect(moved.map((entry) => entry.dueDate)).toEqual(moved.map((entry) => entry.dueDate).sort());
    // The rest of the calendar moved a week.
    for (const entry of extended.items.filter((candidate) => candidate.source !== DueSource.CatchUp))
      expect(entry.dueDate).toBe(addDays(entry.cohortDate, 7));
  });

  it("reset gives back the cohort's plan", () => {
    const cohort = memberPlan({ breakWeeks: [4] });
    const adjustedInput = withCatchUp({ breakWeeks: [4], adjustments: [extend, extend] }, "2027-04-01", 6);
    expect(dueDates(memberPlan(adjustedInput))).not.toEqual(dueDates(cohort));
    const back = memberPlan({ ...adjustedInput, adjustments: [...(adjustedInput.adjustments ?? []), reset] });
    expect(dueDates(back)).toEqual(dueDates(cohort));
    expect(back.extraWeeks).toBe(0);
  });
});

describe("pace", () => {
  it("counts Required items and minutes against the cohort's plan, today excluded", () => {
    const today = "2027-03-03";
    const cohortItems = basePlan.weeks[0]?.days.flatMap((day) => day.items) ?? [];
    const before = cohortItems.filter((item) => item.assignedDate < today);
    const after = basePlan.weeks[1]?.days[0]?.items ?? [];
    const done = new Set([before[0]?.id ?? 0, ...after.map((item) => item.id)]);
    const pace = memberPace(memberPlan({ adjustments: [extend] }), done, today);
    expect(pace.behind.items).toBe(before.length - 1);
    expect(pace.behind.minutes).toBe(before.slice(1).reduce((sum, item) => sum + (item.minutes ?? 0), 0));
    expect(pace.ahead.items).toBe(after.length);
  });
});

describe("personal breaks", () => {
  it("accepts up to 28 days after the start and refuses the rest", () => {
    expect(checkPersonalBreak("2027-03-01", "2027-03-29")).toBeNull();
    expect(checkPersonalBreak("2027-03-01", "2027-03-30")).toBe(PersonalBreakProblem.TooLong);
    expect(checkPersonalBreak("2027-03-05", "2027-03-04")).toBe(PersonalBreakProblem.EndsBeforeStart);
    expect(checkPersonalBreak("2027-02-30", "2027-03-04")).toBe(PersonalBreakProblem.NotADate);
  });

  it("off:True ends a break yesterday, or drops it when it has not begun", () => {
    const entry = { from: "2027-03-10", to: "2027-03-20" };
    expect(endPersonalBreak(entry, "2027-03-15")).toEqual({ from: "2027-03-10", to: "2027-03-14" });
    expect(endPersonalBreak(entry, "2027-03-10")).toBeNull();
    expect(endPersonalBreak(entry, "2027-03-01")).toBeNull();
    expect(endPersonalBreak(entry, "2027-03-25")).toEqual(entry);
  });

  it("are refused beside planned days off they overlap, naming them, or beyond the limit of planned breaks", () => {
    const planned = [
      { from: "2027-03-01", to: "2027-03-03" },
      { from: "2027-03-10", to: "2027-03-12" },
    ];
    expect(refuseBreakBooking(planned, { from: "2027-03-13", to: "2027-03-20" }, "2027-03-05")).toBeNull();
    expect(refuseBreakBooking(planned, { from: "2027-03-08", to: "2027-03-10" }, "2027-03-05")).toEqual({
      problem: BreakBookingProblem.Overlaps,
      overlapping: { from: "2027-03-10", to: "2027-03-12" },
    });
    // Days off already over overlap nothing and count for nothing.
    expect(refuseBreakBooking(planned, { from: "2027-03-05", to: "2027-03-06" }, "2027-03-04")).toBeNull();
    expect(refuseBreakBooking(planned, { from: "2027-03-03", to: "2027-03-06" }, "2027-03-04")).toBeNull();
    const ten = Array.from({ length: MAX_PLANNED_BREAKS }, (_, index) => ({
      from: addDays("2027-04-01", index),
      to: addDays("2027-04-01", index),
    }));
    expect(refuseBreakBooking(ten, { from: "2027-05-01", to: "2027-05-01" }, "2027-03-05")).toEqual({
      problem: BreakBookingProblem.TooMany,
    });
    expect(refuseBreakBooking(ten.slice(1), { from: "2027-05-01", to: "2027-05-01" }, "2027-03-05")).toBeNull();
    expect(refuseBreakBooking(ten, { from: "2027-05-01", to: "2027-05-01" }, "2027-04-02")).toBeNull();
  });

  it("off:True ends every break not yet over that the dates touch, and only those", () => {
    const breaks = [
      { id: 1, from: "2027-03-01", to: "2027-03-03" },
      { id: 2, from: "2027-03-10", to: "2027-03-20" },
      { id: 3, from: "2027-03-22", to: "2027-03-23" },
      { id: 4, from: "2027-04-01", to: "2027-04-02" },
    ];
    expect(personalBreaksToEnd(breaks, { from: "2027-03-01", to: "2027-03-25" }, "2027-03-15")).toEqual([
      { entry: breaks[1], rest: { from: "2027-03-10", to: "2027-03-14" } },
      { entry: breaks[2], rest: null },
    ]);
    expect(personalBreaksToEnd(breaks, { from: "2027-03-24", to: "2027-03-31" }, "2027-03-15")).toEqual([]);
  });

  it("are days off, like cohort break weeks", () => {
    const plan = memberPlan({ breakWeeks: [3], personalBreaks: [{ from: "2027-03-01", to: "2027-03-02" }] });
    expect(isMemberStudyDay(plan, "2027-03-02")).toBe(false);
    expect(isMemberStudyDay(plan, "2027-03-03")).toBe(true);
    expect(isMemberStudyDay(plan, "2027-03-16")).toBe(false);
    expect(isMemberStudyDay(plan, "2027-03-06")).toBe(false);
  });
});

describe("days off planned after a catch-up", () => {
  /** Items whose due day before `firstDayOff` is not what it was in `before`. */
  const movedBefore = (before: MemberPlan, after: MemberPlan, firstDayOff: string): string[] =>
    before.items.flatMap((entry) => {
      const now = after.itemById.get(entry.item.id)?.dueDate;
      const was = entry.dueDate < firstDayOff || (now !== undefined && now < firstDayOff);
      return was && now !== entry.dueDate ? [`item ${entry.item.id} ${entry.dueDate} -> ${now}`] : [];
    });

  it("keeps the catch-up's days before a /break where they were: today's item stays due today", () => {
    // Caught up on Monday 8 March over 5 days; on Tuesday the member plans Wednesday to Friday off.
    const caughtUp = withCatchUp({}, "2027-03-08", 5);
    const before = memberPlan(caughtUp);
    const after = memberPlan({ ...caughtUp, personalBreaks: [{ from: "2027-03-10", to: "2027-03-12", bookedAfter: 1 }] });
    const dueTuesday = before.itemsByDueDate.get("2027-03-09") ?? [];
    expect(dueTuesday.filter((entry) => entry.source === DueSource.CatchUp).length).toBeGreaterThan(0);
    expect(after.itemsByDueDate.get("2027-03-09")?.map((entry) => entry.item.id)).toEqual(dueTuesday.map((entry) => entry.item.id));
    const overdueIds = (plan: MemberPlan) => memberDayStatus(plan, none, "2027-03-09").overdue.map((entry) => entry.item.id);
    expect(overdueIds(after)).toEqual(overdueIds(before));
    expect(movedBefore(before, after, "2027-03-10")).toEqual([]);
    // The catch-up items from Wednesday on moved past the break, none onto its days.
    const moved = after.items.filter((entry) => entry.source === DueSource.CatchUp && entry.dueDate >= "2027-03-10");
    expect(moved.length).toBeGreaterThan(0);
    expect(moved.every((entry) => entry.dueDate > "2027-03-12")).toBe(true);
  });

  it("moves no catch-up day before the first day off, whenever the break is planned", () => {
    const moved: string[] = [];
    for (let offset = 7; offset < 60; offset += 3)
      for (const days of [3, 10, 20])
        for (const wait of [0, 1, 6])
          for (const length of [0, 2, 6]) {
            const appliedOn = addDays(START, offset);
            const caughtUp = withCatchUp({}, appliedOn, days);
            const before = memberPlan(caughtUp);
            const from = addDays(appliedOn, wait + 1);
            const after = memberPlan({ ...caughtUp, personalBreaks: [{ from, to: addDays(from, length), bookedAfter: 1 }] });
            moved.push(...movedBefore(before, after, from).map((line) => `${appliedOn} days ${days} break ${from}+${length}: ${line}`));
          }
    expect(moved).toEqual([]);
  });

  it("moves no catch-up day before today when a break is ended with off:True", () => {
    const caughtUp = withCatchUp({}, "2027-03-15", 10);
    const planned = { from: "2027-03-17", to: "2027-03-26", bookedAfter: 1 };
    const before = memberPlan({ ...caughtUp, personalBreaks: [planned] });
    for (const today of ["2027-03-16", "2027-03-17", "2027-03-19", "2027-03-22"]) {
      const ended = endPersonalBreak(planned, today);
      const after = memberPlan({ ...caughtUp, personalBreaks: ended === null ? [] : [ended] });
      expect(movedBefore(before, after, today)).toEqual([]);
    }
  });

  it("moves no catch-up day before a cohort break week set after it", () => {
    const moved: string[] = [];
    for (let offset = 7; offset < 45; offset += 1)
      for (const days of [3, 5, 10, 20])
        for (const week of [3, 4, 5, 6, 7, 8]) {
          const appliedOn = addDays(START, offset);
          const firstDay = addDays(START, 7 * (week - 1));
          if (firstDay <= appliedOn) continue;
          const caughtUp = withCatchUp({}, appliedOn, days);
          const after = memberPlan({ ...caughtUp, breakWeeks: [week] });
          moved.push(...movedBefore(memberPlan(caughtUp), after, firstDay).map((line) => `${appliedOn} ${days} week ${week}: ${line}`));
        }
    expect(moved).toEqual([]);
  });

  it("spreads a catch-up around days off booked before it, as before: nothing moves for those members", () => {
    // Booked a /break for 10–16 March first, then caught up on Monday 8 March over 5 days.
    const personalBreaks = [{ from: "2027-03-10", to: "2027-03-16", bookedAfter: 0 }];
    const caughtUp = withCatchUp({ personalBreaks }, "2027-03-08", 5);
    const catchUpDates = (plan: MemberPlan) => plan.items.filter((entry) => entry.item.id <= 4).map((entry) => entry.dueDate);
    // The dates the catch-up always gave here: the two study days before the break, then from the 17th on.
    expect(catchUpDates(memberPlan(caughtUp))).toEqual(["2027-03-08", "2027-03-18", "2027-03-19", "2027-03-19"]);
    // Rows stored before bookings were counted read as booked before every catch-up: the same plan.
    const unknown = memberPlan({ ...caughtUp, personalBreaks: [{ from: "2027-03-10", to: "2027-03-16" }] });
    expect(dueDates(unknown)).toEqual(dueDates(memberPlan(caughtUp)));
  });

  it("keeps days off booked before a catch-up in force for it, and re-spreads from the first day off only for a later booking", () => {
    const moved: string[] = [];
    for (let offset = 7; offset < 60; offset += 3)
      for (const days of [3, 10, 20])
        for (const wait of [0, 1, 6])
          for (const length of [0, 2, 6]) {
            const appliedOn = addDays(START, offset);
            const from = addDays(appliedOn, wait + 1);
            const entry = { from, to: addDays(from, length) };
            const first = memberPlan(withCatchUp({ personalBreaks: [{ ...entry, bookedAfter: 0 }] }, appliedOn, days));
            const alwaysInForce = memberPlan(withCatchUp({ personalBreaks: [entry] }, appliedOn, days));
            const label = `${appliedOn} days ${days} break ${from}+${length}`;
            if (JSON.stringify(dueDates(first)) !== JSON.stringify(dueDates(alwaysInForce))) moved.push(`${label}: booked first`);
            const later = memberPlan({ ...withCatchUp({}, appliedOn, days), personalBreaks: [{ ...entry, bookedAfter: 1 }] });
            const onDayOff = (item: MemberPlanItem) =>
              item.source === DueSource.CatchUp && item.dueDate >= from && item.dueDate <= entry.to;
            if (later.items.some(onDayOff)) moved.push(`${label}: catch-up item due on a day off`);
          }
    expect(moved).toEqual([]);
  });
});

// ---------------------------------------------------------------- properties

interface Scenario {
  readonly input: MemberPlanInput;
  /** Input prefixes ending with each catch-up, to check its cap where it was applied. */
  readonly catchUpPrefixes: readonly MemberPlanInput[];
}

function randomScenario(random: () => number, plan: CohortPlan): Scenario {
  const dates = [...plan.dayByDate.keys()].sort();
  const pick = (): string => dates[randomInt(random, 0, dates.length - 1)] ?? START;
  const breakWeeks = Array.from({ length: randomInt(random, 0, 2) }, () => randomInt(random, 2, 12));
  const personalBreaks = Array.from({ length: randomInt(random, 0, 2) }, () => {
    const from = pick();
    return { from, to: addDays(from, randomInt(random, 0, 28)) };
  });
  let input: MemberPlanInput = {
    basePlan: plan,
    breakWeeks,
    joinedOn: randomInt(random, 0, 1) === 0 ? START : pick(),
    adjustments: [],
    personalBreaks,
  };
  const catchUpPrefixes: MemberPlanInput[] = [];
  let today = input.joinedOn;
  for (let step = randomInt(random, 0, 6); step > 0; step -= 1) {
    today = addDays(today, randomInt(random, 0, 12));
    const choice = randomInt(random, 0, 5);
    let adjustment: MemberAdjustment;
    if (choice <= 2) {
      const current = buildMemberPlan(input);
      const done = new Set(current.items.filter(() => random() < 0.3).map((entry) => entry.item.id));
      adjustment = catchUp(today, randomInt(random, 2, 20), catchUpBacklog(current, done, today));
    } else adjustment = choice <= 4 ? extend : reset;
    input = { ...input, adjustments: [...input.adjustments, adjustment] };
    if (adjustment.kind === MemberAdjustmentKind.CatchUp) catchUpPrefixes.push(input);
  }
  return { input, catchUpPrefixes };
}

/** The days a catch-up put items on: each within the cap, or holding one item heavier than the cap alone. */
function expectCatchUpWithinCap(input: MemberPlanInput): void {
  const last = input.adjustments.at(-1);
  if (last?.kind !== MemberAdjustmentKind.CatchUp) throw new Error("not a catch-up prefix");
  const plan = buildMemberPlan(input);
  const moved = new Set(last.itemIds);
  const days = new Set(plan.items.filter((entry) => moved.has(entry.item.id)).map((entry) => entry.dueDate));
  for (const date of days) {
    const catchUpItems = (plan.itemsByDueDate.get(date) ?? []).filter((entry) => moved.has(entry.item.id));
    const oversizedAlone = catchUpItems.length === 1 && estimatedMinutes(catchUpItems[0]?.item ?? { minutes: 0 }) > plan.catchUpCap;
    if (!oversizedAlone) expect(loadOn(plan, date)).toBeLessThanOrEqual(plan.catchUpCap + 1e-9);
    expect(isMemberStudyDay(plan, date)).toBe(true);
    expect(date >= last.appliedOn).toBe(true);
  }
}

describe("member plan properties (seeded)", () => {
  const { section, curriculum: build } = curriculumBuilder();
  const withOptional = buildCohortPlan(curriculum, settings({ includeOptional: true, studyDays: [1, 3, 5, 6] }));
  const unestimated = buildCohortPlan(
    build(6, [
      section(
        "p1",
        1,
        3,
        Array.from({ length: 7 }, () => null),
      ),
      section("p2", 3, 6, [null, 200, null, 5, 0, null, 90]),
    ]),
    settings({ startDate: "2027-10-27", timeZone: "Europe/Berlin" }),
  );
  const plans = [basePlan, withOptional, unestimated];

  it("assigns every assigned item exactly once, whatever adjustments are combined", () => {
    const random = seededRandom(2027);
    for (let run = 0; run < 150; run += 1) {
      const plan = plans[run % plans.length] ?? basePlan;
      const { input } = randomScenario(random, plan);
      const member = buildMemberPlan(input);
      const ids = member.items.map((entry) => entry.item.id).sort((a, b) => a - b);
      expect(ids).toEqual([...plan.assignedDateByItemId.keys()].sort((a, b) => a - b));
      const listed = [...member.itemsByDueDate.values()]
        .flat()
        .map((entry) => entry.item.id)
        .sort((a, b) => a - b);
      expect(listed).toEqual(ids);
      for (const entry of member.items) expect(member.itemsByDueDate.get(entry.dueDate)).toContain(entry);
      expect(member.extraWeeks).toBeGreaterThanOrEqual(0);
      expect(member.extraWeeks).toBeLessThanOrEqual(MAX_EXTEND_WEEKS);
      expect(member.items.every((entry) => entry.dueDate < member.endDate)).toBe(true);
    }
  });

  it("never puts a catch-up day over its cap", () => {
    const random = seededRandom(99);
    let checked = 0;
    for (let run = 0; run < 150; run += 1) {
      const { catchUpPrefixes } = randomScenario(random, plans[run % plans.length] ?? basePlan);
      for (const prefix of catchUpPrefixes) {
        expectCatchUpWithinCap(prefix);
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(100);
  });

  it("keeps every catch-up day under its cap after the adjustments that follow it too (extensions)", () => {
    const random = seededRandom(31);
    let checked = 0;
    for (let run = 0; run < 150; run += 1) {
      const { input } = randomScenario(random, plans[run % plans.length] ?? basePlan);
      const plan = buildMemberPlan(input);
      for (const [date, entries] of plan.itemsByDueDate) {
        const caughtUp = entries.filter((entry) => entry.source === DueSource.CatchUp);
        if (caughtUp.length === 0) continue;
        checked += 1;
        expect(isMemberStudyDay(plan, date)).toBe(true);
        // An item heavier than the cap on its own has a day without other catch-up reading (see spreadCatchUp).
        if (caughtUp.some((entry) => estimatedMinutes(entry.item) > plan.catchUpCap)) continue;
        expect(loadOn(plan, date)).toBeLessThanOrEqual(plan.catchUpCap + 1e-9);
      }
    }
    expect(checked).toBeGreaterThan(100);
  });

  it("lists today's, overdue, backlog and week items and the next reading day as plain filters and sorts over every item do", () => {
    const random = seededRandom(414);
    const oldestFirst = (a: MemberPlanItem, b: MemberPlanItem) => a.dueDate.localeCompare(b.dueDate) || a.order - b.order;
    for (let run = 0; run < 150; run += 1) {
      const plan = plans[run % plans.length] ?? basePlan;
      const member = buildMemberPlan(randomScenario(random, plan).input);
      const done = new Set(member.items.filter(() => random() < random()).map((entry) => entry.item.id));
      const today = addDays(plan.startDate, randomInt(random, -3, plan.totalWeeks * 7 + 40));
      const withDone = (entry: MemberPlanItem) => ({ ...entry, done: done.has(entry.item.id) });
      const late = member.items.filter((entry) => entry.dueDate < today && !done.has(entry.item.id)).sort(oldestFirst);
      expect(memberDayStatus(member, done, today)).toEqual({
        today,
        dueToday: (member.itemsByDueDate.get(today) ?? []).map(withDone),
        overdue: late.filter((entry) => !entry.preJoin),
        backlog: late.filter((entry) => entry.preJoin),
      });
      const week = randomInt(random, -1, plan.totalWeeks + 6);
      const from = addDays(plan.startDate, 7 * (week - 1));
      const until = addDays(from, 7);
      expect(memberWeekItems(member, week)).toEqual(
        member.items.filter((entry) => entry.dueDate >= from && entry.dueDate < until).sort(oldestFirst),
      );
      const later = [...member.itemsByDueDate.keys()].filter((date) => date > today).sort();
      expect(nextReadingDay(member, today)).toBe(later.find((date) => isMemberStudyDay(member, date)) ?? later[0] ?? null);
    }
  });

  it("reset gives back the cohort's plan after any adjustments", () => {
    const random = seededRandom(7);
    for (let run = 0; run < 60; run += 1) {
      const plan = plans[run % plans.length] ?? basePlan;
      const { input } = randomScenario(random, plan);
      const afterReset = buildMemberPlan({ ...input, adjustments: [...input.adjustments, reset] });
      const cohort = buildMemberPlan({ ...input, adjustments: [] });
      expect(dueDates(afterReset)).toEqual(dueDates(cohort));
      expect(new Map(dueDates(afterReset))).toEqual(
        new Map(applyCohortBreaks(plan, { totalWeeks: plan.totalWeeks, sections: [] }, input.breakWeeks).plan.assignedDateByItemId),
      );
    }
  });
});

describe("member course end, overdue page and points", () => {
  it("lists the 5 oldest overdue items and tallies the rest", () => {
    const status = memberDayStatus(memberPlan(), none, "2027-03-15");
    const page = overduePage(status.overdue);
    expect(page.listed).toEqual(status.overdue.slice(0, 5));
    expect(page.more.items).toBe(status.overdue.length - 5);
    expect(page.more.minutes).toBe(status.overdue.slice(5).reduce((sum, entry) => sum + (entry.item.minutes ?? 0), 0));
    expect(overduePage(status.overdue.slice(0, 3)).more.items).toBe(0);
  });

  it("ends the member's course with their own last week", () => {
    const plan = memberPlan({ breakWeeks: [3], adjustments: [extend] });
    expect(plan.endDate).toBe("2027-06-07");
    expect(memberCourseHasEnded(plan, "2027-06-06")).toBe(false);
    expect(memberCourseHasEnded(plan, "2027-06-07")).toBe(true);
  });

  it("gives the on-time bonus until 04:00 after the member's due day, never for when:yesterday", () => {
    const item = { kind: "Required", minutes: 25 } as const;
    const zone = "Europe/Berlin";
    expect(memberCompletionPoints(item, new Date("2027-03-10T02:59:00Z"), "2027-03-09", zone, false)).toEqual({ points: 30, onTime: true });
    expect(memberCompletionPoints(item, new Date("2027-03-10T03:00:00Z"), "2027-03-09", zone, false)).toEqual({
      points: 25,
      onTime: false,
    });
    expect(memberCompletionPoints(item, new Date("2027-03-09T12:00:00Z"), "2027-03-09", zone, true)).toEqual({ points: 25, onTime: false });
    expect(memberCompletionPoints(item, new Date("2027-03-09T12:00:00Z"), null, zone, false)).toEqual({ points: 25, onTime: false });
    expect(
      memberCompletionPoints({ kind: "Reference", minutes: 25 }, new Date("2027-03-09T12:00:00Z"), "2027-03-09", zone, false).points,
    ).toBe(0);
  });
});

describe("member week and next reading day", () => {
  it("lists what the member's own plan has due in a calendar week", () => {
    const cohort = applyCohortBreaks(basePlan, curriculum, [3]).plan;
    const extended = memberPlan({ breakWeeks: [3], adjustments: [extend] });
    // Week 2 of the cohort is read in calendar week 4 by a member who extended once (week 3 is a break).
    expect(memberWeekItems(extended, 4).map((entry) => entry.item.id)).toEqual(
      cohort.weeks[1]?.days.flatMap((day) => day.items.map((item) => item.id)),
    );
    expect(memberWeekItems(extended, 3)).toEqual([]);
    expect(memberWeekItems(memberPlan({ breakWeeks: [3] }), 3)).toEqual([]);
  });

  it("finds the next study day with reading, skipping days off", () => {
    const withReading = [...basePlan.dayByDate.values()].filter((day) => day.items.length > 0).map((day) => day.date);
    const firstAfter = (date: string) => withReading.find((candidate) => candidate > date);
    expect(nextReadingDay(memberPlan(), "2027-03-04")).toBe(firstAfter("2027-03-04"));
    const plan = memberPlan({ personalBreaks: [{ from: "2027-03-05", to: "2027-03-09" }] });
    expect(nextReadingDay(plan, "2027-03-04")).toBe(firstAfter("2027-03-09"));
    expect(nextReadingDay(memberPlan(), "2027-06-01")).toBeNull();
  });
});
