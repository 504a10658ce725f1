import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { doneFirstOffered, postedWeekChartAlt, startBotHarness, tickAt, visibleText, type BotHarness } from "../helpers/botHarness.js";
import { startWinter } from "../helpers/startWinter.js";

/**
 * The weekly chart shows "minutes read per study day". Reading logged the next day with
 * `/done when:yesterday` counts for the day it was read (as the streak counts it): the chart's bar
 * for that day shows it, not the day it was logged, even when that is not a study day.
 */
describe("the weekly chart and /done when:yesterday", () => {
  let bot: BotHarness;
  let alt: string | null | undefined;
  let logged = "";

  beforeAll(async () => {
    let ada: { id: string };
    ({ bot, member: ada } = await startWinter());
    const bo = bot.member("bo");
    await bot.reply(bo.id, "join", { cohort: "Winter" });
    await tickAt(bot, "2027-01-04T09:00:30Z");
    // Ada reads Monday's first item on Monday evening and logs it on Tuesday morning, for yesterday.
    bot.clock.set(new Date("2027-01-05T07:00:00Z"));
    const [first] = await bot.autocomplete(ada.id, "done", "item", { item: "" });
    if (first === undefined) throw new Error("no item offered");
    await bot.reply(ada.id, "done", { item: String(first.value), when: "yesterday" });
    // Bo reads the same item on Friday and logs it on Saturday (not a study day), for yesterday.
    bot.clock.set(new Date("2027-01-09T10:00:00Z"));
    logged = visibleText(await bot.reply(bo.id, "done", { item: String(first.value), when: "yesterday" }));
    await tickAt(bot, "2027-01-11T09:00:30Z");
    alt = postedWeekChartAlt(bot, 1);
  });
  afterAll(async () => bot.close());

  it("puts the minutes on Monday, the day they were read for, not on Tuesday", () => {
    expect(alt).toMatch(/\(Mon [1-9]\d* min, Tue 0 min, /);
  });

  it("logged Bo's Friday reading", () => {
    expect(logged).toMatch(/Fri|Friday/);
  });

  it("counts Friday's reading logged on Saturday for yesterday in the week's minutes (Fri bar)", () => {
    expect(alt).toMatch(/Fri [1-9]\d* min\)/);
  });
});

/**
 * On Monday, `/done when:yesterday` logs for Friday (the previous study day). Reading logged that way on
 * Monday morning, before the week's post, is in the post's chart on Friday, as the reply said it counts, and
 * in its section's completion by the end of that week.
 */
describe("the weekly chart and Friday's reading logged on Monday morning for yesterday", () => {
  let bot: BotHarness;
  let alt: string | null | undefined;
  let logged = "";

  beforeAll(async () => {
    let bo: { id: string };
    ({ bot, member: bo } = await startWinter({ member: "bo" }));
    await tickAt(bot, "2027-01-04T09:00:30Z");
    // Monday 08:00, an hour before the week's post: Bo logs Friday's reading.
    logged = await doneFirstOffered(bot, bo.id, "2027-01-11T08:00:00Z", { when: "yesterday" });
    await tickAt(bot, "2027-01-11T09:00:30Z");
    alt = postedWeekChartAlt(bot, 1);
  });
  afterAll(async () => bot.close());

  it("logged it for Friday", () => {
    expect(logged).toMatch(/Fri|Friday/);
  });

  it("charts it on Friday", () => {
    expect(alt).toMatch(/Fri [1-9]\d* min\)/);
  });

  it("counts it in its section's completion by the end of that week too, not only on Friday's bar", () => {
    expect(alt).toMatch(/Database Fundamentals [1-9]\d*%/);
  });
});

/**
 * A member far behind the cohort's zone: her Sunday morning comes after the cohort's Sunday has ended, yet
 * before the cohort's Monday post. Friday's reading she logs then for yesterday is in that post's chart.
 */
describe("the weekly chart and a member in a zone far behind the cohort's", () => {
  let bot: BotHarness;
  let alt: string | null | undefined;
  let logged = "";

  beforeAll(async () => {
    // The cohort lives at UTC+14; its Monday 09:00 post is Sunday 19:00 UTC.
    bot = await startBotHarness({ now: new Date("2027-01-03T10:00:00Z") });
    await bot.createCohort({ name: "Winter", start: "2027-01-04", timeZone: "Pacific/Kiritimati" });
    const ada = bot.member("ada");
    await bot.reply(ada.id, "join", { cohort: "Winter" });
    await bot.reply(ada.id, "remind", { time: "18:00", timezone: "Pacific/Pago_Pago" });
    await tickAt(bot, "2027-01-03T19:00:30Z");
    // Sunday 05:00 at UTC-11 (the cohort's Monday 06:00): Ada logs Friday's reading.
    logged = await doneFirstOffered(bot, ada.id, "2027-01-10T16:00:00Z", { when: "yesterday" });
    await tickAt(bot, "2027-01-10T19:00:30Z");
    alt = postedWeekChartAlt(bot, 1);
  });
  afterAll(async () => bot.close());

  it("logged it for Friday", () => {
    expect(logged).toMatch(/Fri|Friday/);
  });

  it("charts it on Friday", () => {
    expect(alt).toMatch(/Fri [1-9]\d* min\)/);
  });
});
