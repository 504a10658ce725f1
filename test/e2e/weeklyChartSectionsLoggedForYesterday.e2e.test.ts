import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postedWeekChartAlt, startBotHarness, tickAt, visibleText, type BotHarness } from "../helpers/botHarness.js";

/**
 * Friday's reading logged on Monday morning with `/done when:yesterday`, before the week's post, counts for
 * Friday: the post's chart puts its minutes on Friday's bar, and counts it in its section's completion by the
 * end of that week too, instead of a bar of minutes beside a section nobody completed anything of.
 */
describe("the weekly chart's section completion and Friday's reading logged on Monday morning", () => {
  let bot: BotHarness;
  let alt: string | null | undefined;
  let logged = "";

  beforeAll(async () => {
    bot = await startBotHarness({ now: new Date("2027-01-04T08:00:00Z") });
    await bot.createCohort({ name: "Winter", start: "2027-01-04" });
    const bo = bot.member("bo");
    await bot.reply(bo.id, "join", { cohort: "Winter" });
    await tickAt(bot, "2027-01-04T09:00:30Z");
    // Monday 08:00, an hour before the week's post: Bo, the only member, logs Friday's reading.
    bot.clock.set(new Date("2027-01-11T08:00:00Z"));
    const choices = await bot.autocomplete(bo.id, "done", "item", { item: "" });
    logged = visibleText(await bot.reply(bo.id, "done", { item: String(choices[0]?.value), when: "yesterday" }));
    await tickAt(bot, "2027-01-11T09:00:30Z");
    alt = postedWeekChartAlt(bot, 1);
  });
  afterAll(async () => bot.close());

  it("logged it for Friday and charts it on Friday", () => {
    expect(logged).toMatch(/Fri|Friday/);
    expect(alt).toMatch(/Fri [1-9]\d* min\)/);
  });

  it("counts it in Database Fundamentals' completion", () => {
    expect(alt).toMatch(/Database Fundamentals [1-9]\d*%/);
  });
});
