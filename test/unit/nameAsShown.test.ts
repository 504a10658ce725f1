import { describe, expect, it } from "vitest";
import { cohortNameKey } from "../../src/domain/cohort/cohortNameKey.js";
import { lookAlikeNames } from "../../src/domain/cohort/lookAlikeNames.js";
import { nameAsShown } from "../../src/domain/text/nameAsShown.js";

describe("a cohort name as it shows", () => {
  it("reads spaces around a dropped invisible character as one space", () => {
    expect(nameAsShown(" Spring \u200b 2027\u202e ")).toBe("Spring 2027");
    expect(nameAsShown("Cafe\u0301\u00a0\u00a0Club")).toBe("Caf\u00e9 Club");
  });

  it("keys a name with an invisible character between spaces as the name without it", () => {
    expect(cohortNameKey("Spring \u200b 2027")).toBe(cohortNameKey("spring 2027"));
  });

  it("tells apart by id two names that show the same once an invisible character between spaces is dropped", () => {
    const names = lookAlikeNames([
      { id: 1, name: "Spring 2027" },
      { id: 2, name: "Spring \u200b 2027" },
      { id: 3, name: "Autumn" },
    ]);
    expect(names).toEqual(["Spring 2027 #1", "Spring \u200b 2027 #2", "Autumn"]);
  });

  it("lets the caller fit each name around its id, given only to the names that show alike", () => {
    const cohorts = [
      { id: 1, name: "Spring 2027" },
      { id: 2, name: "Spring \u200b 2027" },
      { id: 3, name: "Autumn 2027" },
    ];
    expect(lookAlikeNames(cohorts, (name, idSuffix) => `${name.slice(0, 6)}${idSuffix}`)).toEqual(["Spring #1", "Spring #2", "Autumn"]);
  });
});
