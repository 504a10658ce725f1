import { describe, expect, it } from "vitest";
import { itemChoices } from "../../src/discord/itemChoices.js";
import { translatorFor } from "../../src/discord/i18n/Translator.js";
import { renderUserError } from "../../src/discord/i18n/renderUserError.js";
import { UserError } from "../../src/errors.js";
import { cohortItemOfValue } from "../../src/services/itemOptionValue.js";
import type { ItemSuggestion } from "../../src/services/StudyService.js";

/** Characters as Discord counts a choice name (code points: a bold "𝐁" is one, though two UTF-16 units). */
const characters = (text: string | undefined): number => Array.from(text ?? "").length;
/** "Backend" in mathematical bold letters, each one character of two UTF-16 units. */
const bold = (text: string): string =>
  Array.from(text, (letter) => String.fromCodePoint(0x1d400 + letter.charCodeAt(0) - (letter >= "a" ? 71 : 65))).join("");

const drill = (itemId: number, ordinal: number, title = "Drill"): ItemSuggestion => ({
  itemId,
  title,
  done: false,
  weekStart: 1,
  weekEnd: 1,
  group: null,
  dueDate: null,
  ordinal,
  cohort: null,
});

describe("item autocomplete choices that would read the same", () => {
  it("number same-titled items by their place among that title's items, as the 'several items match' reply does", () => {
    // The third and first Drill, in that order (today's first): the list's order is not the curriculum's.
    const names = itemChoices(translatorFor("en"), [drill(7, 3), drill(5, 1)]).map((choice) => choice.name);
    expect(names).toEqual(["Drill · Week 1 · #3", "Drill · Week 1 · #1"]);
  });

  it("still tells apart different titles cut alike to the same name", () => {
    const long = "A title long enough that a choice name of at most one hundred characters has to cut it before the end";
    const names = itemChoices(translatorFor("en"), [drill(1, 1, `${long}: one`), drill(2, 1, `${long}: two`)]).map((choice) => choice.name);
    expect(new Set(names).size).toBe(2);
    for (const name of names) expect(characters(name)).toBeLessThanOrEqual(100);
  });
});

describe("item autocomplete choices of several cohorts", () => {
  it("name the cohort, cut to leave the title room and without hidden characters, and pick both cohort and item", () => {
    const cohort = { id: 3, name: `Evening\u202e group ${"x".repeat(70)}` };
    const [choice] = itemChoices(translatorFor("en"), [{ ...drill(7, 1, "Storage Engines"), cohort }]);
    expect(choice?.name).toBe(`Storage Engines · Week 1 · Evening group ${"x".repeat(25)}…`);
    expect(choice?.value).toBe("c3/i7");
    expect(cohortItemOfValue(choice?.value ?? "")).toEqual({ cohortId: 3, itemId: 7 });
    // An id (one cohort's choice) or a title typed by hand names no cohort.
    expect(cohortItemOfValue("7")).toBeNull();
    expect(cohortItemOfValue("Storage Engines")).toBeNull();
  });

  it("tell apart two cohorts whose names differ only past the cut, by the end of their names", () => {
    const shared = "Backend Engineer Complete Mastery Path ";
    const choices = itemChoices(translatorFor("en"), [
      { ...drill(7, 1, "Storage Engines"), cohort: { id: 3, name: `${shared}— Europe morning` } },
      { ...drill(7, 1, "Storage Engines"), cohort: { id: 4, name: `${shared}— Americas evening` } },
    ]);
    const [europe, americas] = choices.map((choice) => choice.name);
    expect(europe).not.toBe(americas);
    expect(europe).toMatch(/ · Backend Engineer.*….*Europe morning$/);
    expect(americas).toMatch(/ · Backend Engineer.*….*Americas evening$/);
    for (const name of [europe, americas]) expect(characters(name)).toBeLessThanOrEqual(100);
  });

  it("tell apart two cohorts whose names differ only in the middle, by their ids", () => {
    const choices = itemChoices(translatorFor("en"), [
      { ...drill(7, 1, "Storage Engines"), cohort: { id: 3, name: `${"a".repeat(39)}ONE${"b".repeat(38)}` } },
      { ...drill(7, 1, "Storage Engines"), cohort: { id: 4, name: `${"a".repeat(39)}TWO${"b".repeat(38)}` } },
    ]);
    const [one, two] = choices.map((choice) => choice.name);
    expect(one).not.toBe(two);
    expect(one).toMatch(/ #3$/);
    expect(two).toMatch(/ #4$/);
  });

  it("keep a readable part of the title beside two cohorts named in fancy text", () => {
    const title = "Practice round on storage engines and their write paths, with a long explanation of each";
    const shared = `${bold("Backend")} ${bold("Engineering")} ${bold("Cohort")} ${bold("Spring")} ${bold("Year")} `;
    const choices = itemChoices(translatorFor("en"), [
      { ...drill(7, 1, title), cohort: { id: 3, name: `${shared}${bold("Europe")}` } },
      { ...drill(7, 1, title), cohort: { id: 4, name: `${shared}${bold("America")}` } },
    ]);
    const [europe, americas] = choices.map((choice) => choice.name);
    expect(europe).not.toBe(americas);
    for (const name of [europe, americas]) {
      expect(name).toMatch(/^Practice round on storage engines/);
      expect(characters(name)).toBeLessThanOrEqual(100);
    }
  });
});

describe("the 'several items match' reply", () => {
  it('shows a group whatever its name, "none" included', () => {
    const choice = { title: "Drill", sectionTitle: "One", weekStart: 1, weekEnd: 1 };
    const error = new UserError("item.ambiguous", {
      choices: [
        { ...choice, group: null, ordinal: 1 },
        { ...choice, group: "none", ordinal: null },
      ],
      unlisted: 0,
    });
    expect(renderUserError(translatorFor("en"), error)).toContain("**Drill** (Week 1 · One · #1); **Drill** (Week 1 · One · none).");
  });

  it.each(["en", "es"] as const)("writes a place of thousands as typed back, without grouping its digits (%s)", (language) => {
    const choice = { title: "Review", sectionTitle: "Part 1", weekStart: 1, weekEnd: 2, group: "Lab 1" };
    const error = new UserError("item.ambiguous", {
      choices: [
        { ...choice, ordinal: 4_160 },
        { ...choice, ordinal: 12_999 },
      ],
      unlisted: 0,
    });
    const text = renderUserError(translatorFor(language), error);
    expect(text).toContain("Part 1 · Lab 1 · #4160); **Review** (");
    expect(text).toContain("Part 1 · Lab 1 · #12999).");
  });

  it("counts the items the service did not list with those that did not fit", () => {
    const choices = Array.from({ length: 75 }, (_, index) => ({
      title: "Review",
      sectionTitle: `Part ${index + 1}`,
      weekStart: 1,
      weekEnd: 2,
      group: null,
      ordinal: null,
    }));
    const text = renderUserError(translatorFor("en"), new UserError("item.ambiguous", { choices, unlisted: 4_925 }));
    const lines = (/Several items match: (.*)\. Pick one/.exec(text)?.[1] ?? "").split("; ");
    const shown = lines.length - 1;
    expect(lines[0]).toBe("**Review** (Weeks 1-2 · Part 1)");
    expect(lines.at(-1)).toBe(`…and ${(5_000 - shown).toLocaleString("en-GB")} more`);
  });
});
