import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBotHarness, tickAt, type BotHarness } from "../helpers/botHarness.js";

/**
 * Week 1's post goes out on the Monday before a Wednesday start, and members may start reading then: that reading
 * counts on week 1's board and in `/progress`, so week 1's chart shows it too, on a bar of its own before the first day.
 */
describe("week 1's chart and the reading logged before the first day, through discord.js and the emulator", () => {
  let bot: BotHarness;
  beforeAll(async () => {
    bot = await startBotHarness({ now: new Date("2027-01-04T08:00:00Z") });
  });
  afterAll(async () => bot.close());

  /** The alt text of the chart `name` posted in the cohort's channel. */
  function chartText(name: string): string | undefined {
    return (
      bot.emulator
        .channelMessages(bot.channel.id)
        .flatMap((message) => message.attachments)
        .find((file) => file.filename === name)?.description ?? undefined
    );
  }

  it("counts reading logged before the first day on a bar before it, in the chart's total", async () => {
    const cohort = await bot.createCohort({ name: "Wednesday Start", start: "2027-01-06" });
    await tickAt(bot, "2027-01-04T09:00:30Z");
    const ada = bot.member("early-ada");
    bot.clock.set(new Date("2027-01-04T10:00:00Z"));
    await bot.reply(ada.id, "join", { cohort: String(cohort.id) });
    // The path's first two readings: 20 and 30 minutes, logged on Monday, two days before the first day.
    const [first, second] = await bot.autocomplete(ada.id, "done", "item", { item: "" });
    await bot.reply(ada.id, "done", { item: String(first?.value) });
    await bot.reply(ada.id, "done", { item: String(second?.value) });
    expect((await bot.reply(ada.id, "progress")).embeds[0]?.description).toContain("Reading time: **50 min**");

    // Week 2's post (Monday 11th) draws week 1's chart, its Monday and Tuesday not over yet.
    await tickAt(bot, "2027-01-11T09:00:30Z");
    expect(chartText("week-1.png")).toMatch(
      /^Chart of week 1: the cohort read 50 minutes so far \(before the first day 50 min, Wed 0 min, Thu 0 min, Fri 0 min, Mon not over yet, Tue not over yet\)/,
    );
  });
});
