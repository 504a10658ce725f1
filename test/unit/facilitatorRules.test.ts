import { describe, expect, it } from "vitest";
import { changedKeys } from "../../src/domain/audit/auditAction.js";
import { csvCell, csvLine } from "../../src/domain/export/csv.js";
import { quietSinceDate, requiredItemsDue } from "../../src/domain/schedule/requiredItemsDue.js";
import { buildCohortPlan } from "../../src/domain/schedule/buildCohortPlan.js";
import { epochDayOfLocalDate } from "../../src/domain/schedule/localTime.js";
import { DEFAULT_COHORT_SETTINGS, type PlanCurriculum } from "../../src/domain/schedule/scheduleTypes.js";

describe("CSV cells", () => {
  it("quotes every field and doubles inner quotes", () => {
    expect(csvLine(["a", 'say "hi"', 3, true, null])).toBe('"a","say ""hi""","3","true",""\r\n');
    // Commas and line breaks in a title stay inside their cell.
    expect(csvLine(["Joins, part 1", "line one\r\nline two"])).toBe('"Joins, part 1","line one\r\nline two"\r\n');
  });

  it("keeps would-be formulas as text", () => {
    for (const start of ["=", "+", "-", "@", "\t", "\r"]) expect(csvCell(`${start}SUM(A1)`)).toBe(`"'${start}SUM(A1)"`);
    expect(csvCell("plain = text")).toBe('"plain = text"');
  });
});

describe("what the roster counts as due and quiet", () => {
  const curriculum: PlanCurriculum = {
    totalWeeks: 1,
    sections: [
      {
        key: "s",
        title: "S",
        weekStart: 1,
        weekEnd: 1,
        checkpoint: null,
        position: 0,
        items: ["Required", "Optional", "Required", "Reference", "Required"].map((kind, position) => ({
          id: position + 1,
          key: `i${position}`,
          title: `Item ${position}`,
          kind: kind as "Required" | "Optional" | "Reference",
          minutes: position === 4 ? null : 30,
          sectionKey: "s",
          position,
        })),
      },
    ],
  };
  // Monday 2027-01-04, Monday–Friday.
  const plan = buildCohortPlan(curriculum, { ...DEFAULT_COHORT_SETTINGS, startDate: "2027-01-04" });

  it("lists only Required items with their due day on each extended calendar, unestimated as 0 minutes", () => {
    const items = requiredItemsDue(plan, []);
    expect(items.map((item) => item.itemId).sort()).toEqual([1, 3, 5]);
    for (const item of items) {
      const assigned = epochDayOfLocalDate(plan.assignedDateByItemId.get(item.itemId) ?? "");
      // One week later per extra week (no break weeks here).
      expect(item.dueDays).toEqual([0, 1, 2, 3, 4].map((weeks) => assigned + 7 * weeks));
    }
    expect(items.find((item) => item.itemId === 5)?.minutes).toBe(0);
  });

  it("starts the quiet window at the fifth study day back, and not before the course has had five", () => {
    expect(quietSinceDate(plan, "2027-01-06")).toBeNull();
    expect(quietSinceDate(plan, "2027-01-08")).toBe("2027-01-04");
    // Tuesday the 12th: Tue, Mon, Fri, Thu, Wed.
    expect(quietSinceDate(plan, "2027-01-12")).toBe("2027-01-06");
  });

  it("skips the days of the cohort's break weeks: nothing is expected then", () => {
    // Week 2 (11–17 January) is a break. Its Friday: the five study days are all in week 1.
    expect(quietSinceDate(plan, "2027-01-15", [2])).toBe("2027-01-04");
    // Tuesday of week 3: Tue, Mon, then Fri, Thu, Wed of week 1.
    expect(quietSinceDate(plan, "2027-01-19", [2])).toBe("2027-01-06");
    // Friday of a first-week break: the course has had no study day yet.
    expect(quietSinceDate(plan, "2027-01-08", [1])).toBeNull();
  });

  it("skips the member's own days off too (`/break`)", () => {
    // Days off Monday 11 to Friday 15: on Monday the 18th the five study days are Mon 18 and Fri–Tue of week 1.
    expect(quietSinceDate(plan, "2027-01-18", [], [{ from: "2027-01-11", to: "2027-01-15" }])).toBe("2027-01-05");
    // With week 2 a cohort break and Monday 18 off: Tuesday the 19th counts itself, then Fri to Tue of week 1.
    expect(quietSinceDate(plan, "2027-01-19", [2], [{ from: "2027-01-18", to: "2027-01-18" }])).toBe("2027-01-05");
    // Days off all of the first week: the course has not yet had five study days for them.
    expect(quietSinceDate(plan, "2027-01-08", [], [{ from: "2027-01-04", to: "2027-01-08" }])).toBeNull();
  });
});

describe("audit lines", () => {
  it("name the settings an edit changed", () => {
    expect(changedKeys({ name: "A", start: "2027-01-04" }, { name: "B", start: "2027-01-04" })).toEqual(["name"]);
    expect(changedKeys(null, { status: "paused" })).toEqual(["status"]);
  });
});
