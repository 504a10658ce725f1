import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBotHarness, visibleText, type BotHarness } from "../helpers/botHarness.js";

/** A zone typed by another name the bot accepts ("GMT", "US/Eastern") is offered, under the name it is stored as. */
describe("timezone autocomplete for accepted aliases, through discord.js and the emulator", () => {
  let bot: BotHarness;
  beforeAll(async () => {
    bot = await startBotHarness({ now: new Date("2027-01-01T10:00:00Z") });
  });
  afterAll(async () => bot.close());

  it("offers UTC for GMT in /cohort create, /cohort edit and /remind, and the offered value is accepted", async () => {
    const gmt = { name: "UTC (GMT)", value: "UTC" };
    expect((await bot.autocomplete(bot.admin.id, "cohort create", "timezone", { timezone: "GMT" }))[0]).toEqual(gmt);
    expect((await bot.autocomplete(bot.admin.id, "cohort edit", "timezone", { timezone: "gmt" }))[0]).toEqual(gmt);
    const member = bot.member("zone-zoe");
    expect((await bot.autocomplete(member.id, "remind", "timezone", { timezone: "GMT" }))[0]).toEqual(gmt);

    const [eastern] = await bot.autocomplete(bot.admin.id, "cohort create", "timezone", { timezone: "US/Eastern" });
    expect(eastern).toEqual({ name: "America/New_York (US/Eastern)", value: "America/New_York" });
    const created = await bot.reply(bot.admin.id, "cohort create", {
      name: "Alias Zone",
      curriculum: "backend-engineer-learning-path",
      channel: bot.channel.id,
      start: "2027-03-01",
      timezone: eastern?.value ?? "",
    });
    expect(visibleText(created)).toContain("is set up");
    expect(visibleText(await bot.reply(bot.admin.id, "cohort info", { cohort: "Alias Zone" }))).toContain("America/New_York");
  });

  it("offers the fixed-offset zones, named with the offset they mean", async () => {
    const choices = await bot.autocomplete(bot.admin.id, "cohort create", "timezone", { timezone: "Etc/GMT+5" });
    expect(choices[0]).toEqual({ name: "Etc/GMT+5 (UTC-05:00)", value: "Etc/GMT+5" });
  });
});
