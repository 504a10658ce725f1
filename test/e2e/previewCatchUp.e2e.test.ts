import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createByCommand, startBotHarness, tickAt, visibleText, type BotHarness } from "../helpers/botHarness.js";

type Attachment = { filename: string; description?: string | null; url: string };

async function bytesOf(file: Attachment | undefined): Promise<Buffer> {
  return Buffer.from(await (await fetch(file?.url ?? "")).arrayBuffer());
}

/**
 * The scheduler draws a weekly post's chart when it sends it. With posts on Saturdays at 02:00, before Friday's
 * day ends (04:00), a week 2 post sent hours late counts Friday: its preview, before and after, shows that chart.
 */
describe("/cohort preview of a weekly post sent late", () => {
  let bot: BotHarness;
  let waiting: Attachment[] = [];
  let posted: Attachment[] = [];
  let afterPost: Attachment[] = [];

  beforeAll(async () => {
    bot = await startBotHarness({ now: new Date("2027-01-03T12:00:00Z") });
    await createByCommand(bot, "Night", "2027-01-04", { timezone: "UTC", announce_day: 6, announce_time: "02:00" });
    const ada = bot.member("ada");
    await bot.reply(ada.id, "join", { cohort: "Night" });
    // Friday 8 January: Ada reads.
    bot.clock.set(new Date("2027-01-08T12:00:00Z"));
    const choices = await bot.autocomplete(ada.id, "done", "item", { item: "" });
    await bot.reply(ada.id, "done", { item: String(choices[0]?.value) });
    // Week 2's post was due Saturday 9 January 02:00; the bot was down until 06:00, when Friday is over.
    bot.clock.set(new Date("2027-01-09T06:00:00Z"));
    waiting = (await bot.reply(bot.admin.id, "cohort preview", { cohort: "Night", week: 2 })).attachments;
    await tickAt(bot, "2027-01-09T06:00:10Z");
    posted = bot.emulator.channelMessages(bot.channel.id).flatMap((message) => message.attachments);
    bot.clock.set(new Date("2027-01-10T12:00:00Z"));
    afterPost = (await bot.reply(bot.admin.id, "cohort preview", { cohort: "Night", week: 2 })).attachments;
  });
  afterAll(async () => bot.close());

  it("the post sent late counts Friday in its chart", () => {
    const chart = posted.find((file) => file.filename === "week-1.png");
    expect(chart?.description).toMatch(/Fri [1-9]\d* min/);
  });

  it("a preview after the late post shows the chart as it went out", async () => {
    const chart = posted.find((file) => file.filename === "week-1.png");
    expect(afterPost[0]?.description).toBe(chart?.description);
    expect((await bytesOf(afterPost[0])).equals(await bytesOf(chart))).toBe(true);
  });

  it("a preview of the post due but still waiting shows the chart it is about to send", () => {
    const chart = posted.find((file) => file.filename === "week-1.png");
    expect(waiting[0]?.description).toBe(chart?.description);
  });
});

/** A cohort created after week 5's post time catches that post up: /cohort info and /cohort preview agree it is next. */
describe("/cohort preview without a week while a post catches up", () => {
  let bot: BotHarness;

  beforeAll(async () => {
    bot = await startBotHarness({ now: new Date("2027-02-01T12:00:00Z") });
    await bot.createCohort({ name: "Late", start: "2027-01-04" });
  });
  afterAll(async () => bot.close());

  it("/cohort info says week 5 goes out within a minute", async () => {
    expect(visibleText(await bot.reply(bot.admin.id, "cohort info", { cohort: "Late" }))).toMatch(
      /Within a minute \(it was due .*\) · week 5/,
    );
  });

  it("/cohort preview shows week 5, the post going out next", async () => {
    const text = visibleText(await bot.reply(bot.admin.id, "cohort preview", { cohort: "Late" }));
    expect(text.split("\n")[0]).toContain("**Preview of week 5 of 12**");
  });
});
