import { describe, expect, it } from "vitest";
import { epochDayOfLocalDate } from "../../src/domain/schedule/localTime.js";
import { studyDayGrid, type StudyGridInput } from "../../src/domain/scoring/studyDayGrid.js";

/** Week 1 starts Monday 2027-01-04; Monday to Friday are study days. */
const base: StudyGridInput = {
  activeDates: new Set(),
  frozenDates: new Set(),
  today: "2027-01-04",
  startDate: "2027-01-04",
  studyDays: [1, 2, 3, 4, 5],
  joinedDate: "2027-01-04",
  daysOff: [],
  weeks: 4,
  // A 12-week course: it ends after Sunday 28 March.
  endDate: "2027-03-29",
};

/** d done, m missed, z missed but kept by a streak freeze, - not a study day, f ahead (today included until something is done). */
function letters(input: StudyGridInput): string[] {
  const letter = { done: "d", missed: "m", frozen: "z", dayOff: "o", notStudyDay: "-", future: "f" } as const;
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

  it("marks a missed day a streak freeze covered as frozen, not missed", () => {
    const activeDates = new Set(["2027-01-04", "2027-01-05", "2027-01-07"]);
    const frozenDates = new Set(["2027-01-06"]);
    expect(letters({ ...base, today: "2027-01-08", activeDates, frozenDates })).toEqual(["W1 ddzdfff"]);
    // A frozen day is only ever a missed one: a day with reading, a day off or one still ahead keeps its own mark.
    const everyKind = new Set(["2027-01-04", "2027-01-06", "2027-01-08", "2027-01-09"]);
    const daysOff = [{ from: epochDayOfLocalDate("2027-01-06"), to: epochDayOfLocalDate("2027-01-06") }];
    expect(letters({ ...base, today: "2027-01-08", activeDates, frozenDates: everyKind, daysOff })).toEqual(["W1 ddodfff"]);
  });

  it("shows week 1 all ahead before the course starts", () => {
    expect(letters({ ...base, today: "2026-12-30" })).toEqual(["W1 fffffff"]);
  });

  it("starts its columns on the cohort's first weekday", () => {
    // A cohort starting on a Wednesday: its weekends fall on columns 4 and 5.
    expect(letters({ ...base, startDate: "2027-01-06", today: "2027-01-12", joinedDate: "2027-01-06" })).toEqual(["W1 mmm--mf"]);
  });

  it("marks days off (breaks) as days off, not misses; a completion on one still shows", () => {
    const wednesday = epochDayOfLocalDate("2027-01-06");
    const daysOff = [{ from: wednesday, to: wednesday + 1 }];
    expect(letters({ ...base, today: "2027-01-08", daysOff })).toEqual(["W1 mmoofff"]);
    expect(letters({ ...base, today: "2027-01-08", daysOff, activeDates: new Set(["2027-01-07"]) })).toEqual(["W1 mmodfff"]);
  });

  it("after the course, shows its last four weeks, not weeks that never were as misses", () => {
    // Saturday 1 May, five weeks after the last week: weeks 9-12, their days marked as they were.
    const grid = letters({ ...base, today: "2027-05-01", activeDates: new Set(["2027-03-22", "2027-03-26"]) });
    expect(grid).toEqual(["W9 mmmmm--", "W10 mmmmm--", "W11 mmmmm--", "W12 dmmmd--"]);
  });

  it("leaves days after the member's last day blank in the course's last week", () => {
    // A course that ends on Wednesday 24 March (exclusive end Thursday 25): Thursday and Friday are no study days.
    expect(letters({ ...base, today: "2027-03-26", endDate: "2027-03-25" }).at(-1)).toBe("W12 mmm----");
  });
});
