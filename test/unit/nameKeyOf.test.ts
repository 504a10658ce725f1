import { describe, expect, it } from "vitest";
import { currentNameKeyRule, nameKeyOf } from "../../src/domain/text/plainUserText.js";
import { translatorFor } from "../../src/discord/i18n/Translator.js";

describe("a member's name key: their display name as replies show it", () => {
  it("drops what shows nothing, so names that read alike share a key", () => {
    expect(nameKeyOf("Al\u200bex")).toBe("Alex");
    expect(nameKeyOf("\u202eAlex\u2066")).toBe("Alex");
    expect(nameKeyOf("Alex\u00ad")).toBe("Alex");
  });

  it('writes an accent one way: "é" typed as one character or as e and an accent is one key', () => {
    expect(nameKeyOf("Jos\u00e9")).toBe("Jos\u00e9");
    expect(nameKeyOf("Jose\u0301")).toBe("Jos\u00e9");
  });

  it("leaves out the spaces around a name (an invisible character before them too), and keeps those inside it", () => {
    expect(nameKeyOf("  Sam  ")).toBe("Sam");
    expect(nameKeyOf("\tSam \u200b")).toBe("Sam");
    expect(nameKeyOf("Sam  Lee")).toBe("Sam  Lee");
  });

  it("is the Translator's plain rule for user text, trimmed, NFC, in every language", () => {
    for (const name of ["Sam #1", "Ana\u200b María", " Jose\u0301\r\n", "<@123> *bold*", "x".repeat(2_100)])
      for (const language of ["en", "es"] as const)
        expect(nameKeyOf(name)).toBe(translatorFor(language).plainUser(name).trim().normalize("NFC"));
  });
});

describe("the name key's rule version", () => {
  it("is bumped whenever the rule's output changes: keys stored by the old rule are then filled again", () => {
    // Pinned on purpose: when one of these changes, bump currentNameKeyRule with it (and note it in the README).
    const samples = ["Sam", " Sam #1 ", "Al\u200bex", "Jose\u0301", "\u202eKim\u2066", "Ana\tMaría\r\n", "<@1> *b*"];
    expect([currentNameKeyRule, ...samples.map(nameKeyOf)]).toEqual([
      1,
      "Sam",
      "Sam #1",
      "Alex",
      "Jos\u00e9",
      "Kim",
      "Ana Mar\u00eda",
      "<@1> *b*",
    ]);
  });
});
