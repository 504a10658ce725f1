import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBotHarness, visibleText, type BotHarness } from "../helpers/botHarness.js";
import { rankedCohort, runCommand, type RankedCohort } from "../helpers/rankedCohort.js";

/**
 * `/progress` of a member who takes no place on the boards, through the real bot and the emulator: it tells
 * them what `/leaderboard` does. A hidden member is counted among nobody: "you would be #3", never "#3 of 2"
 * (text, card and alt text); a holder of the exclude_role has no rank at all.
 */
describe("/progress of a hidden or excluded member", () => {
  let bot: BotHarness;
  let people: RankedCohort["people"];
  beforeAll(async () => {
    bot = await startBotHarness({ now: new Date("2027-01-05T10:00:00Z") });
    // Ada > Bob > Cy on points.
    ({ people } = await rankedCohort(bot, "Hidden Ranks"));
  }, 120_000);
  afterAll(async () => bot.close());

  it("tells a hidden member the place they would take, as /leaderboard does", async () => {
    await runCommand(bot, people.cy.id, "privacy", { leaderboard: "hidden" });
    const board = visibleText(await runCommand(bot, people.cy.id, "leaderboard", { period: "all" }));
    expect(board).toContain("you would be #3");

    const progress = await runCommand(bot, people.cy.id, "progress");
    const text = visibleText(progress);
    expect(text).toContain("Hidden from the board · you would be **#3**");
    expect(text).not.toContain("Rank:");
    const alt = progress.attachments[0]?.description ?? "";
    expect(alt).toContain("hidden from the board, would be #3");
    expect(alt).not.toContain("of 2");

    // Ranked members are counted without Cy.
    expect(visibleText(await runCommand(bot, people.bob.id, "progress"))).toContain("Rank: **#2** of 2");
  });

  it("gives no rank to a member the exclude_role keeps off every board, as /leaderboard says", async () => {
    const roleId = bot.emulator.createRole(bot.guild.id, { name: "Facilitators" }).id;
    await runCommand(bot, bot.admin.id, "cohort edit", { cohort: "Hidden Ranks", exclude_role: roleId });
    bot.emulator.setMemberRoles(bot.guild.id, people.ada.id, [roleId]);
    const board = visibleText(await runCommand(bot, people.ada.id, "leaderboard", { period: "all" }));
    expect(board).toContain("not ranked in this cohort");

    const progress = await runCommand(bot, people.ada.id, "progress");
    const text = visibleText(progress);
    expect(text).toContain("Not ranked in this cohort (your role is left off its boards)");
    expect(text).not.toContain("Rank:");
    expect(progress.attachments[0]?.description ?? "").toContain("not ranked in this cohort");
  });

  it("tells a hidden member of a cohort whose board is off the place they would take too, never a rank past the count", async () => {
    await runCommand(bot, bot.admin.id, "cohort edit", { cohort: "Hidden Ranks", leaderboard: "off" });
    // Ada is excluded, Cy hidden: Bob alone is ranked, and Cy would come after him.
    const board = visibleText(await runCommand(bot, people.cy.id, "leaderboard", { period: "all" }));
    expect(board).toContain("you would be #2");
    expect(board).not.toContain("#2 of 1");
    expect(visibleText(await runCommand(bot, people.cy.id, "progress"))).toContain("you would be **#2**");
    expect(visibleText(await runCommand(bot, people.bob.id, "leaderboard", { period: "all" }))).toContain("**Bob**: #1 of 1");
  });
});
