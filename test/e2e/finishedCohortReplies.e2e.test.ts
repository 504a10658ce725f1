import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBotHarness, visibleText, type BotHarness } from "../helpers/botHarness.js";

/**
 * After the closing post, replies state what is true and promise no action the bot then refuses. The
 * cohort starts Mon 2027-01-04 (12 weeks, UTC); its closing post goes out on Mon 2027-03-29 09:00.
 */
describe("replies on a finished cohort", () => {
  let bot: BotHarness;
  const cohortName = "Backend Spring 2027";
  let ada: { id: string };
  let bob: { id: string };
  let lucia: { id: string };

  beforeAll(async () => {
    bot = await startBotHarness({ now: new Date("2027-03-25T10:00:00Z") });
    await bot.createCohort({ name: cohortName });
    ada = bot.member("ada");
    bob = bot.member("bob");
    await bot.reply(ada.id, "join", { cohort: cohortName });
    await bot.reply(bob.id, "join", { cohort: cohortName });
    await bot.reply(ada.id, "remind", { time: "08:00" });
    lucia = bot.emulator.createMember(bot.guild.id, { username: "lucia", locale: "es-ES" });
    await bot.reply(lucia.id, "join", { cohort: cohortName });
    await bot.reply(lucia.id, "remind", { time: "08:00" });
    await bot.reply(bob.id, "done", { item: "Database Selection Guide" });
    bot.clock.set(new Date("2027-03-29T09:30:00Z"));
    await bot.test.app.scheduler.tick(bot.clock.now());
    expect(bot.emulator.channelMessages(bot.channel.id).map(visibleText).join("\n")).toContain("Final leaderboard");
  });
  afterAll(async () => bot.close());

  it("/leaderboard shows a member who logged reading after the close as off the final board, with their points", async () => {
    // Reading logged after the close still counts in /progress (PRODUCT.md "The end of the course").
    await bot.reply(ada.id, "done", { item: "PostgreSQL Internals" });
    expect(visibleText(await bot.reply(ada.id, "progress"))).toContain("Points: **35**");
    const board = await bot.reply(ada.id, "leaderboard");
    expect(board.ephemeral).toBe(false);
    expect(visibleText(board)).toContain("**ada**: not on the final leaderboard (it was settled when the course closed) · 35 pts");
    expect(visibleText(board)).not.toContain("no points yet");
  });

  it("/leaderboard tells a member who logged nothing that they had no points during the course, not 'no points yet'", async () => {
    // The board is settled: "yet" would suggest logging something now could still put Lucia on it.
    for (const period of ["week", "all"]) {
      const text = visibleText(await bot.reply(lucia.id, "leaderboard", { period }));
      expect(text).toContain("Final leaderboard");
      expect(text).toContain("**lucia**: no points during the course");
      expect(text).not.toMatch(/no points (this week )?yet/);
    }
  });

  it("/remind off:True switches the reminder off without promising a '/remind time:' that is refused", async () => {
    const off = visibleText(await bot.reply(ada.id, "remind", { off: true }));
    expect(off).toContain("Your daily reminder for **Backend Spring 2027** is off now. The course is over for you");
    expect(off).not.toContain("Turn it back on");
    expect(visibleText(await bot.reply(ada.id, "remind", { time: "09:00" }))).toContain("no more reminders");
    // In Spanish the course "ha acabado" (finished), as /leave says: "ha terminado" is the catalogue's word for ended.
    const apagado = visibleText(await bot.reply(lucia.id, "remind", { off: true }));
    expect(apagado).toContain("Tu recordatorio diario para **Backend Spring 2027** está desactivado. El curso ha acabado para ti");
    expect(apagado).not.toContain("terminado");
  });

  it("/leave works, keeps the history and says /join can't take the member back, rather than promising it", async () => {
    const leave = visibleText(await bot.reply(bob.id, "leave", { cohort: cohortName }));
    expect(leave).toContain("You left **Backend Spring 2027**. Your history is kept, but the course is over");
    expect(leave).not.toContain("`/join` again");
    expect(visibleText(await bot.reply(bob.id, "join", { cohort: cohortName }))).toContain("has finished");
  });

  it("/cohort preview is refused, as /cohort announce is, instead of showing past posts as what the bot will post", async () => {
    const preview = visibleText(await bot.reply(bot.admin.id, "cohort preview", { cohort: cohortName }));
    expect(preview).toContain("**Backend Spring 2027** has finished");
    expect(preview).not.toContain("what the bot will post");
  });
});
