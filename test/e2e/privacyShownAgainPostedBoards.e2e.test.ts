import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBotHarness, tickAt, visibleText, type BotHarness } from "../helpers/botHarness.js";
import { rankedCohort, runCommand, type RankedCohort } from "../helpers/rankedCohort.js";

/**
 * A member who hid themselves and then chose to be shown by name again is back on the boards already posted, as
 * `/leaderboard` shows them: the hiding redrew those boards without them, and the way back redraws them too. The
 * cohort starts Monday 2027-01-04; Ada > Bob > Cy read in week 1.
 */
const cohortName = "Shown Again";

describe("/privacy leaderboard:name after hidden puts the member back on the boards already posted", () => {
  let bot: BotHarness;
  let people: RankedCohort["people"];

  const postWith = (text: string): string => {
    const post = bot.emulator.channelMessages(bot.channel.id).find((message) => visibleText(message).includes(text));
    if (post === undefined) throw new Error(`no post with ${text}`);
    return visibleText(post);
  };
  const choose = (leaderboard: string, at: string) =>
    runCommand(bot, people.ada.id, "privacy", { leaderboard }).then(async () => tickAt(bot, at));

  beforeAll(async () => {
    bot = await startBotHarness({ now: new Date("2027-01-05T10:00:00Z") });
    ({ people } = await rankedCohort(bot, cohortName));
    await tickAt(bot, "2027-01-05T10:00:00Z");
    await tickAt(bot, "2027-01-11T09:00:00Z");
    expect(postWith("Week 1 top five")).toContain("🥇 **Ada**");
  }, 120_000);
  afterAll(async () => bot.close());

  it("on the weekly post's top five", async () => {
    await choose("hidden", "2027-01-11T09:05:00Z");
    expect(postWith("Week 1 top five")).not.toContain("Ada");
    await choose("name", "2027-01-11T09:10:00Z");
    expect(postWith("Week 1 top five")).toContain("🥇 **Ada** · 98 pts");
  });

  it("on the closing post's final board", async () => {
    await runCommand(bot, bot.admin.id, "cohort end", { cohort: cohortName });
    await tickAt(bot, "2027-01-11T09:12:00Z");
    expect(postWith("🏆 Final leaderboard")).toContain("🥇 **Ada**");
    await choose("alias", "2027-01-11T09:15:00Z");
    expect(postWith("🏆 Final leaderboard")).not.toContain("**Ada**");
    await choose("name", "2027-01-11T09:20:00Z");
    expect(postWith("🏆 Final leaderboard")).toContain("🥇 **Ada** · 98 pts");
  });
});
