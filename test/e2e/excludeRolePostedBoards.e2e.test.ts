import { describe, expect, it, vi } from "vitest";
import { tickAt, useBotHarness, visibleText, waitLimitMs } from "../helpers/botHarness.js";
import { postWith, rankedCohortWithWeekTwoPosted, runCommand } from "../helpers/rankedCohort.js";

/**
 * A member given the cohort's exclude_role mid-course is never ranked (PRODUCT): the boards the bot posted before,
 * which rank them, are redrawn without them once the bot learns of the role (here from their own next command, which
 * carries their roles), and with them again once it is taken away. The cohort starts Monday 2027-01-04; Ada > Bob >
 * Cy read in week 1, and week 2's post shows "Week 1 top five".
 */
const cohortName = "Excluded Later";

describe("a member given the exclude_role after boards ranked them", () => {
  const harness = useBotHarness({ now: new Date("2027-01-05T10:00:00Z") });

  it("the posted boards leave them out, then rank them again once the role is taken away", async () => {
    const { bot } = harness;
    const { people } = await rankedCohortWithWeekTwoPosted(bot, cohortName);
    const roleId = bot.emulator.createRole(bot.guild.id, { name: "Facilitators" }).id;
    bot.clock.set(new Date("2027-01-11T10:00:00Z"));
    await runCommand(bot, bot.admin.id, "cohort edit", { cohort: cohortName, exclude_role: roleId });
    bot.emulator.setMemberRoles(bot.guild.id, people.ada.id, [roleId]);
    await runCommand(bot, people.ada.id, "today");
    await tickAt(bot, "2027-01-11T10:01:00Z");
    expect(postWith(bot, "Week 1 top five")).not.toContain("Ada");
    expect(postWith(bot, "Week 1 top five")).toContain("🥇 **Bob** · 56 pts");
    expect(postWith(bot, "🏆 Week 1 leaderboard · final")).not.toContain("Ada");

    bot.emulator.setMemberRoles(bot.guild.id, people.ada.id, []);
    bot.clock.set(new Date("2027-01-11T10:05:00Z"));
    await runCommand(bot, people.ada.id, "today");
    await tickAt(bot, "2027-01-11T10:06:00Z");
    expect(postWith(bot, "Week 1 top five")).toContain("🥇 **Ada** · 98 pts");
  });
});

describe("a member who does not use the bot given the exclude_role after boards ranked them", () => {
  const harness = useBotHarness({ now: new Date("2027-01-05T10:00:00Z") });

  it("the posted boards leave them out once a board shown five minutes later lists the role", async () => {
    const { bot } = harness;
    const { people } = await rankedCohortWithWeekTwoPosted(bot, cohortName);
    const roleId = bot.emulator.createRole(bot.guild.id, { name: "Facilitators" }).id;
    bot.clock.set(new Date("2027-01-11T10:00:00Z"));
    await runCommand(bot, bot.admin.id, "cohort edit", { cohort: cohortName, exclude_role: roleId });
    // Bob never uses the bot again: only a listing of the role, once the marks are five minutes old, learns it.
    bot.emulator.setMemberRoles(bot.guild.id, people.bob.id, [roleId]);
    bot.clock.set(new Date("2027-01-11T10:06:00Z"));
    const board = async () => visibleText(await runCommand(bot, people.watcher.id, "leaderboard", { period: "all" }));
    await vi.waitFor(async () => expect(await board()).not.toContain("Bob"), { timeout: waitLimitMs, interval: 100 });
    await tickAt(bot, "2027-01-11T10:07:00Z");
    expect(postWith(bot, "Week 1 top five")).not.toContain("Bob");
    expect(postWith(bot, "Week 1 top five")).toContain("🥈 **Cy** · ");
  });
});
