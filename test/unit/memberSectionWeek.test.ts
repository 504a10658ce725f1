import { describe, expect, it } from "vitest";
import { memberSectionWeek } from "../../src/domain/schedule/memberSectionWeek.js";

describe("memberSectionWeek", () => {
  it("is the calendar week less the break weeks before it and the weeks of extension", () => {
    expect(memberSectionWeek(5, [2, 3], 1)).toBe(2);
    expect(memberSectionWeek(4, [], 0)).toBe(4);
  });

  it("is week 1 in the first weeks of an extended calendar, whose first sections come later", () => {
    expect(memberSectionWeek(1, [], 1)).toBe(1);
    expect(memberSectionWeek(2, [], 2)).toBe(1);
    expect(memberSectionWeek(1, [], 3)).toBe(1);
  });

  it("is week 1 in an opening break week of an extended calendar", () => {
    expect(memberSectionWeek(2, [1], 1)).toBe(1);
  });
});
