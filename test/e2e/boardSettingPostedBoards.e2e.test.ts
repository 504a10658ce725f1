import { describe, expect, it } from "vitest";
import { useBotHarness, tickAt, visibleText } from "../helpers/botHarness.js";
import { postWith, rankedCohort, rankedCohortWithWeekTwoPosted, runCommand } from "../helpers/rankedCohort.js";

/**
 * An admin changes a cohort's board setting mid-course (`/cohort edit leaderboard:aliases`, then `off`, then back to
 * `names`): the boards already in the channel (last week's final board, this week's post with "Week 1 top five")
 * show members as `/leaderboard` does now, as they do when a member changes how they are shown. The cohort starts
 * Monday 2027-01-04; Ada > Bob > Cy read in week 1.
 */
const cohortName = "Tightened Spring";

describe("a cohort's board setting changed redraws the boards already posted", () => {
  const harness = useBotHarness({ now: new Date("2027-01-05T10:00:00Z") });
  const channelText = () => harness.bot.emulator.channelMessages(harness.bot.channel.id).map(visibleText).join("\n");
  const edit = async (leaderboard: string, at: string) => {
    await runCommand(harness.bot, harness.bot.admin.id, "cohort edit", { cohort: cohortName, leaderboard });
    await tickAt(harness.bot, at);
  };

  it("aliases: no board in the channel names a member any more", async () => {
    await rankedCohortWithWeekTwoPosted(harness.bot, cohortName);
    await edit("aliases", "2027-01-11T09:05:00Z");
    for (const name of ["Ada", "Bob", "Cy"]) expect(channelText()).not.toContain(`**${name}**`);
    expect(postWith(harness.bot, "Week 1 top five")).toMatch(/🥇 \*Member \d+\* · 98 pts/);
  });

  it("off: the boards in the channel say the cohort keeps its board private", async () => {
    await edit("off", "2027-01-11T09:10:00Z");
    const post = postWith(harness.bot, "Week 1 top five");
    expect(post).not.toContain("Member");
    expect(post).toContain("keeps its leaderboard private now");
  });

  // Left private, the posts would flip back to names at the next member's privacy change anyway (a redraw shows
  // the setting of its moment), and /leaderboard would name members the posts hide.
  it("names again: the boards in the channel name members again, as /leaderboard does", async () => {
    await edit("names", "2027-01-11T09:15:00Z");
    expect(postWith(harness.bot, "Week 1 top five")).toContain("🥇 **Ada** · 98 pts");
    expect(postWith(harness.bot, "🏆 Week 1 leaderboard · final")).toContain("🥇 **Ada**");
  });
});

describe("an ended cohort's board made more private redraws its closing post", () => {
  const harness = useBotHarness({ now: new Date("2027-01-05T10:00:00Z") });

  it("aliases: the final board in the channel names nobody", async () => {
    const { bot } = harness;
    await rankedCohort(bot, cohortName);
    await runCommand(bot, bot.admin.id, "cohort end", { cohort: cohortName });
    await tickAt(bot, "2027-01-05T10:01:00Z");
    expect(postWith(bot, "🏆 Final leaderboard")).toContain("**Ada**");
    await runCommand(bot, bot.admin.id, "cohort edit", { cohort: cohortName, leaderboard: "aliases" });
    await tickAt(bot, "2027-01-05T10:05:00Z");
    const text = postWith(bot, "🏆 Final leaderboard");
    for (const name of ["Ada", "Bob", "Cy"]) expect(text).not.toContain(`**${name}**`);
    expect(text).toMatch(/🥇 \*Member \d+\* · 98 pts/);
  });
});
