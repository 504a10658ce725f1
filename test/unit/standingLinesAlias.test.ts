import { describe, expect, it } from "vitest";
import { translatorFor } from "../../src/discord/i18n/Translator.js";
import { standingLines } from "../../src/discord/render/standingLines.js";
import type { LeaderboardEntry } from "../../src/services/StudyService.js";

/**
 * An alias ("Member 1") and the "A member" stand-in are written apart from any name a member can choose: a member
 * whose display name is "Member 1" and the member whose alias is Member 1 get different lines on one board, and no
 * name, escaped by the one rule, can write itself as an alias is written.
 */
describe("alias lines on a board", () => {
  const entry = (memberId: number, rank: number, shown: LeaderboardEntry["shown"]): LeaderboardEntry => ({
    memberId,
    rank,
    points: 10,
    shown,
    isCaller: false,
  });

  it("tells a member named 'Member 1' from the member whose alias is Member 1", () => {
    for (const language of ["en", "es"] as const) {
      const t = translatorFor(language);
      const alias = t.plain("leaderboard.alias", { alias: 1 });
      const [named, aliased] = standingLines(t, [
        entry(1, 1, { kind: "name", displayName: alias }),
        entry(2, 1, { kind: "alias", alias: 1 }),
      ]);
      expect(named).not.toBe(aliased);
      expect(named).toBe(`🥇 **${alias}** · 10 pts`);
      expect(aliased).toBe(`🥇 *${alias}* · 10 pts`);
    }
  });

  it("writes the 'A member' stand-in as an alias is written, and a name typed like one stays a name", () => {
    const t = translatorFor("en");
    const [blank, named, starred, underscored] = standingLines(t, [
      entry(1, 1, { kind: "name", displayName: "  " }),
      entry(2, 2, { kind: "name", displayName: "A member" }),
      entry(3, 3, { kind: "name", displayName: "*Member 1*" }),
      entry(4, 4, { kind: "name", displayName: "_Member 1_" }),
    ]);
    expect(blank).toBe("🥇 *A member* · 10 pts");
    expect(named).toBe("🥈 **A member** · 10 pts");
    expect(starred).toBe("🥉 **\\*Member 1\\*** · 10 pts");
    expect(underscored).toBe("4\\. **\\_Member 1\\_** · 10 pts");
  });
});
