import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBotHarness, visibleText, type BotHarness } from "../helpers/botHarness.js";
import { rankedCohort, runCommand, type RankedCohort } from "../helpers/rankedCohort.js";

/**
 * QA probe. A member hidden from the boards takes no place in the ranking (README, Privacy), and
 * `/leaderboard` tells them "hidden from the board · you would be #3". `/progress` (its text, its card's
 * alt text) shows "Rank: #3 of 2": a rank past the number of ranked members, counted without them.
 */
describe("QA: /progress rank of a member who takes no place on the boards (hidden or excluded)", () => {
  let bot: BotHarness;
  let people: RankedCohort["people"];
  beforeAll(async () => {
    bot = await startBotHarness({ now: new Date("2027-01-05T10:00:00Z") });
    // Ada > Bob > Cy on points.
    ({ people } = await rankedCohort(bot, "Hidden Ranks"));
  }, 120_000);
  afterAll(async () => bot.close());

  const rankOf = (text: string) => {
    const match = /Rank: \*\*#(\d+)\*\* of (\d+)/.exec(text);
    if (match === null) throw new Error(`no rank in:\n${text}`);
    return { rank: Number(match[1]), of: Number(match[2]) };
  };

  it("never says a rank beyond the members it is counted among", async () => {
    await runCommand(bot, people.cy.id, "privacy", { leaderboard: "hidden" });
    const board = visibleText(await runCommand(bot, people.cy.id, "leaderboard", { period: "all" }));
    expect(board).toContain("you would be #3");

    const progress = await runCommand(bot, people.cy.id, "progress");
    const { rank, of } = rankOf(visibleText(progress));
    expect(rank).toBe(3);
    expect(rank).toBeLessThanOrEqual(of);
    const alt = progress.attachments[0]?.description ?? "";
    expect(alt).not.toContain("rank #3 of 2");
  });

  it("gives no rank to a member the exclude_role keeps off every board, as /leaderboard says", async () => {
    const roleId = bot.emulator.createRole(bot.guild.id, { name: "Facilitators" }).id;
    await runCommand(bot, bot.admin.id, "cohort edit", { cohort: "Hidden Ranks", exclude_role: roleId });
    bot.emulator.setMemberRoles(bot.guild.id, people.ada.id, [roleId]);
    const board = visibleText(await runCommand(bot, people.ada.id, "leaderboard", { period: "all" }));
    expect(board).toContain("not ranked in this cohort");

    const progress = visibleText(await runCommand(bot, people.ada.id, "progress"));
    expect(progress).not.toMatch(/Rank: \*\*#\d+/);
  });
});
