import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBotHarness, visibleText, type BotHarness } from "../helpers/botHarness.js";
import { rankedCohort, runCommand, type RankedCohort } from "../helpers/rankedCohort.js";

/**
 * The course summary of a member holding the cohort's exclude_role says why they have no final rank, as
 * /progress does ("Not ranked in this cohort"), rather than that they are simply not on the final board.
 */
describe("an excluded member's course summary", () => {
  let bot: BotHarness;
  let people: RankedCohort["people"];
  const cohortName = "Summary Roles";

  beforeAll(async () => {
    bot = await startBotHarness({ now: new Date("2027-01-05T10:00:00Z") });
    // Ada > Bob > Cy on points; Bob holds the exclude_role through the close.
    ({ people } = await rankedCohort(bot, cohortName));
    const roleId = bot.emulator.createRole(bot.guild.id, { name: "Facilitators" }).id;
    bot.emulator.setMemberRoles(bot.guild.id, people.bob.id, [roleId]);
    await runCommand(bot, bot.admin.id, "cohort edit", { cohort: cohortName, exclude_role: roleId });
    bot.clock.set(new Date("2027-01-13T10:00:00Z"));
    await runCommand(bot, bot.admin.id, "cohort end", { cohort: cohortName });
    bot.clock.set(new Date("2027-01-13T10:01:00Z"));
    await bot.test.app.scheduler.tick(bot.clock.now());
    bot.clock.set(new Date("2027-04-01T20:00:00Z"));
  }, 120_000);
  afterAll(async () => bot.close());

  it("says the member is not ranked in this cohort, as /progress does", async () => {
    const summary = visibleText(await runCommand(bot, people.bob.id, "today"));
    expect(summary).toMatch(/Final rank\nNot ranked in this cohort \(your role is left off its boards\)/);
    expect(summary).not.toContain("Not on the final board");
    expect(visibleText(await runCommand(bot, people.cy.id, "today"))).toMatch(/Final rank\n#2 of 2/);
    expect(visibleText(await runCommand(bot, people.watcher.id, "today"))).toMatch(/Final rank\nNot on the final board/);
  });
});
