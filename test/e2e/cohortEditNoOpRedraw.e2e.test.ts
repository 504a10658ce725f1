import { describe, expect, it } from "vitest";
import { tickAt, useBotHarness, visibleText, type BotHarness } from "../helpers/botHarness.js";
import { rankedCohortWithWeekTwoPosted, runCommand } from "../helpers/rankedCohort.js";

const cohortName = "Steady Spring";

/** Requests the bot made for messages of the harness's channel (reads and edits). */
function messageRequests(bot: BotHarness): number {
  const messages = `/channels/${bot.channel.id}/messages/`;
  return bot.emulator.requestLog().filter((entry) => entry.method !== "POST" && entry.path.startsWith(messages)).length;
}

describe("a /cohort edit that changes nothing redraws no board", () => {
  const harness = useBotHarness({ now: new Date("2027-01-05T10:00:00Z") });

  it("leaderboard: and exclude_role: given again as they are leave the live and posted boards alone", async () => {
    const { bot } = harness;
    await rankedCohortWithWeekTwoPosted(bot, cohortName);
    const role = bot.emulator.createRole(bot.guild.id, { name: "Facilitators" });
    await runCommand(bot, bot.admin.id, "cohort edit", { cohort: cohortName, exclude_role: role.id });
    // The role's edit redraws the boards once: settled before the edits that change nothing.
    for (const at of ["2027-01-11T09:30:00Z", "2027-01-11T09:31:00Z", "2027-01-11T09:40:00Z"]) await tickAt(bot, at);
    const before = messageRequests(bot);
    bot.clock.set(new Date("2027-01-11T10:00:00Z"));
    for (const options of [{ leaderboard: "names" }, { exclude_role: role.id }, { leaderboard: "names", exclude_role: role.id }]) {
      const reply = await runCommand(bot, bot.admin.id, "cohort edit", { cohort: cohortName, ...options });
      expect(visibleText(reply)).toContain("Nothing changed");
    }
    for (const at of ["2027-01-11T10:00:05Z", "2027-01-11T10:01:00Z", "2027-01-11T10:10:00Z"]) await tickAt(bot, at);
    expect(messageRequests(bot)).toBe(before);
  });
});
