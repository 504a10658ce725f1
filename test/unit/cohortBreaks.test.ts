import { describe, expect, it } from "vitest";
import { buildCohortPlan } from "../../src/domain/schedule/buildCohortPlan.js";
import {
  firstReadingWeek,
  isPastFirstReadingDays,
  applyCohortBreaks,
  BreakProblem,
  calendarWeekAt,
  calendarWeekCount,
  calendarWeekOf,
  checkBreakChange,
  courseEndDate,
  courseHasEnded,
  curriculumWeekOf,
  effectiveBreakWeeks,
  isBreakDate,
  isBreakWeek,
  ownCourseEndDate,
  type BreakCalendar,
} from "../../src/domain/schedule/cohortBreaks.js";
import { currentWeekNumber } from "../../src/domain/schedule/currentWeekNumber.js";
import { addDays, isoWeekday, zonedInstant } from "../../src/domain/schedule/localTime.js";
import { plannedPosts } from "../../src/domain/schedule/plannedPosts.js";
import { randomInt, seededRandom, settings, twelveWeekCurriculum } from "../helpers/planFixtures.js";

const calendar = (breakWeeks: readonly number[], overrides: Partial<BreakCalendar> = {}): BreakCalendar => ({
  startDate: "2027-03-01",
  timeZone: "UTC",
  curriculumWeeks: 12,
  breakWeeks,
  ...overrides,
});

describe("break week arithmetic", () => {
  it("keeps each break once, in order, and drops breaks with no reading after them", () => {
    expect(effectiveBreakWeeks(12, [8, 3, 3, 0, 2.5])).toEqual([3, 8]);
    // 12 reading weeks + 1 break end in week 13; a break in week 14 would hold nothing after it.
    expect(effectiveBreakWeeks(12, [5, 13])).toEqual([5, 13]);
    expect(effectiveBreakWeeks(12, [5, 14])).toEqual([5]);
    expect(calendarWeekCount({ curriculumWeeks: 12, breakWeeks: [5, 14] })).toBe(13);
  });

  it("maps curriculum weeks to calendar weeks around one break, consecutive breaks and several", () => {
    expect([1, 2, 3, 4].map((week) => calendarWeekOf(week, [3]))).toEqual([1, 2, 4, 5]);
    expect([1, 2, 3, 4].map((week) => calendarWeekOf(week, [2, 3]))).toEqual([1, 4, 5, 6]);
    expect([1, 2, 3, 4, 5, 6].map((week) => calendarWeekOf(week, [2, 5]))).toEqual([1, 3, 4, 6, 7, 8]);
    expect([1, 2, 3, 4, 5].map((week) => curriculumWeekOf(week, [2, 3]))).toEqual([1, null, null, 2, 3]);
  });

  it("round-trips every week for random break sets", () => {
    const random = seededRandom(12);
    for (let run = 0; run < 200; run += 1) {
      const breaks = effectiveBreakWeeks(
        12,
        Array.from({ length: randomInt(random, 0, 4) }, () => randomInt(random, 1, 16)),
      );
      const count = calendarWeekCount({ curriculumWeeks: 12, breakWeeks: breaks });
      const reading = [];
      for (let week = 1; week <= count; week += 1) {
        const curriculumWeek = curriculumWeekOf(week, breaks);
        expect(curriculumWeek === null).toBe(isBreakWeek({ curriculumWeeks: 12, breakWeeks: breaks }, week));
        if (curriculumWeek !== null) {
          expect(calendarWeekOf(curriculumWeek, breaks)).toBe(week);
          reading.push(curriculumWeek);
        }
      }
      expect(reading).toEqual(Array.from({ length: 12 }, (_, index) => index + 1));
      // The course ends with a reading week.
      expect(curriculumWeekOf(count, breaks)).toBe(12);
    }
  });

  it("ends the course after its last week, breaks included, in the cohort's zone", () => {
    expect(courseEndDate(calendar([]))).toBe("2027-05-24");
    expect(courseEndDate(calendar([3, 8]))).toBe("2027-06-07");
    const tokyo = calendar([3], { timeZone: "Asia/Tokyo" });
    // 2027-05-31 00:00 in Tokyo is 2027-05-30 15:00 UTC.
    expect(courseHasEnded(tokyo, new Date("2027-05-30T14:59:00Z"))).toBe(false);
    expect(courseHasEnded(tokyo, new Date("2027-05-30T15:00:00Z"))).toBe(true);
    expect(calendarWeekAt(tokyo, new Date("2027-05-30T14:59:00Z"))).toBe(13);
    expect(calendarWeekAt(tokyo, new Date("2027-05-30T15:00:00Z"))).toBe(14);
  });

  it("ends a member's own course with the course, or with their own plan when it runs later", () => {
    expect(ownCourseEndDate("2027-05-24", "2027-05-24")).toBe("2027-05-24");
    // A late joiner's plan never ends before the course does.
    expect(ownCourseEndDate("2027-05-24", "2027-05-17")).toBe("2027-05-24");
    // Two extension weeks.
    expect(ownCourseEndDate("2027-05-24", "2027-06-07")).toBe("2027-06-07");
  });

  it("starts the reading in week 1, or after the break weeks that open the course", () => {
    expect(firstReadingWeek({ curriculumWeeks: 12, breakWeeks: [] })).toBe(1);
    expect(firstReadingWeek({ curriculumWeeks: 12, breakWeeks: [3] })).toBe(1);
    expect(firstReadingWeek({ curriculumWeeks: 12, breakWeeks: [1] })).toBe(2);
    expect(firstReadingWeek({ curriculumWeeks: 12, breakWeeks: [2, 1, 5] })).toBe(3);
  });

  it("tells a day after the first reading week's last study day", () => {
    // Monday 1 March 2027 start; weekdays are study days: Friday 5 March is week 1's last.
    const weekdays = [1, 2, 3, 4, 5];
    const plain = { startDate: "2027-03-01", curriculumWeeks: 12, breakWeeks: [] };
    expect(isPastFirstReadingDays(plain, weekdays, "2027-03-05")).toBe(false);
    expect(isPastFirstReadingDays(plain, weekdays, "2027-03-06")).toBe(true);
    expect(isPastFirstReadingDays(plain, weekdays, "2027-03-09")).toBe(true);
    expect(isPastFirstReadingDays(plain, [1, 2, 3, 4, 5, 6, 7], "2027-03-06")).toBe(false);
    // Week 1 a break: the first reading week is week 2, its last study day Friday 12 March.
    const opening = { ...plain, breakWeeks: [1] };
    expect(isPastFirstReadingDays(opening, weekdays, "2027-03-06")).toBe(false);
    expect(isPastFirstReadingDays(opening, weekdays, "2027-03-12")).toBe(false);
    expect(isPastFirstReadingDays(opening, weekdays, "2027-03-13")).toBe(true);
  });

  it("tells break dates from reading dates", () => {
    expect(isBreakDate(calendar([3]), "2027-03-14")).toBe(false);
    expect(isBreakDate(calendar([3]), "2027-03-15")).toBe(true);
    expect(isBreakDate(calendar([3]), "2027-03-21")).toBe(true);
    expect(isBreakDate(calendar([3]), "2027-03-22")).toBe(false);
  });
});

describe("checkBreakChange", () => {
  const beforeWeek3 = new Date("2027-03-14T12:00:00Z");
  it("accepts a future week, refuses weeks that began, do not exist or are already breaks", () => {
    expect(checkBreakChange(calendar([]), 3, false, beforeWeek3)).toBeNull();
    expect(checkBreakChange(calendar([]), 12, false, beforeWeek3)).toBeNull();
    expect(checkBreakChange(calendar([]), 13, false, beforeWeek3)).toBe(BreakProblem.NotAWeek);
    expect(checkBreakChange(calendar([5]), 13, false, beforeWeek3)).toBeNull();
    expect(checkBreakChange(calendar([]), 0, false, beforeWeek3)).toBe(BreakProblem.NotAWeek);
    expect(checkBreakChange(calendar([]), 2, false, beforeWeek3)).toBe(BreakProblem.AlreadyStarted);
    expect(checkBreakChange(calendar([3]), 3, false, beforeWeek3)).toBe(BreakProblem.AlreadyBreak);
    expect(checkBreakChange(calendar([3]), 3, true, beforeWeek3)).toBeNull();
    expect(checkBreakChange(calendar([3]), 4, true, beforeWeek3)).toBe(BreakProblem.NotABreak);
    expect(checkBreakChange(calendar([3]), 3, true, new Date("2027-03-15T00:00:00Z"))).toBe(BreakProblem.AlreadyStarted);
  });
});

describe("applyCohortBreaks", () => {
  const cohortSettings = settings();
  const curriculum = twelveWeekCurriculum();
  const base = buildCohortPlan(curriculum, cohortSettings);

  it("gives the plan back unchanged without breaks", () => {
    const applied = applyCohortBreaks(base, curriculum, []);
    expect(applied.plan).toBe(base);
    expect(applied.curriculum).toBe(curriculum);
  });

  it("assigns nothing in a break week and moves every later day one week later", () => {
    const { plan } = applyCohortBreaks(base, curriculum, [3]);
    expect(plan.totalWeeks).toBe(13);
    expect(plan.weeks[2]).toMatchObject({ number: 3, startDate: "2027-03-15", days: [], sections: [], totalMinutes: 0 });
    for (const [itemId, date] of base.assignedDateByItemId) {
      const moved = plan.assignedDateByItemId.get(itemId);
      expect(moved).toBe(date < "2027-03-15" ? date : addDays(date, 7));
      expect(plan.dayByDate.get(moved ?? "")?.items.some((item) => item.id === itemId && item.assignedDate === moved)).toBe(true);
    }
    expect(plan.weeks.map((week) => week.totalMinutes)).toEqual(
      [...base.weeks.slice(0, 2), { totalMinutes: 0 }, ...base.weeks.slice(2)].map((week) => week.totalMinutes),
    );
    expect(
      plan.weeks
        .flatMap((week) => week.days)
        .map((day) => day.date)
        .every((date) => !(date >= "2027-03-15" && date < "2027-03-22")),
    ).toBe(true);
  });

  it("moves every later post, checkpoint and the closing post; the break week still gets its post", () => {
    const applied = applyCohortBreaks(base, curriculum, [3]);
    const posts = plannedPosts(applied.plan, applied.curriculum, cohortSettings);
    const unbroken = plannedPosts(base, curriculum, cohortSettings);
    const at = (period: string, list = posts) => list.find((post) => post.period === period)?.dueAt.toISOString();
    expect(posts.filter((post) => post.kind === "week")).toHaveLength(13);
    expect(at("week-3")).toBe("2027-03-15T09:00:00.000Z");
    expect(at("week-4")).toBe(at("week-3", unbroken)?.replace("03-15", "03-22"));
    // Section s1 (weeks 1–2) closes before the break; s2 (weeks 2–3) now ends in calendar week 4.
    expect(at("checkpoint-s1")).toBe(at("checkpoint-s1", unbroken));
    expect(at("checkpoint-s2")).toBe("2027-03-26T17:00:00.000Z");
    expect(posts.find((post) => post.period === "checkpoint-s2")?.weekNumber).toBe(4);
    expect(at("checkpoint-s11")).toBe("2027-05-28T17:00:00.000Z");
    expect(at("closing")).toBe("2027-05-31T09:00:00.000Z");
  });

  it("keeps posts at their wall time across a DST change after a break", () => {
    const newYork = settings({ timeZone: "America/New_York" });
    const nyBase = buildCohortPlan(curriculum, newYork);
    const applied = applyCohortBreaks(nyBase, curriculum, [1]);
    const posts = plannedPosts(applied.plan, applied.curriculum, newYork);
    // Week 3 now starts 2027-03-15, after the 2027-03-14 spring-forward: 09:00 EDT.
    expect(posts.find((post) => post.period === "week-3")?.dueAt).toEqual(zonedInstant("2027-03-15", "09:00", "America/New_York"));
    expect(posts.find((post) => post.period === "week-3")?.localTime).toBe("09:00");
  });

  it("follows several breaks: currentWeekNumber stops at the last calendar week", () => {
    const applied = applyCohortBreaks(base, curriculum, [8, 3]);
    expect(applied.breakWeeks).toEqual([3, 8]);
    expect(applied.plan.totalWeeks).toBe(14);
    expect(currentWeekNumber(applied.plan, new Date("2027-06-06T23:59:00Z"))).toBe(14);
    expect(currentWeekNumber(applied.plan, new Date("2027-06-07T00:00:00Z"))).toBe(15);
    expect(applied.curriculum.sections.find((section) => section.key === "s7")).toMatchObject({ weekStart: 9, weekEnd: 10 });
  });

  it("keeps weekdays, day loads and reading order for random break sets", () => {
    const random = seededRandom(3);
    const loadsOf = (plan: typeof base) => plan.weeks.flatMap((week) => week.days.map((day) => day.minutes));
    for (let run = 0; run < 30; run += 1) {
      const requested = Array.from({ length: randomInt(random, 1, 4) }, () => randomInt(random, 1, 14));
      const { plan, breakWeeks } = applyCohortBreaks(base, curriculum, requested);
      expect(loadsOf(plan)).toEqual(loadsOf(base));
      const moved = [...base.assignedDateByItemId].map(([id, date]) => ({ date, shifted: plan.assignedDateByItemId.get(id) ?? "" }));
      for (const { date, shifted } of moved) {
        expect(isoWeekday(shifted)).toBe(isoWeekday(date));
        expect(isBreakDate({ startDate: plan.startDate, curriculumWeeks: 12, breakWeeks }, shifted)).toBe(false);
      }
      const byDate = [...moved].sort((a, b) => a.date.localeCompare(b.date));
      expect(byDate.map((entry) => entry.shifted)).toEqual([...byDate.map((entry) => entry.shifted)].sort());
    }
  });
});
