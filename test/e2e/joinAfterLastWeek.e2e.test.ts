import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBotHarness, visibleText, type BotHarness } from "../helpers/botHarness.js";

/**
 * After a cohort's last week and before its closing post (which keeps the final board), `/join` is refused as for a
 * finished cohort, without claiming a final leaderboard that is not kept yet. The 12-week cohort starts Monday
 * 2027-01-04 (UTC): its last day is Sunday 28 March, and its closing post has not gone out on Monday 29 March at 06:00.
 */
describe("/join between the last week and the closing post", () => {
  let bot: BotHarness;

  beforeAll(async () => {
    bot = await startBotHarness({ now: new Date("2027-01-05T10:00:00Z") });
    await bot.createCohort({ name: "Spring" });
    bot.clock.set(new Date("2027-03-29T06:00:00Z"));
  });
  afterAll(async () => bot.close());

  it("says the course is over, not that its final leaderboard is kept", async () => {
    expect(await bot.test.app.database.prisma.cohort.count({ where: { finalBoard: { not: null } } })).toBe(0);
    const english = visibleText(await bot.reply(bot.member("ada").id, "join", { cohort: "Spring" }));
    expect(english).toContain("**Spring** has finished: its course is over");
    expect(english).not.toContain("leaderboard");
    const lucia = bot.emulator.createMember(bot.guild.id, { username: "lucia", locale: "es-ES" });
    const spanish = visibleText(await bot.reply(lucia.id, "join", { cohort: "Spring" }));
    expect(spanish).toContain("**Spring** ha finalizado: su curso ha acabado");
    expect(spanish).not.toContain("clasificación");
  });
});
