import { beforeAll, describe, expect, it } from "vitest";
import { useBotHarness, visibleText } from "../helpers/botHarness.js";
import { rankedCohort, runCommand, type RankedCohort } from "../helpers/rankedCohort.js";

/**
 * A member who changes their name on the server is shown under it once they use the bot again: the boards keep the
 * name the member last used the bot under, not the one they had at /join.
 */
describe("a member who renames themselves", () => {
  const harness = useBotHarness({ now: new Date("2027-01-05T10:00:00Z") });
  let people: RankedCohort["people"];
  const cohortName = "Renames";

  beforeAll(async () => {
    ({ people } = await rankedCohort(harness.bot, cohortName));
  }, 120_000);

  it("is shown on the board under the new name after /today", async () => {
    const { bot } = harness;
    bot.emulator.setMemberNick(bot.guild.id, people.bob.id, "Roberto");
    await runCommand(bot, people.bob.id, "today");
    const board = visibleText(await runCommand(bot, people.ada.id, "leaderboard", { period: "all" }));
    expect(board).toContain("🥈 **Roberto**");
    expect(board).not.toContain("Bob");
  });

  it("is shown under their account's name again once the nickname is cleared, after /done", async () => {
    const { bot } = harness;
    bot.emulator.setMemberNick(bot.guild.id, people.bob.id, null);
    await runCommand(bot, people.bob.id, "done", { item: "Storage Engines" });
    const board = visibleText(await runCommand(bot, people.ada.id, "leaderboard", { period: "all" }));
    expect(board).toContain("**Bob**");
    expect(board).not.toContain("Roberto");
  });
});
