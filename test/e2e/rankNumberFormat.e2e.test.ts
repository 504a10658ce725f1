import { beforeAll, describe, expect, it } from "vitest";
import { useBotHarness, visibleText } from "../helpers/botHarness.js";
import { runCommand } from "../helpers/rankedCohort.js";

/**
 * Ranks are numbers, and numbers follow the language (PRODUCT Part 2, "Languages"): in a cohort of a few thousand
 * members a rank reads "#1,201 of 1,201", as its count does, never "#1201 of 1,201"; a board line "1,199.".
 */
describe("ranks past a thousand, written as numbers", () => {
  const harness = useBotHarness({ now: new Date("2027-01-05T10:00:00Z") });
  const cohortName = "Big Cohort";
  let zoe: { id: string };

  beforeAll(async () => {
    const { bot } = harness;
    const cohort = await bot.createCohort({ name: cohortName });
    // 1,200 members ahead of Zoe, each on points of their own (Reader 0 first, with 3,000).
    await bot.test.app.database.prisma.member.createMany({
      data: Array.from({ length: 1_200 }, (_, index) => ({
        cohortId: cohort.id,
        userId: `9${String(index).padStart(17, "0")}`,
        displayName: `Reader ${index}`,
        points: 3_000 - index,
        pointsReachedAt: new Date("2027-01-04T10:00:00Z"),
      })),
    });
    zoe = bot.emulator.createMember(bot.guild.id, { username: "zoe", displayName: "Zoe" });
    await runCommand(bot, zoe.id, "join", { cohort: cohortName });
    await runCommand(bot, zoe.id, "done", { item: "Storage Engines" });
  }, 120_000);

  it("groups the caller's rank like the count in /leaderboard, its near view and /progress", async () => {
    const { bot } = harness;
    const top = visibleText(await runCommand(bot, zoe.id, "leaderboard", { period: "all" }));
    expect(top).toMatch(/\*\*Zoe\*\*: #1,201 of 1,201 · \d+ pts/);
    const near = visibleText(await runCommand(bot, zoe.id, "leaderboard", { period: "all", view: "near" }));
    expect(near).toContain("1,199\\. **Reader 1198** · 1,802 pts");
    expect(near).toContain("1,200\\. **Reader 1199** · 1,801 pts");
    expect(near).toMatch(/1,201\\\. \*\*Zoe\*\* · \d+ pts ← you/);
    const progress = await runCommand(bot, zoe.id, "progress");
    expect(visibleText(progress)).toContain("Rank: **#1,201** of 1,201");
    expect(progress.attachments[0]?.description).toContain("rank #1,201 of 1,201");
  });

  it("groups the rank a hidden member would take too", async () => {
    const { bot } = harness;
    await runCommand(bot, zoe.id, "privacy", { leaderboard: "hidden" });
    expect(visibleText(await runCommand(bot, zoe.id, "leaderboard", { period: "all" }))).toContain("you would be #1,201");
    const progress = await runCommand(bot, zoe.id, "progress");
    expect(visibleText(progress)).toContain("you would be **#1,201**");
    expect(progress.attachments[0]?.description).toContain("would be #1,201");
    await runCommand(bot, zoe.id, "privacy", { leaderboard: "name" });
  });

  it("writes it as Spanish writes numbers, where four digits take no separator", async () => {
    const { bot } = harness;
    const lucia = bot.emulator.createMember(bot.guild.id, { username: "lucia", displayName: "Lucía", locale: "es-ES" });
    await runCommand(bot, lucia.id, "join", { cohort: cohortName });
    await runCommand(bot, lucia.id, "done", { item: "Storage Engines" });
    // Level with Zoe, who got there first: the same place, 1,201 of 1,202.
    // Her public board is in the cohort's language (English), her private /progress in hers.
    const board = await runCommand(bot, lucia.id, "leaderboard", { period: "all", view: "near" });
    expect(visibleText(board)).toMatch(/1,201\\\. \*\*Lucía\*\* · \d+ pts ← you/);
    expect(visibleText(await runCommand(bot, lucia.id, "progress"))).toContain("Puesto: **n.º 1201** de 1202");
  });
});
