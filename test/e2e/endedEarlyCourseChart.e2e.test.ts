import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { doneFirstOffered, startBotHarness, visibleText, type BotHarness } from "../helpers/botHarness.js";
import { startWinter } from "../helpers/startWinter.js";

/**
 * The closing post of a cohort an admin ended early (`/cohort end`) charts the weeks it ran: a 12-week
 * cohort ended on Tuesday of week 6 charts weeks 1-6, not weeks 7-12 (never assigned to anyone) as 0%.
 */
describe("the course chart of a cohort ended early", () => {
  let bot: BotHarness;
  let closing = "";
  let chart: string | null | undefined;

  beforeAll(async () => {
    let ada: { id: string };
    ({ bot, member: ada } = await startWinter());
    await doneFirstOffered(bot, ada.id, "2027-01-05T12:00:00Z");
    // Tuesday of week 6.
    bot.clock.set(new Date("2027-02-09T10:00:00Z"));
    await bot.run(bot.admin.id, "cohort end", { cohort: "Winter" }).final();
    const before = bot.emulator.channelMessages(bot.channel.id).length;
    bot.clock.set(new Date("2027-02-09T10:01:00Z"));
    await bot.test.app.scheduler.tick(bot.clock.now());
    const messages = bot.emulator.channelMessages(bot.channel.id).slice(before);
    closing = messages.map((message) => visibleText(message)).join("\n");
    chart = messages.flatMap((message) => message.attachments).find((file) => file.filename === "course.png")?.description;
  });
  afterAll(async () => bot.close());

  it("says after which week the cohort was ended", () => {
    expect(closing).toContain("ended after week 6");
  });

  it("charts weeks 1 to 6, the weeks it ran", () => {
    expect(chart).toMatch(/week 1: [1-9]\d*%/);
    expect(chart).toContain("week 6: 0%");
  });

  it("leaves out the weeks that never came", () => {
    expect(chart).not.toMatch(/week (7|8|9|10|11|12):/);
  });
});

/** A cohort ended before its first week ran has no week to chart: its closing post attaches no course chart. */
describe("the closing post of a cohort ended before its first week", () => {
  let bot: BotHarness;
  let closing = "";
  let files: string[] = [];

  beforeAll(async () => {
    bot = await startBotHarness({ now: new Date("2027-01-04T08:00:00Z") });
    await bot.createCohort({ name: "Winter", start: "2027-01-11" });
    await bot.reply(bot.member("ada").id, "join", { cohort: "Winter" });
    bot.clock.set(new Date("2027-01-05T10:00:00Z"));
    await bot.run(bot.admin.id, "cohort end", { cohort: "Winter" }).final();
    const before = bot.emulator.channelMessages(bot.channel.id).length;
    bot.clock.set(new Date("2027-01-05T10:01:00Z"));
    await bot.test.app.scheduler.tick(bot.clock.now());
    const messages = bot.emulator.channelMessages(bot.channel.id).slice(before);
    closing = messages.map((message) => visibleText(message)).join("\n");
    files = messages.flatMap((message) => message.attachments).map((file) => file.filename);
  });
  afterAll(async () => bot.close());

  it("posts the closing post", () => {
    expect(closing).toContain("ended before its first week");
  });

  it("attaches no course chart", () => {
    expect(files).toEqual([]);
  });
});
