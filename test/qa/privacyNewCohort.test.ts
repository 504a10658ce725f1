import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBotHarness, visibleText, type BotHarness } from "../helpers/botHarness.js";
import { runCommand } from "../helpers/rankedCohort.js";

/**
 * QA probe. `/privacy` is "for all your cohorts in this server" (README, and the reply itself:
 * "Saved: this applies to all your cohorts in this server."). A member who hid from the boards, or
 * switched nudges off, and then joins another cohort of the same server must stay hidden / un-nudged
 * there: the choice is stored per membership and a new /join starts from the defaults (name, nudges on).
 */
describe("QA: /privacy choices carry over to a cohort joined later in the same server", () => {
  let bot: BotHarness;
  beforeAll(async () => {
    bot = await startBotHarness({ now: new Date("2027-01-05T10:00:00Z") });
  }, 120_000);
  afterAll(async () => bot.close());

  it("a member who chose hidden and nudges:off is not shown by name on a cohort joined afterwards", async () => {
    await bot.createCohort({ name: "First Cohort" });
    const second = await bot.createCohort({ name: "Second Cohort" });
    const zed = bot.emulator.createMember(bot.guild.id, { username: "zed", displayName: "Zed Privateperson" });
    const watcher = bot.emulator.createMember(bot.guild.id, { username: "watcher", displayName: "Watcher" });
    await runCommand(bot, zed.id, "join", { cohort: "First Cohort" });
    const saved = await runCommand(bot, zed.id, "privacy", { leaderboard: "hidden", nudges: "off" });
    expect(visibleText(saved)).toContain("this applies to all your cohorts in this server");

    // Later: Zed joins a second cohort of the same server and logs some reading there.
    await runCommand(bot, zed.id, "join", { cohort: "Second Cohort" });
    await runCommand(bot, watcher.id, "join", { cohort: "Second Cohort" });
    const item = await bot.test.app.database.prisma.item.findFirstOrThrow({
      where: { curriculumId: second.curriculumId, kind: "Required", minutes: { gt: 0 } },
      orderBy: { position: "asc" },
    });
    await bot.test.app.services.study.complete({
      guildId: bot.guild.id,
      userId: zed.id,
      cohort: "Second Cohort",
      item: String(item.id),
      now: bot.clock.now(),
    });

    // What Zed's /privacy says for "all your cohorts"…
    const settings = visibleText(await runCommand(bot, zed.id, "privacy"));
    expect(settings).toContain("Leaderboard: **hidden**");
    // …the second cohort's public board does not show Zed by name,
    const board = await runCommand(bot, watcher.id, "leaderboard", { cohort: "Second Cohort", period: "all" });
    expect(visibleText(board)).not.toContain("Zed Privateperson");
    // …and it is what every membership holds,
    const rows = await bot.test.app.database.prisma.member.findMany({ where: { userId: zed.id }, orderBy: { id: "asc" } });
    expect(rows.map((row) => [row.boardVisibility, row.nudges])).toEqual([
      ["hidden", false],
      ["hidden", false],
    ]);
  });
});
