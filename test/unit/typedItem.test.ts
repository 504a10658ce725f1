import { describe, expect, it } from "vitest";
import { catalogueWeekWords } from "../../src/discord/i18n/catalogueWeekWords.js";
import {
  detailsAfter,
  detailsFit as fitsIn,
  pickIn,
  readsAs,
  shownDetailsIn,
  typedItemLookup,
  type ItemDetails,
  type WeekWordsOfLanguages,
} from "../../src/domain/curriculum/typedItem.js";

/** The week words of the shipped languages, as the app reads them from the message catalogue. */
const weekWords = catalogueWeekWords();
const detailsFit = (details: string, item: ItemDetails) => fitsIn(details, item, weekWords);
/** Items given as their details (their own places). */
const same = (item: ItemDetails) => item;
/** A pick on a look-up of its own. */
const pickTypedItem = (typed: string, byTitle: ReadonlyMap<string, readonly ItemDetails[]>) =>
  pickIn(typedItemLookup(byTitle, same, weekWords), typed);
/** The lines of one title's items, on a look-up of its own. */
const shownDetails = (items: readonly ItemDetails[], listed: readonly number[], words: WeekWordsOfLanguages = weekWords) =>
  shownDetailsIn(typedItemLookup(new Map([["", items]]), same, words), "", listed);

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

  it("reads back names holding many separators, and never more parts than an item's details have", () => {
    const many = Array.from({ length: 15 }, (_, index) => `part ${index + 1}`).join(" · ");
    const item: ItemDetails = { sectionTitle: many, group: many, weekStart: 4, weekEnd: 5, ordinal: 3 };
    expect(detailsFit(`weeks 4-5 · ${many} · ${many} · #3`, item)).toBe(true);
    expect(detailsFit(many, item)).toBe(true);
    expect(detailsFit(`${many} · #3 · week 4 · #3`, item)).toBe(true);
    expect(detailsFit(`${many} · part 16`, item)).toBe(false);
    expect(detailsFit(`${many} · ${many} · ${many} · ${many}`, item)).toBe(false);
    const byTitle = new Map([["deep", [{ ...item, ordinal: 1 }, item]]]);
    expect(pickTypedItem(`deep (weeks 4-5 · ${many} · ${many} · #3)`, byTitle)).toEqual({ kind: "one", title: "deep", index: 1 });
    expect(shownDetails([{ ...item, ordinal: 1 }, item], [0, 1])).toEqual([
      { group: true, ordinal: true },
      { group: true, ordinal: true },
    ]);
  });

  it("shows, for each same-titled item, details that fit it and no other", () => {
    const items: ItemDetails[] = [
      { sectionTitle: "One", group: null, weekStart: 1, weekEnd: 1, ordinal: 1 },
      { sectionTitle: "One", group: "Practice", weekStart: 1, weekEnd: 1, ordinal: 2 },
      { sectionTitle: "Review", group: null, weekStart: 1, weekEnd: 2, ordinal: 3 },
      { sectionTitle: "Review", group: null, weekStart: 2, weekEnd: 2, ordinal: 4 },
    ];
    expect(shownDetails(items, [0, 1, 2, 3])).toEqual([
      { group: false, ordinal: true },
      { group: true, ordinal: false },
      { group: false, ordinal: false },
      { group: false, ordinal: true },
    ]);
  });

  it("never picks a shorter title whose item the details do not fit, and reads a title without invisible characters", () => {
    const one: ItemDetails = { sectionTitle: "One", group: null, weekStart: 1, weekEnd: 1, ordinal: 1 };
    const byTitle = new Map([
      [readsAs("Intro"), [one]],
      [readsAs("Intro (pa\u00adrt\u200b 1)"), [{ ...one }, { sectionTitle: "Two", group: null, weekStart: 2, weekEnd: 2, ordinal: 2 }]],
    ]);
    const pick = (typed: string) => pickTypedItem(readsAs(typed), byTitle);
    expect(readsAs("In\u00adtro\u200e\u2066 (part\u200b 1)\ufeff")).toBe("intro (part 1)");
    expect(detailsFit("part 1", one)).toBe(false);
    expect(pick("Intro(part 1)")).toEqual({ kind: "none" });
    expect(pick("Intro (prat 1) (Week 2)")).toEqual({ kind: "none" });
    expect(pick("Intro (part 1) (Week 2 · Two)")).toEqual({ kind: "one", title: "intro (part 1)", index: 1 });
    expect(pick("Intro (part 1)")).toEqual({ kind: "several", title: "intro (part 1)", indices: [0, 1] });
    expect(pick("Intro")).toEqual({ kind: "one", title: "intro", index: 0 });
    expect(pick("Intro (Week 1)")).toEqual({ kind: "one", title: "intro", index: 0 });
  });

  it("tells apart thousands of same-titled items: 520 weeks of 8 groups, each line and typed detail picking its own", () => {
    const items: ItemDetails[] = Array.from({ length: 520 * 8 }, (_, index) => ({
      sectionTitle: `Week ${Math.floor(index / 8) + 1} review`,
      group: `Group ${(index % 8) + 1}`,
      weekStart: Math.floor(index / 8) + 1,
      weekEnd: Math.floor(index / 8) + 1,
      ordinal: index + 1,
    }));
    const listed = Array.from({ length: 75 }, (_, index) => index * 50);
    const shown = shownDetails(items, listed);
    for (const index of listed) expect([index, shown[index]]).toEqual([index, { group: true, ordinal: false }]);
    expect(shown[1]).toEqual({ group: true, ordinal: true });
    const byTitle = new Map([["weekly review", items]]);
    expect(pickTypedItem("weekly review (week 3 · week 3 review · group 5)", byTitle)).toEqual({
      kind: "one",
      title: "weekly review",
      index: 20,
    });
    expect(pickTypedItem("weekly review (week 3)", byTitle)).toEqual({
      kind: "several",
      title: "weekly review",
      indices: [16, 17, 18, 19, 20, 21, 22, 23],
    });
    expect(pickTypedItem("weekly review · #4160", byTitle)).toEqual({ kind: "one", title: "weekly review", index: 4159 });
  });
});

describe("thousands of items sharing a title and weeks", () => {
  /** 13,000 items titled "Review", all in weeks 1-2: 520 sections ("Part 1"…) of 25 groups ("Lab 1"…). */
  const review: ItemDetails[] = Array.from({ length: 13_000 }, (_, index) => ({
    sectionTitle: `Part ${Math.floor(index / 25) + 1}`,
    group: `Lab ${(index % 25) + 1}`,
    weekStart: 1,
    weekEnd: 2,
    ordinal: index + 1,
  }));
  const listed = Array.from({ length: 75 }, (_, index) => index);

  it("shows the 75 listed lines of 520 sections × 25 groups with their group, and each line typed back in either language picks its item", () => {
    const items = review;
    const byTitle = new Map([["review", items]]);
    const pick = pickTypedItem("review", byTitle);
    expect(pick.kind === "several" ? pick.indices.length : pick.kind).toBe(13_000);
    const shown = shownDetails(items, listed);
    expect(listed.map((at) => shown[at])).toEqual(listed.map(() => ({ group: true, ordinal: false })));
    for (const at of [0, 26, 74]) {
      const { sectionTitle, group } = items[at] ?? practice;
      for (const weeks of ["Weeks 1-2", "Semanas 1-2"]) {
        expect([weeks, pickTypedItem(readsAs(`Review (${weeks} · ${sectionTitle} · ${group ?? ""})`), byTitle)]).toEqual([
          weeks,
          { kind: "one", title: "review", index: at },
        ]);
      }
    }
    expect(pickTypedItem(readsAs("Review (Weeks 1-2 · Part 520 · Lab 25)"), byTitle)).toEqual({
      kind: "one",
      title: "review",
      index: 12_999,
    });
    expect(pickTypedItem(readsAs("Review (Part 7)"), byTitle)).toEqual({
      kind: "several",
      title: "review",
      indices: Array.from({ length: 25 }, (_, index) => 150 + index),
    });
  });

  it("shows each of 13,000 items of one section and group with its place, and the place typed back picks it", () => {
    const items = review.map((item) => ({ ...item, sectionTitle: "Part 1", group: "Lab 1" }));
    const shown = shownDetails(items, listed);
    expect(listed.filter((at) => shown[at]?.ordinal !== true)).toEqual([]);
    const byTitle = new Map([["review", items]]);
    expect(pickTypedItem(readsAs("Review (Weeks 1-2 · Part 1 · Lab 1 · #75)"), byTitle)).toEqual({
      kind: "one",
      title: "review",
      index: 74,
    });
    expect(pickTypedItem(readsAs("Review (#9999)"), byTitle)).toEqual({ kind: "one", title: "review", index: 9998 });
    expect(pickTypedItem(readsAs("Review (Weeks 1-2 · Part 1 · Lab 1 · #13000)"), byTitle)).toEqual({
      kind: "one",
      title: "review",
      index: 12_999,
    });
  });
});

describe("same-titled items whose every section and group many others share", () => {
  // 150 sections × 150 groups, all in weeks 1-2: each name is shared by 150 kinds of item.
  const items: ItemDetails[] = Array.from({ length: 150 * 150 }, (_, index) => ({
    sectionTitle: `Part ${Math.floor(index / 150) + 1}`,
    group: `Lab ${(index % 150) + 1}`,
    weekStart: 1,
    weekEnd: 2,
    ordinal: index + 1,
  }));
  const listed = Array.from({ length: 75 }, (_, index) => index * 7);
  // Each listed item's reply lines: without and with its group, in each language.
  const mostLines = listed.length * 2 * weekWords.length;

  /** The listed lines, on one look-up of `budget` kinds a line (as one reply's: the title is indexed once); each typed back picks its own item. */
  const linesOn = (budget?: number) => {
    const lookup = typedItemLookup(new Map([["review", items]]), same, weekWords, budget);
    const shown = shownDetailsIn(lookup, "review", listed);
    for (const at of listed) {
      const item = items[at] ?? practice;
      const details = [
        "Weeks 1-2",
        item.sectionTitle,
        shown[at]?.group === true ? item.group : null,
        shown[at]?.ordinal === true ? `#${item.ordinal}` : null,
      ].filter((part) => part !== null);
      expect([at, pickIn(lookup, readsAs(`Review (${details.join(" · ")})`))]).toEqual([at, { kind: "one", title: "review", index: at }]);
    }
    return { shown: listed.map((at) => shown[at]), compared: lookup.lineWork.compared };
  };

  it("shows each listed line with its place: telling section and group apart would compare 150 kinds, more than a line's 100", () => {
    const { shown, compared } = linesOn();
    expect(shown).toEqual(listed.map(() => ({ group: true, ordinal: true })));
    expect(compared).toBeLessThanOrEqual(mostLines * 100);
  });

  it("compares at most the budget's kinds a line, and with room for 150 shows section and group without the place", () => {
    const tight = linesOn(10);
    expect(tight.shown).toEqual(listed.map(() => ({ group: true, ordinal: true })));
    // Without the budget each line with a group alone compares all 150 kinds of its section: 150 × 150 in all.
    expect(tight.compared).toBeLessThanOrEqual(mostLines * 10);
    const roomy = linesOn(150);
    expect(roomy.shown).toEqual(listed.map(() => ({ group: true, ordinal: false })));
    expect(roomy.compared).toBeGreaterThanOrEqual(listed.length * 2 * 150);
  });
});

describe("a look-up of a typed item among many titles", () => {
  it("reads the details of only the titles the typed text starts with", () => {
    const one: ItemDetails = { sectionTitle: "One", group: null, weekStart: 1, weekEnd: 1, ordinal: 1 };
    const byTitle = new Map(Array.from({ length: 1000 }, (_, at) => [`title ${at}`, [one, { ...one, weekStart: 2, weekEnd: 2 }]]));
    const read: string[] = [];
    const lookup = typedItemLookup(
      byTitle,
      (item: ItemDetails, ordinal: number) => {
        read.push(`${item.weekStart}#${ordinal}`);
        return { ...item, ordinal };
      },
      weekWords,
    );
    expect(pickIn(lookup, "title 7 (week 2)")).toEqual({ kind: "one", title: "title 7", index: 1 });
    expect(read).toEqual(["1#1", "2#2"]);
  });
});

describe("the words for weeks, from each language's catalogue", () => {
  it("reads a week after any language's words it is given, and only those", () => {
    const german = [{ one: "woche", several: "wochen" }] as const;
    expect(fitsIn("wochen 1-2 · basics", practice, german)).toBe(true);
    expect(fitsIn("woche 2", practice, german)).toBe(true);
    expect(fitsIn("wochen 1-2 · basics", practice, weekWords)).toBe(false);
    expect(fitsIn("weeks 1-2", practice, german)).toBe(false);
    expect(fitsIn("1-2", practice, german)).toBe(true);
  });

  it("shows what tells an item apart in every language a reply may be written in: a section named like another language's week", () => {
    const items: ItemDetails[] = [
      { sectionTitle: "Intro", group: "Lab", weekStart: 1, weekEnd: 1, ordinal: 1 },
      { sectionTitle: "Semana 1", group: "Intro", weekStart: 5, weekEnd: 5, ordinal: 2 },
    ];
    // "Week 1 · Intro" is the first item's alone, but "Semana 1 · Intro" also names the second's section and group.
    expect(shownDetails(items, [0], [{ one: "week", several: "weeks" }])[0]).toEqual({ group: false, ordinal: false });
    expect(shownDetails(items, [0])[0]).toEqual({ group: true, ordinal: false });
    expect(pickTypedItem(readsAs("Intro (Semana 1 · Intro)"), new Map([["intro", items]]))).toEqual({
      kind: "several",
      title: "intro",
      indices: [0, 1],
    });
    expect(pickTypedItem(readsAs("Intro (Semana 1 · Intro · Lab)"), new Map([["intro", items]]))).toEqual({
      kind: "one",
      title: "intro",
      index: 0,
    });
  });
});

describe("readsAs with an invisible character between a letter and its accent", () => {
  it("reads the stored title as the copied one", () => {
    expect(readsAs("Cafe\u200b\u0301")).toBe(readsAs("Café"));
  });

  it("reads plain ASCII as other text: capitals and runs of spaces aside", () => {
    expect(readsAs("  Plain   Title (Part 1) ")).toBe("plain title (part 1)");
    expect(readsAs("Plain\tTitle")).toBe("plain title");
    expect(readsAs("Plain Title\u00a0")).toBe("plain title");
  });
});
