import { describe, expect, it } from "vitest";
import { inertText, maxUserTextLength, TextTarget } from "../../src/discord/i18n/inertText.js";
import { markup, translatorFor } from "../../src/discord/i18n/Translator.js";
import { hostileStrings, liveMarkup } from "../helpers/hostileText.js";

describe("inertText, the one rule for user text", () => {
  it.each(hostileStrings.map((text) => [text.slice(0, 40), text]))("leaves nothing live in %j", (_label, text) => {
    const inert = inertText(text);
    expect(liveMarkup(inert)).toEqual([]);
    expect(Array.from(inert).length).toBeLessThanOrEqual(maxUserTextLength + 200);
  });

  it("keeps ordinary text as typed", () => {
    for (const text of [
      "Storage Engines",
      "Olympus_Mons",
      "C# Basics",
      "Week 1-2: Intro (Part 1)",
      "Café déjà vu",
      "😀 👨\u200d👩\u200d👧",
    ]) {
      expect(inertText(text)).toBe(text);
    }
  });

  it("cuts very long text and strips what hides or reorders text, also as plain text", () => {
    const long = inertText("x".repeat(5000), TextTarget.Plain);
    expect(Array.from(long)).toHaveLength(maxUserTextLength);
    expect(long.endsWith("…")).toBe(true);
    expect(inertText("a\u202eb\u200bc", TextTarget.Plain)).toBe("abc");
  });

  it("is applied by the translator to every bare string parameter, never to markup", () => {
    const en = translatorFor("en");
    const sentence = en.t("cohort.unknown", { value: "[Free Nitro](https://evil.example/claim) <t:9999999999999:f> @everyone" });
    expect(liveMarkup(sentence)).toEqual([]);
    expect(sentence).toContain("\\[Free Nitro\\](https://evil.example/claim) \\<t:9999999999999:f> @\u200beveryone");
    expect(en.t("permissions.channelNotText", { channel: markup("<#333333333333333333>") })).toMatch(/^<#333333333333333333> is not/);
  });
});
