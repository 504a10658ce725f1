import { describe, expect, it } from "vitest";
import { codePointCount, echoedValue, leadingCharacters, shortenedText, trailingCharacters } from "../../src/domain/text/characters.js";

const family = "👨‍👩‍👧";

describe("cutting text on whole characters, counted as Discord counts them", () => {
  it("counts an emoji or a bold letter as one character", () => {
    expect(codePointCount("𝐁🚀a")).toBe(3);
  });

  it("keeps the start of a long value without half a letter, a flag or a family", () => {
    expect(echoedValue(`x${"𝐁".repeat(120)}`)).toBe(`x${"𝐁".repeat(99)}`);
    expect(leadingCharacters(`${"a".repeat(8)}🇫🇷 and more`, 9)).toBe("a".repeat(8));
    // The family straddles the end of the part looked at: left out whole, never cut.
    expect(leadingCharacters(`${"a".repeat(20)}${family}${"b".repeat(50)}`, 22)).toBe("a".repeat(20));
    expect(leadingCharacters(`${"a".repeat(20)}${family}${"b".repeat(50)}`, 26)).toBe(`${"a".repeat(20)}${family}b`);
  });

  it("shortens with an ellipsis before a flag the cut would split, as quoted excerpts and repeated user text do", () => {
    expect(shortenedText(`${"a".repeat(68)}🇫🇷 more`, 70)).toBe(`${"a".repeat(68)}…`);
  });

  it("keeps the end of a name without half a flag", () => {
    expect(trailingCharacters(`start 🇫🇷🇩🇪`, 3)).toBe("🇩🇪");
    expect(trailingCharacters("short", 10)).toBe("short");
  });
});
