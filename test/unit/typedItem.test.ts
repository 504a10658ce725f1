import { describe, expect, it } from "vitest";
import { detailsFit, splitTypedItem, type ItemDetails } from "../../src/domain/curriculum/typedItem.js";

const practice: ItemDetails = { sectionTitle: "Basics", group: "Practice", weekStart: 1, weekEnd: 2, ordinal: 2 };

describe("a typed item with the details that tell it apart", () => {
  it("reads the forms the bot shows: brackets from the 'several match' reply, dots from autocomplete", () => {
    expect(splitTypedItem("Grouped (Weeks 1-2 · Basics · Practice)")).toEqual({
      title: "Grouped",
      details: ["weeks 1-2", "basics", "practice"],
    });
    expect(splitTypedItem("✓ Grouped · Weeks 1-2 · Practice")).toEqual({ title: "Grouped", details: ["weeks 1-2", "practice"] });
    expect(splitTypedItem("Intro (part 1) (#2)")).toEqual({ title: "Intro (part 1)", details: ["#2"] });
    expect(splitTypedItem("Plain title")).toEqual({ title: "Plain title", details: [] });
  });

  it("fits when every detail names the item: section, group, place, or weeks in any language", () => {
    for (const details of [["basics"], ["practice"], ["#2"], ["weeks 1-2"], ["semanas 1–2"], ["week 2"], ["2"], ["basics", "practice"]]) {
      expect([details, detailsFit(details, practice)]).toEqual([details, true]);
    }
    for (const details of [["reading"], ["#1"], ["week 3"], ["weeks 1-3"], ["basics", "reading"], ["wed, 6 jan 2027"]]) {
      expect([details, detailsFit(details, practice)]).toEqual([details, false]);
    }
  });
});
