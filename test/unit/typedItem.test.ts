import { describe, expect, it } from "vitest";
import { detailsAfter, detailsFit, readsAs, shownDetails, type ItemDetails } from "../../src/domain/curriculum/typedItem.js";

const practice: ItemDetails = { sectionTitle: "Basics", group: "Practice", weekStart: 1, weekEnd: 2, ordinal: 2 };
const after = (typed: string, title: string) => detailsAfter(readsAs(typed), readsAs(title));

describe("a typed item with the details that tell it apart", () => {
  it("reads the forms the bot shows: brackets from the 'several match' reply, dots from autocomplete", () => {
    expect(after("Grouped (Weeks 1-2 · Basics · Practice)", "Grouped")).toBe("weeks 1-2 · basics · practice");
    expect(after("Grouped · Weeks 1-2 ·Practice", "grouped")).toBe("weeks 1-2 · practice");
    expect(after("Intro (part 1) (#2)", "Intro (part 1)")).toBe("#2");
    expect(after("Plain title", "Plain title")).toBe("");
    expect(after("Plain titles", "Plain title")).toBeNull();
  });

  it("fits when every detail names the item: section, group, place, or weeks in any language", () => {
    for (const details of ["basics", "practice", "#2", "weeks 1-2", "semanas 1–2", "week 2", "2", "basics · practice"]) {
      expect([details, detailsFit(details, practice)]).toEqual([details, true]);
    }
    for (const details of ["reading", "#1", "week 3", "weeks 1-3", "basics · reading", "wed, 6 jan 2027"]) {
      expect([details, detailsFit(details, practice)]).toEqual([details, false]);
    }
  });

  it("compares names holding brackets, commas or the separator whole", () => {
    const sql: ItemDetails = { sectionTitle: "Databases (SQL)", group: "Labs, part · two", weekStart: 3, weekEnd: 3, ordinal: 1 };
    expect(detailsFit(after("Joins (Week 3 · Databases (SQL) · Labs, part·two)", "Joins") ?? "", sql)).toBe(true);
    expect(detailsFit("databases", sql)).toBe(false);
    expect(detailsFit("labs", sql)).toBe(false);
  });

  it("shows, for each same-titled item, details that fit it and no other", () => {
    const items: ItemDetails[] = [
      { sectionTitle: "One", group: null, weekStart: 1, weekEnd: 1, ordinal: 1 },
      { sectionTitle: "One", group: "Practice", weekStart: 1, weekEnd: 1, ordinal: 2 },
      { sectionTitle: "Review", group: null, weekStart: 1, weekEnd: 2, ordinal: 3 },
      { sectionTitle: "Review", group: null, weekStart: 2, weekEnd: 2, ordinal: 4 },
    ];
    expect(shownDetails(items, 10)).toEqual([
      { group: false, ordinal: true },
      { group: true, ordinal: false },
      { group: false, ordinal: false },
      { group: false, ordinal: true },
    ]);
  });
});
