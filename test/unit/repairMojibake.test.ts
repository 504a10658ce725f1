import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { repairMojibake } from "../../src/domain/curriculum/repairMojibake.js";

/** Produces the damage independently of the code under test: UTF-8 bytes read by Node's own Mac Roman decoder. */
function toMojibake(text: string): string {
  return new TextDecoder("macintosh").decode(new TextEncoder().encode(text));
}

const MOJIBAKE_MARKERS = ["‚Ä", "üöÄ", "‚Üì", "‚≠ê", "‚úÖ", "\uF8FF"];

describe("repairMojibake", () => {
  it("restores the characters named in the brief", () => {
    expect(repairMojibake("scalability‚Äîespecially")).toBe("scalability—especially");
    expect(repairMojibake("# \uF8FFüöÄ Backend")).toBe("# 🚀 Backend");
    expect(repairMojibake("  ‚Üì Ship it")).toBe("  ↓ Ship it");
    expect(repairMojibake("‚≠ê‚≠ê ‚úÖ")).toBe("⭐⭐ ✅");
  });

  it.each([
    "café crème",
    "naïve résumé",
    "Łódź and Kraków",
    "100 €, 20 °C, ±5 %",
    "日本語のテキスト",
    "→ ↓ ⭐ ✅ — – “quotes” ‘single’ …",
    "🚀📚🎯 emoji",
    "Ünïcödé Œuvre",
  ])("round-trips %s through Mac Roman damage", (original) => {
    const damaged = toMojibake(original);
    expect(damaged).not.toBe(original);
    expect(repairMojibake(damaged)).toBe(original);
  });

  it("repairs every Latin-1 and Latin Extended-A letter and a sweep of three- and four-byte characters", () => {
    const samples: number[] = [];
    for (let codePoint = 0xa0; codePoint <= 0x17f; codePoint++) samples.push(codePoint);
    for (let codePoint = 0x800; codePoint <= 0xfffd; codePoint += 97) {
      if (codePoint < 0xd800 || codePoint > 0xdfff) samples.push(codePoint);
    }
    for (let codePoint = 0x1f300; codePoint <= 0x1faff; codePoint += 13) samples.push(codePoint);
    const failures = samples.filter((codePoint) => {
      const original = `a${String.fromCodePoint(codePoint)}b`;
      return repairMojibake(toMojibake(original)) !== original;
    });
    expect(failures.map((codePoint) => codePoint.toString(16))).toEqual([]);
  });

  it("leaves correctly encoded text alone, including punctuation next to accented letters", () => {
    const correct = "Café — naïve résumé “quoted” «Élysée» —émigré ‘single’ 🚀 ⭐ → ↓ 日本語 Œuvre ‚low quote ñ ü";
    expect(repairMojibake(correct)).toBe(correct);
  });

  it("leaves correct text alone when its only trace of damage is a pair that stands on its own (√π is also ù read as Mac Roman)", () => {
    for (const correct of ["Estimating √π by hand", "x ≈ ∞ and √∑ terms", "Week 1: ¬∂ and √π\n- [ ] Required -- Area ≈ π (10 min)"]) {
      expect(repairMojibake(correct)).toBe(correct);
    }
  });

  it("leaves a maths symbol pair that starts a word alone (√πr is the square root of π times r, not ùr)", () => {
    for (const correct of [
      "Estimating √πx by hand",
      "The area is √πr² here",
      "Week 3: ≈µs latency\n- [ ] Required -- Sums √∑xi (10 min)",
    ]) {
      expect(repairMojibake(correct)).toBe(correct);
    }
  });

  it("still repairs a damaged accented letter at the start of a word", () => {
    for (const original of [
      "Über alles",
      "École",
      "Semana: última lectura",
      "öffentlich",
      "İstanbul trip",
      "íntimo",
      "óptimo",
      "20°C",
      "5µs",
    ]) {
      expect(repairMojibake(toMojibake(original))).toBe(original);
    }
  });

  it("repairs a standalone pair too once the text shows clear damage elsewhere", () => {
    expect(repairMojibake(toMojibake("Caf\u00e9 — à la carte"))).toBe("Caf\u00e9 — à la carte");
    expect(repairMojibake(toMojibake("é importante: não é"))).toBe("é importante: não é");
  });

  it("leaves sequences that are not valid UTF-8 alone", () => {
    const invalid = [
      "‚Ä", // E2 80: truncated three-byte sequence
      "√", // lone lead byte
      "¿Ä", // C0 80: overlong NUL
      "‡ÄÄ", // E0 80 80: overlong
      "Ì†Ä", // ED A0 80: a UTF-16 surrogate
      "ı¿Ä¿", // F5 …: beyond U+10FFFF
    ];
    for (const text of invalid) expect(repairMojibake(text)).toBe(text);
  });

  it("leaves ASCII-only text identical", () => {
    const text = "Week 1-2: Database Fundamentals\n- [ ] Required -- Storage Engines (30 min)\n";
    expect(repairMojibake(text)).toBe(text);
  });

  describe("on the mastery-path seed", () => {
    const damaged = readFileSync(new URL("../../prisma/seed/backend-engineer-mastery-path.txt", import.meta.url), "utf8");
    const repaired = repairMojibake(damaged);

    it("restores the emoji, em dash, stars and arrows", () => {
      expect(repaired).toContain("# 🚀 Backend Engineer - Complete Mastery Path");
      expect(repaired).toContain("scalability—especially critical");
      expect(repaired).toContain("**Market Demand:** ⭐⭐⭐⭐⭐");
      expect(repaired).toContain("Backend Developer → Backend Lead → Technical Architect");
      expect(repaired).toContain("## ✅ Success Checklist");
      expect(repaired.split("\n").filter((line) => line.trim().startsWith("↓"))).toHaveLength(14);
    });

    it("leaves no mojibake and keeps every line where it was", () => {
      for (const marker of MOJIBAKE_MARKERS) expect(repaired).not.toContain(marker);
      expect(repaired.split("\n")).toHaveLength(damaged.split("\n").length);
    });

    it("is idempotent", () => {
      expect(repairMojibake(repaired)).toBe(repaired);
    });
  });
});
