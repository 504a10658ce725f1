import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBotHarness, visibleText, type BotHarness } from "../helpers/botHarness.js";
import { runCommand } from "../helpers/rankedCohort.js";

/**
 * Between the last week's end and the closing post, a leaderboard announced on demand already ranks the course's
 * reading only, as the final board will: late points do not lift anyone for a few hours. 12-week course from
 * Monday 2027-01-04 (UTC): last day Sunday 2027-03-28, closing post Monday 2027-03-29 09:00.
 */
describe("/cohort announce kind:leaderboard after the last week, before the closing post", () => {
  let bot: BotHarness;
  const cohortName = "Late Board";
  let people: Record<"ada" | "bob" | "cy", { id: string }>;

  beforeAll(async () => {
    bot = await startBotHarness({ now: new Date("2027-01-04T10:00:00Z") });
    const cohort = await bot.createCohort({ name: cohortName, start: "2027-01-04", timeZone: "UTC" });
    const items = await bot.test.app.database.prisma.item.findMany({
      where: { curriculumId: cohort.curriculumId, kind: "Required", minutes: { gt: 0 } },
      orderBy: { position: "asc" },
      take: 5,
    });
    const ids = items.map((row) => String(row.id));
    people = { ada: bot.member("ada"), bob: bot.member("bob"), cy: bot.member("cy") };
    for (const person of Object.values(people)) await runCommand(bot, person.id, "join", { cohort: cohortName });
    bot.clock.set(new Date("2027-01-05T10:00:00Z"));
    for (const item of ids.slice(0, 2)) await runCommand(bot, people.ada.id, "done", { item });
    await runCommand(bot, people.bob.id, "done", { item: ids[0] ?? "" });
    bot.clock.set(new Date("2027-03-29T06:00:00Z"));
    for (const item of ids.slice(1, 4)) await bot.reply(people.bob.id, "done", { item });
    await bot.reply(people.cy.id, "done", { item: ids[0] ?? "" });
  }, 120_000);
  afterAll(async () => bot.close());

  it("the posted all-time board has ada above bob and not cy (as the final board will)", async () => {
    bot.clock.set(new Date("2027-03-29T07:00:00Z"));
    const before = bot.emulator.channelMessages(bot.channel.id).length;
    await bot.reply(bot.admin.id, "cohort announce", { cohort: cohortName, kind: "leaderboard" });
    const posted = bot.emulator.channelMessages(bot.channel.id).slice(before).map(visibleText).join("\n");
    const allTime = posted.slice(posted.search(/all[- ]time/i));
    expect(allTime).toMatch(/all[- ]time/i);
    expect(allTime.indexOf("**ada**")).toBeGreaterThan(-1);
    expect(allTime.indexOf("**ada**")).toBeLessThan(allTime.indexOf("**bob**"));
    expect(allTime).not.toContain("**cy**");
  });
});
