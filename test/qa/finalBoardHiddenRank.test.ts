import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBotHarness, visibleText, type BotHarness } from "../helpers/botHarness.js";
import { rankedCohort, runCommand, type RankedCohort } from "../helpers/rankedCohort.js";

/**
 * QA probe. Hidden members take no place in the ranking, "so the members below move up and no rank has a
 * gap that would point at them" (README, Privacy). The closing post's final board follows that rule, but
 * once it is kept, a member's own rank (the /leaderboard caller line, /progress) is counted among every
 * member's finalPoints (CohortRepository.finalStanding), hidden ones included: the board's #1 is told "#2 of 3".
 */
describe("QA: own rank after the closing post, with a hidden member above", () => {
  let bot: BotHarness;
  let people: RankedCohort["people"];
  const cohortName = "Final Ranks";

  beforeAll(async () => {
    bot = await startBotHarness({ now: new Date("2027-01-05T10:00:00Z") });
    // Ada > Bob > Cy on points; Ada hides before the course ends.
    ({ people } = await rankedCohort(bot, cohortName));
    await runCommand(bot, people.ada.id, "privacy", { leaderboard: "hidden" });
    bot.clock.set(new Date("2027-01-13T10:00:00Z"));
    await runCommand(bot, bot.admin.id, "cohort end", { cohort: cohortName });
    bot.clock.set(new Date("2027-01-13T10:01:00Z"));
    await bot.test.app.scheduler.tick(bot.clock.now());
  }, 120_000);
  afterAll(async () => bot.close());

  it("the closing post ranks Bob first among the two ranked members", () => {
    const closing = bot.emulator
      .channelMessages(bot.channel.id)
      .map((message) => visibleText(message))
      .find((text) => text.includes("Final leaderboard"));
    expect(closing).toContain("🥇 **Bob**");
    expect(closing).not.toContain("Ada");
  });

  it("Bob's own rank on the kept final board is the #1 the board shows", async () => {
    const board = visibleText(await runCommand(bot, people.bob.id, "leaderboard"));
    expect(board).toContain("🥇 **Bob**");
    expect(board).toContain("**Bob**: #1 of 2");
    const progress = visibleText(await runCommand(bot, people.bob.id, "progress"));
    expect(progress).toContain("Rank: **#1** of 2");
  });
});
