import { describe, expect, it } from "vitest";
import type { CurriculumSummary } from "../../src/domain/curriculum/storedCurriculum.js";
import { findCurriculumByOption } from "../../src/services/findCurriculumByOption.js";
import { editDistance } from "../../src/domain/editDistance.js";
import { closeTimeZones, knownTimeZones } from "../../src/domain/schedule/closeTimeZones.js";
import { isAbbreviatedTimeZone } from "../../src/domain/schedule/localTime.js";
import { TIME_ZONE_ALIASES } from "../../src/domain/schedule/timeZoneAliases.js";
import { suggestTimeZones } from "../../src/services/suggestTimeZones.js";
import { typedTimeZone } from "../../src/services/typedTimeZone.js";
import { choiceNameWithSuffix, truncateChoiceName } from "../../src/services/CohortService.js";

const builtIn: CurriculumSummary = { id: 1, slug: "backend-path", title: "Backend Path", totalWeeks: 12, scope: "" };
const other: CurriculumSummary = { id: 2, slug: "frontend-path", title: "Frontend Path", totalWeeks: 8, scope: "" };
const guildOwn: CurriculumSummary = { id: 3, slug: "backend-path", title: "Our Backend Path", totalWeeks: 10, scope: "900000000000000001" };

describe("findCurriculumByOption", () => {
  it("finds a curriculum by slug, as autocomplete sends it", () => {
    expect(findCurriculumByOption([builtIn, other], "frontend-path")).toBe(other);
  });

  it("finds a slug or title typed by hand in any case", () => {
    expect(findCurriculumByOption([builtIn, other], "  FRONTEND-PATH ")).toBe(other);
    expect(findCurriculumByOption([builtIn, other], "backend path")).toBe(builtIn);
  });

  it("prefers the server's own import over a built-in of the same slug", () => {
    expect(findCurriculumByOption([builtIn, guildOwn], "backend-path")).toBe(guildOwn);
  });

  it("finds nothing for unknown or empty values", () => {
    expect(findCurriculumByOption([builtIn, other], "basket-weaving")).toBeNull();
    expect(findCurriculumByOption([builtIn, other], "   ")).toBeNull();
    expect(findCurriculumByOption([], "backend-path")).toBeNull();
  });

  it("finds a title holding invisible characters by the title as it shows, typed in other capitals or spacing", () => {
    const hidden: CurriculumSummary = { id: 5, slug: "zerowidth-path", title: "Zero\u200bwidth Path", totalWeeks: 4, scope: "" };
    expect(findCurriculumByOption([builtIn, hidden], "Zerowidth Path")).toBe(hidden);
    expect(findCurriculumByOption([builtIn, hidden], "zerowidth  PATH")).toBe(hidden);
  });

  it("refuses a title two different curricula share", () => {
    const twin: CurriculumSummary = { id: 4, slug: "backend-path-2", title: "Backend Path", totalWeeks: 6, scope: "" };
    expect(findCurriculumByOption([builtIn, twin], "Backend Path")).toBeNull();
  });
});

describe("suggestTimeZones", () => {
  it("finds zones by city, best match first", () => {
    expect(suggestTimeZones("berlin").map((choice) => choice.value)).toEqual(["Europe/Berlin"]);
    expect(suggestTimeZones("America/New")[0]?.value).toBe("America/New_York");
  });

  it("offers UTC first and at most 25 choices", () => {
    const choices = suggestTimeZones("");
    expect(choices[0]).toEqual({ name: "UTC", value: "UTC" });
    expect(choices).toHaveLength(25);
  });

  it("offers the zone an accepted alias is stored as first, named with the alias typed", () => {
    for (const [typed, zone, name] of [
      ["GMT", "UTC", "UTC (GMT)"],
      ["gmt", "UTC", "UTC (GMT)"],
      ["Zulu", "UTC", "UTC (Zulu)"],
      ["Etc/UTC", "UTC", "UTC (Etc/UTC)"],
      ["US/Eastern", "America/New_York", "America/New_York (US/Eastern)"],
      ["Japan", "Asia/Tokyo", "Asia/Tokyo (Japan)"],
      ["EST5EDT", "America/New_York", "America/New_York (EST5EDT)"],
    ] as const) {
      const [first] = suggestTimeZones(typed);
      expect(first).toEqual({ name, value: zone });
      expect(typedTimeZone(typed)).toBe(zone);
    }
    expect(suggestTimeZones("UTC")[0]).toEqual({ name: "UTC", value: "UTC" });
  });

  it("offers the fixed-offset Etc/GMT zones with the offset they mean, the sign the other way round", () => {
    expect(suggestTimeZones("Etc/GMT+5")[0]).toEqual({ name: "Etc/GMT+5 (UTC-05:00)", value: "Etc/GMT+5" });
    expect(suggestTimeZones("Etc/GMT-14")[0]).toEqual({ name: "Etc/GMT-14 (UTC+14:00)", value: "Etc/GMT-14" });
    expect(typedTimeZone("Etc/GMT+5")).toBe("Etc/GMT+5");
  });

  it("offers first the fixed-offset zone an offset typed as UTC+5 or GMT-3 means, not its mirror image", () => {
    // "UTC+5" is not accepted, but the zone it means is offered first, its label telling it from Etc/GMT+5.
    for (const [typed, zone, name] of [
      ["UTC+5", "Etc/GMT-5", "Etc/GMT-5 (UTC+05:00)"],
      ["UTC-5", "Etc/GMT+5", "Etc/GMT+5 (UTC-05:00)"],
      ["utc +5:00", "Etc/GMT-5", "Etc/GMT-5 (UTC+05:00)"],
      ["GMT-3", "Etc/GMT+3", "Etc/GMT+3 (UTC-03:00)"],
      ["GMT+14", "Etc/GMT-14", "Etc/GMT-14 (UTC+14:00)"],
      ["UTC-12", "Etc/GMT+12", "Etc/GMT+12 (UTC-12:00)"],
      ["UTC+0", "UTC", "UTC"],
    ] as const)
      expect(suggestTimeZones(typed)[0], typed).toEqual({ name, value: zone });
    expect(suggestTimeZones("UTC+5")).not.toEqual(suggestTimeZones("UTC-5"));
  });

  it("offers only what /cohort create and /remind accept, each zone once, within Discord's limits", () => {
    for (const typed of ["GMT", "Etc/GMT", "etc", "US", "Canada", "Australia", "UTC", "", "a", "EST", "CET", "Kolkata"]) {
      const choices = suggestTimeZones(typed);
      expect(choices.length).toBeLessThanOrEqual(25);
      expect(new Set(choices.map((choice) => choice.value)).size).toBe(choices.length);
      for (const choice of choices) {
        expect(choice.name.length).toBeLessThanOrEqual(100);
        expect(typedTimeZone(choice.value)).toBe(choice.value);
      }
    }
    // "EST" alone is refused (ICU reads it as Panama): never offered by that name.
    expect(suggestTimeZones("EST").map((choice) => choice.name)).not.toContain("America/Panama (EST)");
    expect(suggestTimeZones("Etc/GMT")).toHaveLength(25);
  });

  it("offers each listed alias, typed as it is, first, as the zone it is stored as: no entry is dead", () => {
    // An abbreviation is refused by /cohort create and /remind, so it has no place in the list; every other entry is
    // accepted here and stored as a zone the runtime lists, the value autocomplete offers first for it.
    for (const alias of TIME_ZONE_ALIASES) {
      expect(isAbbreviatedTimeZone(alias), alias).toBe(false);
      const zone = typedTimeZone(alias);
      expect(knownTimeZones(), alias).toContain(zone);
      expect(suggestTimeZones(alias)[0]?.value, alias).toBe(zone);
    }
    expect(TIME_ZONE_ALIASES).toEqual(expect.arrayContaining(["US/Pacific-New", "Canada/East-Saskatchewan"]));
  });

  it("offers nothing for text that names no zone", () => {
    expect(suggestTimeZones("Atlantis")).toEqual([]);
    expect(suggestTimeZones("Narnia")).toEqual([]);
  });
});

describe("closeTimeZones", () => {
  it("finds a city by its current name where the runtime lists the zone under an older one", () => {
    for (const [typed, listed] of [
      ["Kolkata", "Asia/Calcutta"],
      ["Asia/Kolkatta", "Asia/Calcutta"],
      ["Kyiv", "Europe/Kiev"],
      ["Nuuk", "America/Godthab"],
      ["Ho Chi Minh", "Asia/Saigon"],
    ] as const) {
      expect(closeTimeZones(typed)).toEqual([listed]);
      expect(suggestTimeZones(typed).map((choice) => choice.value)).toEqual([listed]);
    }
  });

  it("suggests the zones a typo away and nothing far off", () => {
    expect(closeTimeZones("Europe/Berln")).toEqual(["Europe/Berlin"]);
    expect(closeTimeZones("Amercia/Chicago")).toEqual(["America/Chicago"]);
    expect(closeTimeZones("Nowhere/Land")).toEqual([]);
  });

  it("finds a city typed with the accents its zone name lacks", () => {
    expect(closeTimeZones("Zürch")).toEqual(["Europe/Zurich"]);
    expect(closeTimeZones("Tōkyō")).toEqual(["Asia/Tokyo"]);
    expect(closeTimeZones("Ürümqi")).toEqual(["Asia/Urumqi"]);
    expect(closeTimeZones("América/Bogotá")).toEqual(["America/Bogota"]);
    expect(suggestTimeZones("Zürch").map((choice) => choice.value)).toEqual(["Europe/Zurich"]);
  });

  it("reads a name as typed before reading it without accents, so a city typed with one does not also bring the cities a letter further", () => {
    expect(closeTimeZones("Lomé")).toEqual(["Africa/Lome"]);
    expect(closeTimeZones("Zürich")).toEqual(["Europe/Zurich"]);
  });
});

describe("editDistance", () => {
  it("counts letters added, dropped or changed, and a swap of neighbours as one", () => {
    expect(editDistance("berln", "berlin", 2)).toBe(1);
    expect(editDistance("amercia", "america", 2)).toBe(1);
    expect(editDistance("kitten", "sitting", 3)).toBe(3);
    expect(editDistance("same", "same", 0)).toBe(0);
  });

  it("answers one past the limit for anything farther", () => {
    expect(editDistance("kitten", "sitting", 1)).toBe(2);
    expect(editDistance("abcdef", "uvwxyz", 2)).toBe(3);
    expect(editDistance("a", "abcdef", 2)).toBe(3);
  });
});

describe("truncateChoiceName", () => {
  it("cuts a long name to Discord's 100 characters without splitting an emoji into half a character", () => {
    const title = `${"a".repeat(98)}🚀 and more words after the rocket`;
    const name = truncateChoiceName(title);
    // Discord counts code points: the rocket is one character.
    expect(name).toBe(`${"a".repeat(98)}🚀…`);
    // No lone half of a surrogate pair: encoding it to UTF-8 and back changes nothing.
    expect(new TextDecoder().decode(new TextEncoder().encode(name))).toBe(name);
    expect(name.endsWith("…")).toBe(true);
    expect(truncateChoiceName("Short 🚀")).toBe("Short 🚀");
  });

  it("cuts between whole characters as people see them: never inside a family emoji or a letter with its accent", () => {
    const family = "👨\u200d👩\u200d👧";
    expect(truncateChoiceName(`${"a".repeat(95)}${family} more`)).toBe(`${"a".repeat(95)}…`);
    expect(truncateChoiceName(`${"a".repeat(98)}e\u0301 more`)).toBe(`${"a".repeat(98)}…`);
  });
});

describe("choiceNameWithSuffix", () => {
  it("cuts a long name, not its suffix, to fit the limit", () => {
    const name = choiceNameWithSuffix("a".repeat(120), " #12345");
    expect(name).toBe(`${"a".repeat(92)}… #12345`);
    expect(name).toHaveLength(100);
    expect(choiceNameWithSuffix("Spring 2027 evening group", " #7", 12)).toBe("Spring 2… #7");
  });

  it("leaves a name that fits as it is, with or without a suffix", () => {
    expect(choiceNameWithSuffix("Spring", " #3", 40)).toBe("Spring #3");
    expect(choiceNameWithSuffix("Spring", "")).toBe("Spring");
  });
});
