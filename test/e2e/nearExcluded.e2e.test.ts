import { beforeAll, describe, expect, it } from "vitest";
import { useBotHarness, visibleText } from "../helpers/botHarness.js";
import { rankedCohort, runCommand, type RankedCohort } from "../helpers/rankedCohort.js";

/**
 * `/leaderboard view:near` of a member holding the cohort's exclude_role (PRODUCT Part 2: its members are never
 * ranked): no neighbours around a place they do not have, but their own standing, said clearly; as on the final
 * board, where a caller with no place on it is shown nobody around them.
 */
describe("view:near of an excluded member", () => {
  const harness = useBotHarness({ now: new Date("2027-01-05T10:00:00Z") });
  let people: RankedCohort["people"];
  const cohortName = "Near Roles";

  beforeAll(async () => {
    const { bot } = harness;
    // Ada > Bob > Cy on points; Bob holds the exclude_role.
    ({ people } = await rankedCohort(bot, cohortName));
    const roleId = bot.emulator.createRole(bot.guild.id, { name: "Facilitators" }).id;
    bot.emulator.setMemberRoles(bot.guild.id, people.bob.id, [roleId]);
    await runCommand(bot, bot.admin.id, "cohort edit", { cohort: cohortName, exclude_role: roleId });
  }, 120_000);

  it("shows nobody around them, and says they are not ranked", async () => {
    const { bot } = harness;
    for (const period of ["all", "week"]) {
      const text = visibleText(await runCommand(bot, people.bob.id, "leaderboard", { period, view: "near" }));
      expect(text).toContain("not ranked in this cohort");
      expect(text).toContain("nobody to show around you");
      expect(text).not.toContain("Ada");
      expect(text).not.toContain("Cy");
      expect(text).not.toContain("Nobody near you on the board yet");
    }
  });

  it("still shows the others their neighbours, without the excluded member", async () => {
    const { bot } = harness;
    const text = visibleText(await runCommand(bot, people.cy.id, "leaderboard", { period: "all", view: "near" }));
    expect(text).toContain("🥇 **Ada**");
    expect(text).toMatch(/🥈 \*\*Cy\*\* · [\d,]+ pts ← you/);
    expect(text).not.toContain("Bob");
  });

  it("shows a member with no points nobody around them either, as the final board does", async () => {
    const { bot } = harness;
    for (const period of ["all", "week"]) {
      const text = visibleText(await runCommand(bot, people.watcher.id, "leaderboard", { period, view: "near" }));
      expect(text).toContain("You have no place on this board, so there is nobody to show around you.");
      expect(text).not.toContain("Ada");
      expect(text).not.toContain("Cy");
      expect(text).not.toContain("Nobody near you on the board yet");
    }
  });
});
