import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buttonsOf, startBotHarness, visibleText, type BotHarness } from "../helpers/botHarness.js";

/** After the closing post the course is over: `/cohort announce` posts no new assignment, prompt or board. */
describe("/cohort announce in a finished cohort", () => {
  let bot: BotHarness;
  let ada: { id: string };
  const cohortName = "Graduates";
  let postsBefore = 0;

  beforeAll(async () => {
    bot = await startBotHarness({ now: new Date("2027-01-05T10:00:00Z") });
    await bot.createCohort({ name: cohortName, start: "2027-01-04" });
    ada = bot.member("ada");
    await bot.reply(ada.id, "join", { cohort: cohortName });
    const today = await bot.reply(ada.id, "today");
    const done = buttonsOf(today)[0];
    if (done === undefined) throw new Error("no button");
    await bot.click(ada.id, today.id, done.customId).final();
    // The closing post: Monday 29 March at 09:00, the day after week 12 ends.
    bot.clock.set(new Date("2027-03-29T09:00:30Z"));
    await bot.test.app.scheduler.tick(bot.clock.now());
    bot.clock.set(new Date("2027-03-30T10:00:00Z"));
    await bot.test.app.scheduler.tick(bot.clock.now());
    postsBefore = bot.emulator.channelMessages(bot.channel.id).length;
  });
  afterAll(async () => bot.close());

  it.each(["week", "checkpoint", "leaderboard"])("refuses kind:%s, saying the course has finished, and posts nothing", async (kind) => {
    const reply = visibleText(await bot.reply(bot.admin.id, "cohort announce", { cohort: cohortName, kind }));
    expect(reply).toContain("has finished");
    expect(bot.emulator.channelMessages(bot.channel.id)).toHaveLength(postsBefore);
  });
});

/** Between `/cohort end` and its closing post (the next tick), nothing else is announced either. */
describe("/cohort announce in a cohort an admin just ended", () => {
  let bot: BotHarness;
  const cohortName = "Stopped Early";

  beforeAll(async () => {
    bot = await startBotHarness({ now: new Date("2027-01-12T10:00:00Z") });
    await bot.createCohort({ name: cohortName, start: "2027-01-11" });
    expect(visibleText(await bot.reply(bot.admin.id, "cohort end", { cohort: cohortName }))).toContain(cohortName);
  });
  afterAll(async () => bot.close());

  it.each(["week", "checkpoint", "leaderboard"])("refuses kind:%s, saying the cohort has ended, and posts nothing", async (kind) => {
    const before = bot.emulator.channelMessages(bot.channel.id).length;
    const reply = visibleText(await bot.reply(bot.admin.id, "cohort announce", { cohort: cohortName, kind }));
    expect(reply).toContain("has ended");
    expect(bot.emulator.channelMessages(bot.channel.id)).toHaveLength(before);
  });

  it("refuses /cohort preview the same way: nothing more is posted", async () => {
    const reply = visibleText(await bot.reply(bot.admin.id, "cohort preview", { cohort: cohortName }));
    expect(reply).toContain("**Stopped Early** has ended: nothing more is posted in its channel");
    expect(reply).not.toContain("what the bot will post");
  });
});
