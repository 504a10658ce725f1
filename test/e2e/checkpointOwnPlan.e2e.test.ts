import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBotHarness, visibleText, type BotHarness } from "../helpers/botHarness.js";

/**
 * `/checkpoint` of a member whose calendar runs a week later (`/pace mode:extend`): the section they are
 * working towards is the one of their own plan, as `/today` and `/week` read it, not the cohort's. With a
 * cohort break week before the current week, the break moves every section a week later for everyone, the
 * extension a week more for that member.
 */
describe.each([
  {
    title: "/checkpoint on a member's extended calendar",
    breakWeek: undefined,
    // Tuesday of the cohort's week 3: Database Fundamentals (weeks 1–2) is behind the cohort, not behind Bo.
    tuesday: "2027-01-19T10:00:00Z",
    onCohortCalendar: "offers the cohort's current section to a member on the cohort's calendar",
    extended: "offers the section a week behind to a member whose calendar runs a week later, the one their /week reads",
  },
  {
    title: "/checkpoint after a break week on a member's extended calendar",
    breakWeek: 2,
    // Tuesday of calendar week 4: the course's week 3 (week 2 was a break), week 2 of Bo's.
    tuesday: "2027-01-26T10:00:00Z",
    onCohortCalendar: "offers the course's current section to a member on the cohort's calendar",
    extended: "offers the extended member the section a week behind, the one their /week reads",
  },
])("$title", ({ breakWeek, tuesday, onCohortCalendar, extended }) => {
  let bot: BotHarness;
  let ada: { id: string };
  let bo: { id: string };
  const cohortName = "Backend";

  beforeAll(async () => {
    bot = await startBotHarness({ now: new Date("2027-01-05T10:00:00Z") });
    await bot.createCohort({ name: cohortName, start: "2027-01-04" });
    if (breakWeek !== undefined) await bot.reply(bot.admin.id, "cohort break", { cohort: cohortName, week: breakWeek });
    ada = bot.member("ada");
    bo = bot.member("bo");
    await bot.reply(ada.id, "join", { cohort: cohortName });
    await bot.reply(bo.id, "join", { cohort: cohortName });
    await bot.reply(bo.id, "pace", { mode: "extend" });
    bot.clock.set(new Date(tuesday));
  });
  afterAll(async () => bot.close());

  it(onCohortCalendar, async () => {
    const reply = await bot.reply(ada.id, "checkpoint");
    expect(reply.embeds[0]?.title).toBe("✅ Checkpoint · Database Performance");
  });

  it(extended, async () => {
    expect(visibleText(await bot.reply(bo.id, "week"))).toContain("Isolation Levels");
    const reply = await bot.reply(bo.id, "checkpoint");
    expect(reply.embeds[0]?.title).toBe("✅ Checkpoint · Database Fundamentals");
  });
});

/**
 * `/checkpoint` follows the member's own day (their `/remind` zone), as `/week` does: in Auckland Monday of
 * week 3 has begun while the cohort's zone (UTC) is still on Sunday of week 2.
 */
describe("/checkpoint on a member's own day", () => {
  let bot: BotHarness;
  let kai: { id: string };

  beforeAll(async () => {
    bot = await startBotHarness({ now: new Date("2027-01-05T10:00:00Z") });
    await bot.createCohort({ name: "Backend", start: "2027-01-04" });
    kai = bot.member("kai");
    await bot.reply(kai.id, "join", { cohort: "Backend" });
    await bot.reply(kai.id, "remind", { time: "18:00", timezone: "Pacific/Auckland" });
    // Sunday 20:00 UTC: Monday 09:00 in Auckland, week 3's first day there.
    bot.clock.set(new Date("2027-01-17T20:00:00Z"));
  });
  afterAll(async () => bot.close());

  it("offers the section of the week the member's /week shows as current", async () => {
    expect(visibleText(await bot.reply(kai.id, "week"))).toContain("Week 3");
    const reply = await bot.reply(kai.id, "checkpoint");
    expect(reply.embeds[0]?.title).toBe("✅ Checkpoint · Database Performance");
  });
});
