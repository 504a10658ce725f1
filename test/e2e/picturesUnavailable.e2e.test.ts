import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Pictures } from "../../src/discord/pictures/Pictures.js";
import { buttonsOf, startBotHarness, visibleText, type BotHarness } from "../helpers/botHarness.js";

/**
 * Pictures are extras: the words of a reply or post carry the same facts. When drawing fails (the canvas
 * library cannot load on this platform, a font file is gone, the native encoder throws), the member still
 * gets their answer and the cohort its post, without the picture.
 */
class BrokenPictures implements Pictures {
  attempts = 0;

  renderProgressCard(): Promise<Buffer> {
    return this.fail();
  }

  renderWeeklyChart(): Promise<Buffer> {
    return this.fail();
  }

  renderCourseChart(): Promise<Buffer> {
    return this.fail();
  }

  private fail(): Promise<Buffer> {
    this.attempts += 1;
    return Promise.reject(new Error("Cannot find module '@napi-rs/canvas-linux-x64-gnu'"));
  }
}

describe("replies and posts when pictures cannot be drawn, end to end", () => {
  let bot: BotHarness;
  const pictures = new BrokenPictures();
  const cohortName = "Winter";
  let ada: { id: string };

  beforeAll(async () => {
    bot = await startBotHarness({ now: new Date("2027-01-04T10:00:00Z"), pictures });
    await bot.createCohort({ name: cohortName, start: "2027-01-04" });
    ada = bot.member("ada");
    await bot.reply(ada.id, "join", { cohort: cohortName });
    const today = await bot.reply(ada.id, "today");
    const done = buttonsOf(today)[0];
    if (done === undefined) throw new Error("/today offered no done button");
    await bot.click(ada.id, today.id, done.customId).final();
  });
  afterAll(async () => bot.close());

  it("answers /progress with its text, without the card", async () => {
    const before = pictures.attempts;
    const message = await bot.reply(ada.id, "progress");
    expect(pictures.attempts).toBeGreaterThan(before);
    const text = visibleText(message);
    expect(text).not.toMatch(/something went wrong/i);
    expect(text).toMatch(/\*\*1\/\d+\*\*/);
    expect(text).toContain("Streak: **1 study day**");
    expect(message.attachments).toEqual([]);
    // The operator learns why the card is missing.
    expect(
      bot.test.logs().some((line) => line.msg === "could not draw a picture: sent without it" && line.picture === "progressCard"),
    ).toBe(true);
  });

  it("sends the weekly post with its text and leaderboard, without last week's chart", async () => {
    // Week 2's post (Monday 11 January, 09:00 UTC) carries a chart of week 1.
    bot.clock.set(new Date("2027-01-04T09:00:30Z"));
    await bot.test.app.scheduler.tick(bot.clock.now());
    const before = pictures.attempts;
    bot.clock.set(new Date("2027-01-11T09:00:30Z"));
    await bot.test.app.scheduler.tick(bot.clock.now());
    expect(pictures.attempts).toBeGreaterThan(before);
    const week2 = bot.emulator.channelMessages(bot.channel.id).filter((message) => visibleText(message).includes("Week 2 of 12"));
    expect(week2).toHaveLength(1);
    expect(week2[0]?.attachments).toEqual([]);
    expect(bot.emulator.channelMessages(bot.channel.id).some((message) => visibleText(message).includes("Week 1 top five"))).toBe(true);
  });

  it("posts the closing post with the final board, without the course's chart", async () => {
    await bot.reply(bot.admin.id, "cohort end", { cohort: cohortName });
    const before = pictures.attempts;
    bot.clock.set(new Date("2027-01-11T09:01:30Z"));
    await bot.test.app.scheduler.tick(bot.clock.now());
    expect(pictures.attempts).toBeGreaterThan(before);
    const closing = bot.emulator.channelMessages(bot.channel.id).filter((message) => visibleText(message).includes("Winter has ended"));
    expect(closing.map((message) => [visibleText(message).includes("Final leaderboard"), message.attachments.length])).toEqual([[true, 0]]);
  });
});
