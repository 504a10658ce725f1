import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBotHarness, visibleText, type BotHarness } from "../helpers/botHarness.js";

/**
 * The 36-week mastery path gives no time estimates, and its long phases leave many weeks without a topic (Phase 2:
 * 2 topics over weeks 5–12). `/week` says a week with nothing assigned has nothing new, as the weekly post does,
 * on every path: never "0 min".
 */
describe("/week in a week without topics on the path without estimates", () => {
  let bot: BotHarness;
  let english = "";
  let spanish = "";
  let timedGap = "";
  let board = "";

  beforeAll(async () => {
    bot = await startBotHarness({ now: new Date("2027-01-01T10:00:00Z") });
    await bot.createCohort({ name: "Mastery", start: "2027-01-04", curriculum: "backend-engineer-complete-mastery-path" });
    const ada = bot.emulator.createMember(bot.guild.id, { username: "ada", locale: "en-US" });
    const ana = bot.emulator.createMember(bot.guild.id, { username: "ana", locale: "es-ES" });
    await bot.reply(ada.id, "join", { cohort: "Mastery" });
    await bot.reply(ana.id, "join", { cohort: "Mastery" });
    english = visibleText(await bot.reply(ada.id, "week", { cohort: "Mastery", number: 10 }));
    spanish = visibleText(await bot.reply(ana.id, "week", { cohort: "Mastery", number: 10 }));
    // A path with estimates whose one item of weeks 1-2 is read in week 1: week 2 has nothing, said as the weekly post says it, not "0 min · 0 items".
    const gapPath = [
      "Gap Path",
      "Weeks 1-2: Basics",
      "- [ ] Required -- Alpha Reading (20 min)",
      "Week 3: More",
      "- [ ] Required -- Beta Reading (20 min)",
    ].join("\n");
    await bot.reply(bot.admin.id, "curriculum import", { file: { name: "gap.md", content: gapPath } });
    await bot.createCohort({ name: "Gap", start: "2027-01-04", curriculum: "gap-path" });
    await bot.reply(ada.id, "join", { cohort: "Gap" });
    timedGap = visibleText(await bot.reply(ada.id, "week", { cohort: "Gap", number: 2 }));
    // In week 1, an admin announces the board.
    bot.clock.set(new Date("2027-01-05T10:00:00Z"));
    await bot.reply(bot.admin.id, "cohort announce", { cohort: "Mastery", kind: "leaderboard" });
    const posted = bot.emulator.channelMessages(bot.channel.id).find((message) => message.embeds[0]?.title?.startsWith("🏆") === true);
    board = posted === undefined ? "" : visibleText(posted);
  }, 120_000);
  afterAll(async () => bot.close());

  it("says it has no topics, with no minutes", () => {
    expect(english).toContain("Mastery · Week 10 of 36");
    expect(english).toContain("Nothing assigned.");
    expect(english).toContain("**Total:** nothing new this week");
    expect(english).not.toContain("0 min");
  });

  it("says in the announced leaderboard that a topic earns 15 points, not its estimated minutes", () => {
    expect(board).toContain("Points come from logged topics: 15 for each, plus 20 % for each done by the end of its day.");
    expect(board).not.toContain("minutes");
  });

  it("says so in Spanish too", () => {
    expect(spanish).toContain("**Total:** nada nuevo esta semana");
    expect(spanish).not.toContain("0 min");
  });

  it("says the same of a week with nothing on a path with estimates", () => {
    expect(timedGap).toContain("Nothing assigned.");
    expect(timedGap).toContain("**Total:** nothing new this week");
    expect(timedGap).not.toContain("0 min");
    expect(timedGap).not.toContain("0 items");
  });
});
