import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBotHarness, tickAt, visibleText, type BotHarness } from "../helpers/botHarness.js";

/**
 * A post the scheduler recorded as skipped (more than 24 hours late after a pause or an outage) never goes out.
 * `/cohort preview` of its week must not show it as "what the bot will post" at a time long past.
 */
describe("/cohort preview of a week whose posts were skipped", () => {
  let bot: BotHarness;
  const name = "Paused Spring";

  beforeAll(async () => {
    bot = await startBotHarness({ now: new Date("2027-01-04T08:00:00Z") });
    await bot.createCohort({ name, start: "2027-01-04" });
    await tickAt(bot, "2027-01-04T09:00:30Z");
    await bot.reply(bot.admin.id, "cohort pause", { cohort: name });
    // Paused over weeks 2 to 4: back on Wednesday of week 4, those weeks' posts are days late and skipped.
    await tickAt(bot, "2027-01-27T10:00:00Z");
    await bot.reply(bot.admin.id, "cohort resume", { cohort: name });
    await tickAt(bot, "2027-01-27T10:00:30Z");
  });
  afterAll(async () => bot.close());

  it("says the skipped posts were not posted, not that the bot will post them", async () => {
    const text = visibleText(await bot.reply(bot.admin.id, "cohort preview", { cohort: name, week: 3 }));
    expect(text).not.toContain("what the bot will post");
    expect(text).toContain("Week 3 assignment (2 messages): not posted");
    expect(text).toContain("Checkpoint prompt · Database Performance: not posted");
  });

  it("still shows a posted week as posted and a coming one as to come", async () => {
    const first = visibleText(await bot.reply(bot.admin.id, "cohort preview", { cohort: name, week: 1 }));
    expect(first).toContain("what the bot posted");
    expect(first).toContain("Week 1 assignment (2 messages): posted");
    const next = visibleText(await bot.reply(bot.admin.id, "cohort preview", { cohort: name, week: 5 }));
    expect(next).toContain("what the bot will post");
    expect(next).not.toContain("not posted");
  });

  it("says so in Spanish", async () => {
    bot.emulator.setUserLocale(bot.admin.id, "es-ES");
    try {
      const text = visibleText(await bot.reply(bot.admin.id, "cohort preview", { cohort: name, week: 3 }));
      expect(text).not.toContain("lo que el bot publicará");
      expect(text).toContain("no se publicó");
    } finally {
      bot.emulator.setUserLocale(bot.admin.id, "en-US");
    }
  });
});

/**
 * A post whose send failed with a retry planned still goes out (at its retry): /cohort preview must show it as to
 * come, not as "not posted … given up on".
 */
describe("/cohort preview of a week whose post failed and will be retried", () => {
  let bot: BotHarness;
  const name = "Flaky Spring";

  beforeAll(async () => {
    bot = await startBotHarness({ now: new Date("2027-01-04T08:00:00Z") });
    await bot.createCohort({ name, start: "2027-01-04" });
    // More failures than discord.js retries on its own: the tick records the post as failed, to be retried.
    bot.emulator.failNext("POST /channels/:channelId/messages", 503, 4);
    await tickAt(bot, "2027-01-04T09:00:30Z");
    const row = await bot.test.app.database.prisma.scheduledPost.findFirstOrThrow({ where: { period: "week-1" } });
    expect(row.status).toBe("failed");
    expect(row.nextAttemptAt).not.toBeNull();
  });
  afterAll(async () => bot.close());

  it("shows the post as what the bot will post, not as given up on", async () => {
    const text = visibleText(await bot.reply(bot.admin.id, "cohort preview", { cohort: name, week: 1 }));
    expect(text).toContain("what the bot will post");
    expect(text).not.toContain("not posted");
  });
});

/**
 * A cohort paused over the end of its course: the last week's post, days past its time, is skipped when it is
 * resumed (more than 24 hours late), while the closing post goes out then. /cohort preview of the last week must
 * say the first was not posted, and still show the closing post as to come.
 * 12-week course from Monday 2027-01-04: week 12's post Monday 2027-03-22, last day Sunday 2027-03-28.
 */
describe("/cohort preview of the last week of a cohort paused over its end", () => {
  let bot: BotHarness;
  const name = "Paused Over The End";

  beforeAll(async () => {
    bot = await startBotHarness({ now: new Date("2027-01-04T08:00:00Z") });
    await bot.createCohort({ name, start: "2027-01-04" });
    await tickAt(bot, "2027-03-17T10:00:00Z");
    await bot.reply(bot.admin.id, "cohort pause", { cohort: name });
    await tickAt(bot, "2027-03-31T10:00:00Z");
  });
  afterAll(async () => bot.close());

  it("shows week 12's post as not posted and the closing post as still to come", async () => {
    const text = visibleText(await bot.reply(bot.admin.id, "cohort preview", { cohort: name, week: 12 }));
    expect(text).toContain("Week 12 assignment (2 messages): not posted");
    // Not skipped yet (that happens on resume): the preview says only that it will not go out.
    expect(text).toMatch(/Week 12 assignment \(2 messages\): not posted: due [^\n]*, and it will not go out/);
    expect(text).not.toContain("it was skipped");
    expect(text).not.toContain("Closing post: not posted");
    expect(text).toContain("what the bot was to post and did not, and what it will post");
    expect(text).toContain("Closing post");
  });
});
