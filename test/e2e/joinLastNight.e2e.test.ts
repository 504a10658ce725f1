import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buttonsOf, startBotHarness, visibleText, type BotHarness } from "../helpers/botHarness.js";

/**
 * `/join` between the cohort's midnight after its last week and 04:00, when a member's study day (its 04:00 rollover)
 * is still the course's last: that day is still the member's, so the join is taken, and `/today` and `/done` at the
 * same instant agree (the last day, its reading counting in `/progress`, not in the final standings). From 04:00 the
 * course is over for a new member too: refused as finished. The 12-week cohort (UTC) starts Monday 2027-01-04: its
 * last day is Sunday 28 March; its closing post goes out on Monday 29 March at 09:00.
 */
describe("/join in the night after the course's last day", () => {
  let bot: BotHarness;

  beforeAll(async () => {
    bot = await startBotHarness({ now: new Date("2027-01-05T10:00:00Z") });
    await bot.createCohort({ name: "Spring" });
  }, 120_000);
  afterAll(async () => bot.close());

  it("takes a join at 02:00 on Monday, when the member's day is still Sunday, and /today and /done agree with it", async () => {
    bot.clock.set(new Date("2027-03-29T02:00:00Z"));
    const ada = bot.member("ada");
    const joined = await bot.reply(ada.id, "join", { cohort: "Spring" });
    const welcome = visibleText(joined);
    expect(welcome).toContain("Welcome to **Spring**!");
    // No catch-up offered: the course has no study day left after this one.
    expect(welcome).not.toContain("catch up");
    expect(buttonsOf(joined)).toEqual([]);
    const today = visibleText(await bot.reply(ada.id, "today", { cohort: "Spring" }));
    expect(today).toContain("Week 12 · Day 7");
    expect(today).toContain("reading you log now counts in `/progress`, not in its final standings");
    const done = visibleText(await bot.reply(ada.id, "done", { cohort: "Spring", item: "Storage Engines" }));
    expect(done).toContain("not in its final standings");
  });

  it("offers the cohort in /join's choices exactly when /join would take the member back, in their own day", async () => {
    // Cid joined and chose a /remind zone ahead of the cohort's (Tokyo, UTC+9), then left.
    bot.clock.set(new Date("2027-03-20T10:00:00Z"));
    const cid = bot.member("cid");
    await bot.reply(cid.id, "join", { cohort: "Spring" });
    await bot.reply(cid.id, "remind", { time: "08:00", timezone: "Asia/Tokyo" });
    await bot.reply(cid.id, "leave", { cohort: "Spring" });
    // Monday 02:00 UTC is 11:00 on Monday in Tokyo: Cid's last day is over, while a new member's is not.
    bot.clock.set(new Date("2027-03-29T02:00:00Z"));
    const offered = async (userId: string) =>
      (await bot.autocomplete(userId, "join", "cohort", { cohort: "" })).map((choice) => choice.name);
    expect(await offered(bot.member("dee").id)).toContain("Spring");
    expect(await offered(cid.id)).not.toContain("Spring");
    expect(visibleText(await bot.reply(cid.id, "join", { cohort: "Spring" }))).toContain("**Spring** has finished: its course is over");
  });

  it("refuses a join from 04:00, when the member's day is Monday, as for a finished course", async () => {
    bot.clock.set(new Date("2027-03-29T04:30:00Z"));
    const reply = visibleText(await bot.reply(bot.member("bea").id, "join", { cohort: "Spring" }));
    expect(reply).toContain("**Spring** has finished: its course is over");
  });
});
