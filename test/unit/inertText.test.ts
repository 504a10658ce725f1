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

  it("takes Unicode's line and paragraph separators for line breaks: what follows cannot start a heading, quote or list", () => {
    expect(inertText("Cohort\u2028# Free Nitro")).toBe("Cohort\n\\# Free Nitro");
    expect(inertText("a\u2029> quoted\u2028- item")).toBe("a\n\\> quoted\n\\- item");
    expect(inertText("a\u2028b", TextTarget.Plain)).toBe("a\nb");
  });

  it("is applied by the translator to every bare string parameter, never to markup", () => {
    const en = translatorFor("en");
    const sentence = en.t("cohort.unknown", { value: "[Free Nitro](https://evil.example/claim) <t:9999999999999:f> @everyone" });
    expect(liveMarkup(sentence)).toEqual([]);
    expect(sentence).toContain("\\[Free Nitro\\](https://evil.example/claim) \\<t:9999999999999:f> @\u200beveryone");
    expect(en.t("permissions.channelNotText", { channel: markup("<#333333333333333333>") })).toMatch(/^<#333333333333333333> is not/);
  });
});

/** The rules as written before text without a syntax character skipped them: the shortcut must change no output. */
function inertTheLongWay(text: string, target: TextTarget): string {
  const characters = Array.from(
    text
      .replace(/\r\n?|[\u2028\u2029]/g, "\n")
      .replace(/\t/g, " ")
      .replace(invisibleForTest, ""),
  );
  const visible = characters.length <= maxUserTextLength ? characters.join("") : `${characters.slice(0, maxUserTextLength - 1).join("")}…`;
  if (target === TextTarget.Plain) return visible;
  return visible
    .replace(/[\\*~`|[\]<]|(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu, (character) => `\\${character}`)
    .replace(/^([ \t]*)([#>+-]|\d+(?=\.))/gm, (_line, indent: string, marker: string) =>
      /^\d/.test(marker) ? `${indent}${marker}\\` : `${indent}\\${marker}`,
    )
    .replace(/@(everyone|here)/gi, "@\u200b$1");
}
const invisibleForTest = /(?!\n)\p{Cc}|[\u00ad\u061c\u180e\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff]/gu;

describe("inertText's shortcut for text with nothing to escape", () => {
  it("words every string as the full rules do, in Markdown and plain text", () => {
    // Every character a rule looks at, in every position, between ordinary letters, digits and spaces.
    const alphabet = [
      ...Array.from("ab Z9 1.#>+-_*~`|[]<@\\\t\r\n\u2028\u2029\u0000\u00ad\u200b\u202e\ufeffé😀"),
      "everyone",
      "here",
      "  3.",
    ];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const samples = [...hostileStrings, "x".repeat(maxUserTextLength + 5), "😀".repeat(maxUserTextLength)];
    for (let index = 0; index < 5000; index++) {
      const length = 1 + Math.floor(next() * 8);
      samples.push(Array.from({ length }, () => alphabet[Math.floor(next() * alphabet.length)]).join(""));
    }
    for (const text of samples) {
      expect(inertText(text)).toBe(inertTheLongWay(text, TextTarget.Markdown));
      expect(inertText(text, TextTarget.Plain)).toBe(inertTheLongWay(text, TextTarget.Plain));
    }
  });
});
