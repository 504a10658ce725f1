import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBotHarness, visibleText, type BotHarness } from "../helpers/botHarness.js";

/**
 * README: `/cohort preview` shows "exactly what the bot will post for that week". From week 2 the weekly
 * post attaches last week's chart (week-1.png): the preview shows it too, with the same alt text.
 */
describe("/cohort preview of a weekly post with a chart", () => {
  let bot: BotHarness;
  type Attachment = { filename: string; description?: string | null };
  let posted: Attachment[] = [];
  let previewed: Attachment[] = [];
  let firstWeekPreviewed: Attachment[] = [];
  let lastWeekPreviewed: Attachment[] = [];
  let lastWeek = 0;

  beforeAll(async () => {
    bot = await startBotHarness({ now: new Date("2027-01-04T08:00:00Z") });
    await bot.createCohort({ name: "Winter", start: "2027-01-04" });
    const ada = bot.member("ada");
    await bot.reply(ada.id, "join", { cohort: "Winter" });
    bot.clock.set(new Date("2027-01-04T09:00:30Z"));
    await bot.test.app.scheduler.tick(bot.clock.now());
    bot.clock.set(new Date("2027-01-05T12:00:00Z"));
    const choices = await bot.autocomplete(ada.id, "done", "item", { item: "" });
    await bot.reply(ada.id, "done", { item: String(choices[0]?.value) });
    bot.clock.set(new Date("2027-01-08T12:00:00Z"));
    previewed = (await bot.reply(bot.admin.id, "cohort preview", { cohort: "Winter", week: 2 })).attachments;
    firstWeekPreviewed = (await bot.reply(bot.admin.id, "cohort preview", { cohort: "Winter", week: 1 })).attachments;
    // The last week: its weekly post and the closing post, each with its chart.
    const refused = visibleText(await bot.reply(bot.admin.id, "cohort preview", { cohort: "Winter", week: 520 }));
    lastWeek = Number(/between 1 and (\d+)/.exec(refused)?.[1]);
    lastWeekPreviewed = (await bot.reply(bot.admin.id, "cohort preview", { cohort: "Winter", week: lastWeek })).attachments;
    bot.clock.set(new Date("2027-01-11T09:00:30Z"));
    await bot.test.app.scheduler.tick(bot.clock.now());
    posted = bot.emulator.channelMessages(bot.channel.id).flatMap((message) => message.attachments);
  });
  afterAll(async () => bot.close());

  it("the week 2 post attaches week 1's chart", () => {
    expect(posted.map((file) => file.filename)).toContain("week-1.png");
  });

  it("the preview of week 2 shows that chart too, with the alt text the post gives it", () => {
    expect(previewed.map((file) => file.filename)).toEqual(["week-1.png"]);
    const chart = posted.find((file) => file.filename === "week-1.png");
    expect(previewed[0]?.description).toMatch(/^Chart of week 1: the cohort read [1-9]\d* minutes/);
    expect(previewed[0]?.description).toBe(chart?.description);
  });

  it("the preview of week 1, whose post has no chart, shows none", () => {
    expect(firstWeekPreviewed).toEqual([]);
  });

  it("the preview of the last week shows its weekly post's chart and the closing post's course chart", () => {
    expect(lastWeek).toBeGreaterThan(2);
    expect(lastWeekPreviewed.map((file) => file.filename)).toEqual([`week-${lastWeek - 1}.png`, "course.png"]);
    expect(lastWeekPreviewed[1]?.description).toMatch(/^Chart of the course: .*week 1: [1-9]\d*%/);
  });
});
