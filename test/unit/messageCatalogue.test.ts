import { describe, expect, it } from "vitest";
import { languageCodes, languages } from "../../src/discord/i18n/languages.js";
import { en } from "../../src/discord/i18n/locales/en.js";
import { messageParameters } from "../helpers/messageParameters.js";

const englishKeys = Object.keys(en).sort();

describe("message catalogue", () => {
  it.each(languageCodes)("%s has every English key and nothing else", (code) => {
    expect(Object.keys(languages[code].catalogue).sort()).toEqual(englishKeys);
  });

  it.each(languageCodes)("%s uses the same ICU parameters as English in every message", (code) => {
    const catalogue: Readonly<Record<string, string>> = languages[code].catalogue;
    const differences: string[] = [];
    for (const key of englishKeys) {
      const expected = Object.fromEntries(messageParameters(en[key as keyof typeof en]));
      const actual = Object.fromEntries(messageParameters(catalogue[key] ?? ""));
      if (JSON.stringify(Object.entries(actual).sort()) !== JSON.stringify(Object.entries(expected).sort())) {
        differences.push(`${key}: ${JSON.stringify(actual)} instead of ${JSON.stringify(expected)}`);
      }
    }
    expect(differences).toEqual([]);
  });

  it("reads parameters and their kinds from the message's syntax tree", () => {
    expect(Object.fromEntries(messageParameters("{count, plural, one {# item of {name}} other {# items}} by {when}"))).toEqual({
      count: "plural",
      name: "argument",
      when: "argument",
    });
    expect(messageParameters("{a}").size).toBe(1);
    expect(() => messageParameters("{a, plural, one {x}")).toThrow();
  });
});
