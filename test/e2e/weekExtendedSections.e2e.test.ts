import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBotHarness, visibleText, type BotHarness } from "../helpers/botHarness.js";

/**
 * `/week` for a member whose calendar runs a week later (`/pace mode:extend`) heads each week with the sections of
 * the reading it lists, as the member reads it, not with the cohort's sections of that week. The cohort starts
 * Monday 2027-01-04 (UTC); Ada extends on Tuesday of week 2, Ben keeps the cohort's calendar.
 */
describe("/week on an extended calendar", () => {
  let bot: BotHarness;
  let ada: { id: string };
  let ben: { id: string };
  const sectionLines = (text: string) => text.split("\n").filter((line) => line.startsWith("📘"));

  beforeAll(async () => {
    bot = await startBotHarness({ now: new Date("2027-01-04T10:00:00Z") });
    await bot.createCohort({ name: "Later Calendar", start: "2027-01-04" });
    ada = bot.member("ada");
    ben = bot.member("ben");
    for (const member of [ada, ben]) await bot.reply(member.id, "join", { cohort: "Later Calendar" });
    bot.clock.set(new Date("2027-01-12T10:00:00Z"));
    expect(visibleText(await bot.reply(ada.id, "pace", { mode: "extend" }))).toContain("1 week later");
  }, 120_000);
  afterAll(async () => bot.close());

  it("heads the extended member's week with the sections of the week she reads then, on her own weeks", async () => {
    const adaWeek3 = visibleText(await bot.reply(ada.id, "week", { number: 3 }));
    const adaWeek4 = visibleText(await bot.reply(ada.id, "week", { number: 4 }));
    // Ada reads the cohort's week 2 in her week 3 and its week 3 in her week 4: each section a week later than Ben's.
    expect(adaWeek3).toContain("Isolation Levels");
    expect(sectionLines(adaWeek3)).toEqual(["📘 **Database Fundamentals** · weeks 2–3", "📘 **Database Performance** · weeks 3–4"]);
    expect(sectionLines(adaWeek4)).toEqual(["📘 **Database Performance** · weeks 3–4", "📘 **Caching Strategies** · weeks 4–5"]);
  });

  it("leaves the cohort's sections for a member on the cohort's calendar", async () => {
    const benWeek3 = visibleText(await bot.reply(ben.id, "week", { number: 3 }));
    expect(sectionLines(benWeek3)).toEqual(["📘 **Database Performance** · weeks 2–3", "📘 **Caching Strategies** · weeks 3–4"]);
  });
});
