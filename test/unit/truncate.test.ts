import { describe, expect, it } from "vitest";
import { truncate } from "../../src/discord/render/format.js";

describe("truncate", () => {
  it("keeps a text that fits as it is", () => {
    expect(truncate("Ada 🇪🇸", 8)).toBe("Ada 🇪🇸");
  });

  it("cuts a long text to max units with an ellipsis last", () => {
    expect(truncate("abcdefghij", 5)).toBe("abcd…");
  });

  it.each([
    ["a flag", "🇪🇸"],
    ["a ZWJ sequence", "👩‍💻"],
    ["a skin tone", "👍🏽"],
  ])("drops %s whole rather than cutting inside it", (_kind, emoji) => {
    const text = `Ada ${emoji}${emoji} Lovelace`;
    for (let max = 5; max < 4 + emoji.length * 2; max += 1) {
      const cut = truncate(text, max);
      expect(cut.length).toBeLessThanOrEqual(max);
      const kept = cut.slice(0, -1);
      expect([`Ada `, `Ada ${emoji}`]).toContain(kept);
      expect(cut.endsWith("…")).toBe(true);
    }
  });

  it("keeps an emoji that fits whole before the cut", () => {
    expect(truncate("👩‍💻 writes code", "👩‍💻".length + 1)).toBe("👩‍💻…");
  });
});
