import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { doneFirstOffered, tickAt, visibleText, type BotHarness } from "../helpers/botHarness.js";
import { startWinter } from "../helpers/startWinter.js";

/**
 * README: `/cohort preview` shows "exactly what the bot will post for that week". From week 2 the weekly
 * post attaches last week's chart (week-1.png): the preview shows it too, drawn as at the post's time, with
 * the same alt text; days not over yet when previewing show as "not over yet".
 */
describe("/cohort preview of a weekly post with a chart", () => {
  let bot: BotHarness;
  type Attachment = { filename: string; description?: string | null; url: string };
  let posted: Attachment[] = [];
  let previewed: Attachment[] = [];
  let previewedWeekOver: Attachment[] = [];
  let previewedAfterPost: Attachment[] = [];
  let firstWeekPreviewed: Attachment[] = [];
  let lastWeekPreviewed: Attachment[] = [];
  let lastWeek = 0;

  beforeAll(async () => {
    let ada: { id: string };
    ({ bot, member: ada } = await startWinter());
    await tickAt(bot, "2027-01-04T09:00:30Z");
    await doneFirstOffered(bot, ada.id, "2027-01-05T12:00:00Z");
    bot.clock.set(new Date("2027-01-08T12:00:00Z"));
    previewed = (await bot.reply(bot.admin.id, "cohort preview", { cohort: "Winter", week: 2 })).attachments;
    firstWeekPreviewed = (await bot.reply(bot.admin.id, "cohort preview", { cohort: "Winter", week: 1 })).attachments;
    // The last week: its weekly post and the closing post, each with its chart.
    const refused = visibleText(await bot.reply(bot.admin.id, "cohort preview", { cohort: "Winter", week: 520 }));
    lastWeek = Number(/between 1 and (\d+)/.exec(refused)?.[1]);
    lastWeekPreviewed = (await bot.reply(bot.admin.id, "cohort preview", { cohort: "Winter", week: lastWeek })).attachments;
    // Week 1 is over (Sunday's day ended at 04:00), its post not out yet.
    bot.clock.set(new Date("2027-01-11T06:00:00Z"));
    previewedWeekOver = (await bot.reply(bot.admin.id, "cohort preview", { cohort: "Winter", week: 2 })).attachments;
    bot.clock.set(new Date("2027-01-11T09:00:30Z"));
    await bot.test.app.scheduler.tick(bot.clock.now());
    posted = bot.emulator.channelMessages(bot.channel.id).flatMap((message) => message.attachments);
    bot.clock.set(new Date("2027-01-12T12:00:00Z"));
    previewedAfterPost = (await bot.reply(bot.admin.id, "cohort preview", { cohort: "Winter", week: 2 })).attachments;
  });
  afterAll(async () => bot.close());

  it("the week 2 post attaches week 1's chart", () => {
    expect(posted.map((file) => file.filename)).toContain("week-1.png");
  });

  async function bytesOf(file: Attachment | undefined): Promise<Buffer> {
    return Buffer.from(await (await fetch(file?.url ?? "")).arrayBuffer());
  }

  it("the preview of week 2 made once week 1 is over shows that chart, the very picture and alt text the post gives it", async () => {
    const chart = posted.find((file) => file.filename === "week-1.png");
    expect(previewedWeekOver.map((file) => file.filename)).toEqual(["week-1.png"]);
    expect(previewedWeekOver[0]?.description).toMatch(/^Chart of week 1: the cohort read [1-9]\d* minutes in all/);
    expect(previewedWeekOver[0]?.description).toBe(chart?.description);
    // The pictures are drawn from the same numbers with the same fonts: the same bytes.
    const postedBytes = await bytesOf(chart);
    expect(postedBytes.length).toBeGreaterThan(0);
    expect((await bytesOf(previewedWeekOver[0])).equals(postedBytes)).toBe(true);
  });

  it("a preview after the post shows the chart as it went out", async () => {
    const chart = posted.find((file) => file.filename === "week-1.png");
    expect(previewedAfterPost[0]?.description).toBe(chart?.description);
    expect((await bytesOf(previewedAfterPost[0])).equals(await bytesOf(chart))).toBe(true);
  });

  it("a preview made while week 1 still runs charts the days over and marks the rest as not over yet", () => {
    expect(previewed.map((file) => file.filename)).toEqual(["week-1.png"]);
    // Previewed on Friday 8 January: Monday to Thursday are over.
    expect(previewed[0]?.description).toMatch(/^Chart of week 1: the cohort read [1-9]\d* minutes so far \(Mon 0 min, Tue [1-9]\d* min, /);
    expect(previewed[0]?.description).toContain("Thu 0 min, Fri not over yet");
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
