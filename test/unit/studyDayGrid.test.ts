import { describe, expect, it } from "vitest";
import { studyDayGrid, type StudyGridInput } from "../../src/domain/scoring/studyDayGrid.js";
import { epochDayOfLocalDate } from "../../src/domain/schedule/localTime.js";

/** Week 1 starts Monday 2027-01-04; Monday to Friday are study days. */
const base: StudyGridInput = {
  activeDates: new Set(),
  today: "2027-01-04",
  startDate: "2027-01-04",
  studyDays: [1, 2, 3, 4, 5],
  joinedDate: "2027-01-04",
  daysOff: [],
  weeks: 4,
};

/** d done, m missed, o day off, - not a study day, f ahead (today included until something is done). */
function letters(input: StudyGridInput): string[] {
  const letter = { done: "d", missed: "m", dayOff: "o", notStudyDay: "-", future: "f" } as const;
  return studyDayGrid(input).map((week) => `W${week.weekNumber} ${week.days.map((day) => letter[day]).join("")}`);
}

describe("studyDayGrid", () => {
  it("shows only the weeks so far early in the course, today ahead until something is done", () => {
    expect(letters({ ...base, today: "2027-01-06", activeDates: new Set(["2027-01-04"]) })).toEqual(["W1 dmfffff"]);
    expect(letters({ ...base, today: "2027-01-06", activeDates: new Set(["2027-01-06"]) })).toEqual(["W1 mmdffff"]);
  });

  it("keeps the last four weeks, weekends blank, and days before joining are not misses", () => {
    const grid = letters({
      ...base,
      today: "2027-02-03",
      joinedDate: "2027-01-12",
      activeDates: new Set(["2027-01-12", "2027-01-13", "2027-01-20", "2027-01-26", "2027-02-01", "2027-02-03"]),
    });
    expect(grid).toEqual(["W2 -ddmm--", "W3 mmdmm--", "W4 mdmmm--", "W5 dmdffff"]);
  });

  it("shows week 1 all ahead before the course starts", () => {
    expect(letters({ ...base, today: "2026-12-30" })).toEqual(["W1 fffffff"]);
  });

  it("starts its columns on the cohort's first weekday", () => {
    // A cohort starting on a Wednesday: its weekends fall on columns 4 and 5.
    expect(letters({ ...base, startDate: "2027-01-06", today: "2027-01-12", joinedDate: "2027-01-06" })).toEqual(["W1 mmm--mf"]);
  });

  it("shows days off as days off, unless something was done on them", () => {
    // Days off from Wednesday 6 to Tuesday 12 January; something done on Thursday the 7th.
    const daysOff = [{ from: epochDayOfLocalDate("2027-01-06"), to: epochDayOfLocalDate("2027-01-12") }];
    expect(letters({ ...base, today: "2027-01-13", daysOff, activeDates: new Set(["2027-01-07"]) })).toEqual(["W1 mmodo--", "W2 oofffff"]);
  });
});
