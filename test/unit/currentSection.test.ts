import { describe, expect, it } from "vitest";
import { currentSection, currentSections } from "../../src/domain/schedule/currentSection.js";

// Shaped like the learning path: overlapping two-week sections, then single weeks.
const sections = [
  { title: "Fundamentals", weekStart: 1, weekEnd: 2, position: 0 },
  { title: "Performance", weekStart: 2, weekEnd: 3, position: 1 },
  { title: "Caching", weekStart: 3, weekEnd: 4, position: 2 },
  { title: "Operations", weekStart: 4, weekEnd: 4, position: 3 },
  { title: "Capstone", weekStart: 5, weekEnd: 5, position: 4 },
];

const titleAt = (week: number) => currentSection(sections, week, 5)?.title;

describe("currentSection", () => {
  it("picks, among the sections of the week, the one that ends soonest", () => {
    expect(titleAt(1)).toBe("Fundamentals");
    expect(titleAt(2)).toBe("Fundamentals");
    expect(titleAt(3)).toBe("Performance");
    expect(titleAt(5)).toBe("Capstone");
  });

  it("breaks a tie on the last week by curriculum order", () => {
    // Week 4: Caching (3-4) and Operations (4) both end in week 4.
    expect(titleAt(4)).toBe("Caching");
    const reversed = [...sections].reverse();
    expect(currentSection(reversed, 4, 5)?.title).toBe("Caching");
  });

  it("counts weeks before the start as week 1 and after the end as the last week", () => {
    expect(titleAt(0)).toBe("Fundamentals");
    expect(titleAt(9)).toBe("Capstone");
  });

  it("keeps a heading that overshoots the course on real weeks", () => {
    const overshooting = [{ title: "Long", weekStart: 3, weekEnd: 40, position: 0 }];
    expect(currentSection(overshooting, 5, 5)?.title).toBe("Long");
    expect(currentSection(overshooting, 2, 5)).toBeNull();
  });

  it("has no answer without sections or weeks", () => {
    expect(currentSection([], 1, 5)).toBeNull();
    expect(currentSection(sections, 1, 0)).toBeNull();
  });
});

describe("currentSections", () => {
  const sameEnd = [
    { title: "Basics", weekStart: 1, weekEnd: 2, position: 0 },
    { title: "Last", weekStart: 3, weekEnd: 3, position: 2 },
    { title: "More", weekStart: 2, weekEnd: 3, position: 1 },
  ];

  it("offers every section read this week that ends with the current one, in curriculum order", () => {
    expect(currentSections(sameEnd, 3, 3, 5).map((section) => section.title)).toEqual(["More", "Last"]);
    // Week 2: More is read too, but Basics ends first: its checkpoint is the one due.
    expect(currentSections(sameEnd, 2, 3, 5).map((section) => section.title)).toEqual(["Basics"]);
  });

  it("keeps to the limit, the current section first", () => {
    expect(currentSections(sameEnd, 3, 3, 1).map((section) => section.title)).toEqual(["More"]);
    expect(currentSections([], 1, 3, 5)).toEqual([]);
  });
});
