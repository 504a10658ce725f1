import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EmulatorMessage } from "../../src/emulator/MessageService.js";
import { startBotHarness, tickAt, visibleText, type BotHarness } from "../helpers/botHarness.js";
import { rankedCohort, runCommand } from "../helpers/rankedCohort.js";

/**
 * An admin makes a cohort's board more private mid-course (`/cohort edit leaderboard:aliases`, then `off`): the boards
 * already in the channel (last week's final board, this week's post with "Week 1 top five") stop naming members, as
 * they do when a member hides themselves. The cohort starts Monday 2027-01-04; Ada > Bob > Cy read in week 1.
 */
const cohortName = "Tightened Spring";

describe("a cohort's board made more private redraws the boards already posted", () => {
  let bot: BotHarness;

  const channelText = () => bot.emulator.channelMessages(bot.channel.id).map(visibleText).join("\n");
  const weekTwoPost = (): EmulatorMessage => {
    const post = bot.emulator.channelMessages(bot.channel.id).find((message) => visibleText(message).includes("Week 1 top five"));
    if (post === undefined) throw new Error("no week-2 post with week 1's top five");
    return post;
  };

  beforeAll(async () => {
    bot = await startBotHarness({ now: new Date("2027-01-05T10:00:00Z") });
    await rankedCohort(bot, cohortName);
    await tickAt(bot, "2027-01-05T10:00:00Z");
    // Week 1's board goes final, and week 2's post shows its top five, by name.
    await tickAt(bot, "2027-01-11T09:00:00Z");
    expect(visibleText(weekTwoPost())).toContain("🥇 **Ada**");
    expect(channelText()).toContain("🏆 Week 1 leaderboard · final");
  }, 120_000);
  afterAll(async () => bot.close());

  it("aliases: no board in the channel names a member any more", async () => {
    await runCommand(bot, bot.admin.id, "cohort edit", { cohort: cohortName, leaderboard: "aliases" });
    await tickAt(bot, "2027-01-11T09:05:00Z");
    const text = channelText();
    for (const name of ["Ada", "Bob", "Cy"]) expect(text).not.toContain(`**${name}**`);
    expect(visibleText(weekTwoPost())).toMatch(/🥇 \*Member \d+\* · 98 pts/);
  });

  it("off: the boards in the channel say the cohort keeps its board private", async () => {
    await runCommand(bot, bot.admin.id, "cohort edit", { cohort: cohortName, leaderboard: "off" });
    await tickAt(bot, "2027-01-11T09:10:00Z");
    const post = visibleText(weekTwoPost());
    expect(post).not.toContain("Member");
    expect(post).toContain("keeps its leaderboard private now");
  });
});

describe("an ended cohort's board made more private redraws its closing post", () => {
  let bot: BotHarness;
  const closingPost = (): string => {
    const post = bot.emulator.channelMessages(bot.channel.id).find((message) => visibleText(message).includes("🏆 Final leaderboard"));
    if (post === undefined) throw new Error("no closing post");
    return visibleText(post);
  };

  beforeAll(async () => {
    bot = await startBotHarness({ now: new Date("2027-01-05T10:00:00Z") });
    await rankedCohort(bot, cohortName);
    await runCommand(bot, bot.admin.id, "cohort end", { cohort: cohortName });
    await tickAt(bot, "2027-01-05T10:01:00Z");
    expect(closingPost()).toContain("**Ada**");
  }, 120_000);
  afterAll(async () => bot.close());

  it("aliases: the final board in the channel names nobody", async () => {
    await runCommand(bot, bot.admin.id, "cohort edit", { cohort: cohortName, leaderboard: "aliases" });
    await tickAt(bot, "2027-01-05T10:05:00Z");
    const text = closingPost();
    for (const name of ["Ada", "Bob", "Cy"]) expect(text).not.toContain(`**${name}**`);
    expect(text).toMatch(/🥇 \*Member \d+\* · 98 pts/);
  });
});
