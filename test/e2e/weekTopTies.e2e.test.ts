import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBotHarness, visibleText, type BotHarness } from "../helpers/botHarness.js";
import { runCommand } from "../helpers/rankedCohort.js";
import { rankedMembers } from "../helpers/rankedMembers.js";

/**
 * The weekly post's "Week N top five" lists every member ranked in the top five, so a tie at 5th lists all
 * tied there (README: "all tied at 5th are listed"), when the post goes out and when a later privacy change
 * draws it again.
 */
describe("a tie at 5th in the weekly top five", () => {
  let bot: BotHarness;
  let people: Record<"ada" | "bob" | "cy" | "dee" | "eve" | "fay" | "gus", { id: string }>;

  const topFive = () => {
    const post = bot.emulator.channelMessages(bot.channel.id).find((message) => visibleText(message).includes("Week 1 top five"));
    if (post === undefined) throw new Error("no week-2 post with last week's top five");
    return visibleText(post);
  };

  beforeAll(async () => {
    bot = await startBotHarness({ now: new Date("2027-01-05T10:00:00Z") });
    const cohort = await bot.createCohort({ name: "Tied Fifth" });
    // Ranks 1, 2, 3, 4, 5, 5 and 7.
    people = await rankedMembers(bot, cohort, { ada: 6, bob: 5, cy: 4, dee: 3, eve: 2, fay: 2, gus: 1 });
  }, 120_000);
  afterAll(async () => bot.close());

  it("lists both members tied at 5th when the post goes out, and not the 7th", async () => {
    bot.clock.set(new Date("2027-01-11T09:01:00Z"));
    await bot.test.app.scheduler.tick(bot.clock.now());
    const text = topFive();
    expect(text).toContain("**Eve**");
    expect(text).toContain("**Fay**");
    expect(text).not.toContain("Gus");
  });

  it("lists them both again when a privacy change draws the post again", async () => {
    await runCommand(bot, people.ada.id, "privacy", { leaderboard: "alias" });
    bot.clock.set(new Date("2027-01-11T09:05:00Z"));
    await bot.test.app.scheduler.tick(bot.clock.now());
    const text = topFive();
    expect(text).toContain("Member 1");
    expect(text).not.toContain("Ada");
    expect(text).toContain("**Eve**");
    expect(text).toContain("**Fay**");
    expect(text).not.toContain("Gus");
  });
});
