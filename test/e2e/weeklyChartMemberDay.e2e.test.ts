import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { doneFirstOffered, postedWeekChartAlt, tickAt, type BotHarness } from "../helpers/botHarness.js";
import { startWinter } from "../helpers/startWinter.js";

/**
 * Ada (with a `/remind` in `zone`, when given) logs Winter's first item at `loggedAt`, after week 1's post; the
 * completion is then stored without its day, as those logged before a completion kept its member day were. `updated`:
 * the rows that changed.
 */
async function loggedWithoutDay(loggedAt: string, zone?: string): Promise<{ bot: BotHarness; updated: number }> {
  const { bot, member: ada } = await startWinter(zone === undefined ? {} : { zone });
  await tickAt(bot, "2027-01-04T09:00:30Z");
  await doneFirstOffered(bot, ada.id, loggedAt);
  const updated = await bot.test.app.database.prisma.$executeRawUnsafe(`UPDATE "Completion" SET "day" = NULL`);
  return { bot, updated };
}

/**
 * A member's day rolls over at 04:00 (README, streak rules): reading logged at 01:30 on Friday counts
 * for Thursday in the streak and the progress card's grid. The weekly chart's "minutes read per study
 * day" puts it on Thursday too, not on Friday.
 */
describe("the weekly chart and the member day's 04:00 rollover", () => {
  let bot: BotHarness;
  let alt: string | null | undefined;
  let logged = "";

  beforeAll(async () => {
    let ada: { id: string };
    ({ bot, member: ada } = await startWinter());
    await tickAt(bot, "2027-01-04T09:00:30Z");
    // Thursday night, after midnight: still Thursday for Ada's streak.
    logged = await doneFirstOffered(bot, ada.id, "2027-01-08T01:30:00Z");
    await tickAt(bot, "2027-01-11T09:00:30Z");
    alt = postedWeekChartAlt(bot, 1);
  });
  afterAll(async () => bot.close());

  it("logged the reading", () => {
    expect(logged).not.toBe("");
    expect(alt).toMatch(/read [1-9]\d* minutes/);
  });

  it("charts it on Thursday, the member's day it counts for, not on Friday", () => {
    expect(alt).toMatch(/Thu [1-9]\d* min, Fri 0 min\)/);
  });
});

/**
 * Completions stored before a completion kept its member day (day null in the database) count on the member
 * day of when they were logged, in the member's own zone with the 04:00 rollover, as the progress card's grid
 * and the streak place them.
 */
describe("the weekly chart and a completion stored without its day", () => {
  let bot: BotHarness;
  let alt: string | null | undefined;
  let updated = 0;

  beforeAll(async () => {
    // Tuesday 06:00 UTC is still Monday night (01:00) in New York: Monday for Ada.
    ({ bot, updated } = await loggedWithoutDay("2027-01-05T06:00:00Z", "America/New_York"));
    await tickAt(bot, "2027-01-11T09:00:30Z");
    alt = postedWeekChartAlt(bot, 1);
  });
  afterAll(async () => bot.close());

  it("charts it on Monday, Ada's day in her zone, not on Tuesday (the cohort's UTC day)", () => {
    expect(updated).toBe(1);
    expect(alt).toMatch(/\(Mon [1-9]\d* min, Tue 0 min, /);
  });
});

/**
 * A completion stored without its day and logged weeks before a chart's week counts in its section's completion
 * (counted in the database, not placed row by row).
 */
describe("a later weekly chart and a completion stored without its day", () => {
  let bot: BotHarness;
  let alt: string | null | undefined;

  beforeAll(async () => {
    ({ bot } = await loggedWithoutDay("2027-01-05T12:00:00Z"));
    await tickAt(bot, "2027-01-11T09:00:30Z");
    await tickAt(bot, "2027-01-18T09:00:30Z");
    alt = postedWeekChartAlt(bot, 2);
  });
  afterAll(async () => bot.close());

  it("counts it in week 2's chart for its section", () => {
    expect(alt).toMatch(/Database Fundamentals [1-9]\d*%/);
  });
});
