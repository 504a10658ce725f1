import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBotHarness, visibleText, type BotHarness } from "../helpers/botHarness.js";

/**
 * How far ahead a cohort may start: its course, its break weeks and a year's room for extensions and later breaks
 * end by 9999-12-31, the last date the bot writes. For the 12-week path that is 64 weeks (448 days): the latest
 * start is Friday 9998-10-09.
 */
describe("a start date near the end of the bot's calendar", () => {
  let bot: BotHarness;
  const create = async (name: string, start: string) =>
    visibleText(
      await bot.reply(bot.admin.id, "cohort create", {
        name,
        curriculum: "backend-engineer-learning-path",
        channel: bot.channel.id,
        start,
      }),
    );
  const breakReply = async (cohort: string, week: number) => visibleText(await bot.reply(bot.admin.id, "cohort break", { cohort, week }));

  beforeAll(async () => {
    bot = await startBotHarness({ now: new Date("2027-01-05T10:00:00Z") });
  });
  afterAll(async () => bot.close());

  it("accepts the latest start and refuses the day after, naming the latest", async () => {
    expect(await create("At The Limit", "9998-10-09")).toContain("is set up");
    const refused = await create("Past The Limit", "9998-10-10");
    expect(refused).toContain("starting on **Sat, 10 Oct 9998** is too far ahead");
    expect(refused).toContain("the latest start the bot accepts for this curriculum is **Fri, 9 Oct 9998**");
    expect(refused).not.toContain("is set up");
  });

  it("refuses a course whose end is well before 9999 only for its room, not as running past 9999", async () => {
    // From 9999-01-01 the 12 weeks end in March 9999, but a year's room would not fit.
    const refused = await create("Far", "9999-01-01");
    expect(refused).toContain("the latest start the bot accepts for this curriculum is **Fri, 9 Oct 9998**");
    expect(refused).not.toContain("would run past");
  });

  it("refuses a break week that would take a course past its room, and a start edit counts the breaks", async () => {
    // A week before the limit: room for one break week, not two.
    expect(await create("One Break Left", "9998-10-02")).toContain("is set up");
    expect(await breakReply("One Break Left", 2)).toContain("Week 2 of **One Break Left** is now a break");
    expect(await breakReply("One Break Left", 4)).toContain("**One Break Left** can't take another break week");
    const edit = visibleText(await bot.reply(bot.admin.id, "cohort edit", { cohort: "One Break Left", start: "9998-10-09" }));
    // With its break, the course is 13 weeks: the latest start is a week earlier.
    expect(edit).toContain("the latest start the bot accepts for this curriculum is **Fri, 2 Oct 9998**");
    const info = visibleText(await bot.reply(bot.admin.id, "cohort info", { cohort: "One Break Left" }));
    expect(info).toContain("Break weeks\n2");
  });
});
