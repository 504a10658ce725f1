import { describe, expect, it } from "vitest";
import { translatorFor } from "../../src/discord/i18n/Translator.js";
import { standingLines } from "../../src/discord/render/standingLines.js";
import type { LeaderboardEntry } from "../../src/services/StudyService.js";

/**
 * A line starting "4. " is a Markdown ordered list to Discord, which numbers its items itself: two members tied at
 * fourth would read "4." and "5.". The place's dot is escaped, so each line shows the place the board gave it.
 */
describe("places past the medals on a board", () => {
  const entry = (memberId: number, rank: number, name: string): LeaderboardEntry => ({
    memberId,
    rank,
    points: 10,
    shown: { kind: "name", displayName: name },
    isCaller: false,
  });

  it("sends a tie at fourth as two escaped '4\\.' lines, in both languages", () => {
    for (const language of ["en", "es"] as const) {
      const t = translatorFor(language);
      const lines = standingLines(t, [entry(1, 4, "Dave"), entry(2, 4, "Erin"), entry(3, 1204, "Finn")]);
      expect(lines[0]?.startsWith("4\\. **Dave**")).toBe(true);
      expect(lines[1]?.startsWith("4\\. **Erin**")).toBe(true);
      expect(lines[2]).toMatch(/^1[.,\u00a0]?204\\\. \*\*Finn\*\*/u);
      for (const line of lines) expect(line).not.toMatch(/^\d[\d.,\u00a0]*\. /u);
    }
  });
});
