import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBotHarness, visibleText, type BotHarness } from "../helpers/botHarness.js";

/**
 * A member's day never goes back before the day they were in when they moved their `/remind` zone west: a day
 * already gone by in their old zone is not filled again. The cohort (Asia/Dubai, UTC+4) starts on Monday 1 March
 * 2027; weekdays are study days. Ada reads on Monday and not on Tuesday.
 */
describe("a member's zone moved west", () => {
  let bot: BotHarness;
  let ada: { id: string };
  let bea: { id: string };
  const cohort = "Westward";

  const at = async (member: { id: string }, instant: string, name: string, options: Record<string, string> = {}) => {
    bot.clock.set(new Date(instant));
    return visibleText(await bot.reply(member.id, name, options));
  };
  /** `/done` of the member's first offered item at `instant`; the reply's text. */
  const readAt = async (member: { id: string }, instant: string) => {
    bot.clock.set(new Date(instant));
    const [item] = await bot.autocomplete(member.id, "done", "item");
    if (item === undefined) throw new Error("no item left to complete");
    return visibleText(await bot.reply(member.id, "done", { item: String(item.value) }));
  };

  beforeAll(async () => {
    bot = await startBotHarness({ now: new Date("2027-02-26T10:00:00Z") });
    await bot.createCohort({ name: cohort, start: "2027-03-01", timeZone: "Asia/Dubai" });
    ada = bot.member("ada");
    bea = bot.member("bea");
    for (const member of [ada, bea]) {
      await bot.reply(member.id, "join", { cohort });
      await bot.reply(member.id, "remind", { time: "08:00", timezone: "Asia/Dubai" });
      // Monday 1 March, 10:00 in Dubai.
      await readAt(member, "2027-03-01T06:00:00Z");
    }
  }, 180_000);
  afterAll(async () => bot.close());

  it("dates /done after a move west on the day the member was in, not on the missed day before it", async () => {
    // Wednesday 3 March, 03:00 UTC: 07:00 Wednesday in Dubai; 22:00 Tuesday in Bogotá (UTC−5).
    const instant = "2027-03-03T03:00:00Z";
    expect(await at(ada, instant, "today")).toContain("Wed, 3 Mar 2027");
    const before = await at(ada, instant, "progress");
    expect(before).toContain("Streak: **0 study days**");
    const moved = await at(ada, instant, "remind", { time: "08:00", timezone: "America/Bogota" });
    expect(moved).toContain("(America/Bogota)");
    expect(moved).toContain("Your day stays **Wed, 3 Mar 2027** until your new time zone catches up");
    // Still Wednesday for Ada: Tuesday, gone by in Dubai, is not hers to fill again.
    expect(await at(ada, instant, "today")).toContain("Wed, 3 Mar 2027");
    // The roster reads her on that day too: Tuesday's reading is overdue, as her /today lists it.
    const roster = (await at(bot.admin, instant, "cohort roster", { cohort })).split("\n");
    expect(roster.find((line) => line.includes("(ada)"))).toContain("1 item overdue");
    // The item offered first is Wednesday's, not Tuesday's (overdue): Wednesday, not Tuesday, starts the streak again.
    const done = await readAt(ada, instant);
    expect(done).toContain("Logged **PostgreSQL Internals**");
    expect(done).toContain("Streak: **1 study day**");
    expect(await at(ada, instant, "progress")).toContain("Streak: **1 study day**");
  });

  it("lets the new zone's days run as usual once its Wednesday has come", async () => {
    // Thursday 4 March, 22:00 UTC: 17:00 Thursday in Bogotá.
    expect(await readAt(ada, "2027-03-04T22:00:00Z")).toContain("Streak: **2 study days**");
  });

  it("leaves a move east as it was: the member's day goes on to the next", async () => {
    // Wednesday 3 March, 03:00 UTC: 07:00 Wednesday in Dubai; 12:00 Wednesday in Tokyo.
    const instant = "2027-03-03T03:00:00Z";
    expect(await at(bea, instant, "remind", { time: "08:00", timezone: "Asia/Tokyo" })).not.toContain("Your day stays");
    expect(await at(bea, instant, "today")).toContain("Wed, 3 Mar 2027");
    expect(await readAt(bea, instant)).toContain("Streak: **1 study day**");
  });
});

/**
 * A reminder after a move west: the day a move west holds the member on is the first a reminder is for, so the
 * new zone's evening of the day before (already over in the zone they left) sends none. Same cohort as above.
 */
describe("a member's reminder after their zone moved west", () => {
  let bot: BotHarness;
  let cy: { id: string };
  const cohort = "Westward";
  const tick = async (instant: string) => {
    bot.clock.set(new Date(instant));
    return bot.test.app.scheduler.tick(bot.clock.now());
  };
  const stamp = (instant: string) => `<t:${Math.floor(new Date(instant).getTime() / 1000)}:f>`;

  beforeAll(async () => {
    bot = await startBotHarness({ now: new Date("2027-02-26T10:00:00Z") });
    await bot.createCohort({ name: cohort, start: "2027-03-01", timeZone: "Asia/Dubai" });
    cy = bot.member("cy");
    await bot.reply(cy.id, "join", { cohort });
    await bot.reply(cy.id, "remind", { time: "20:00", timezone: "Asia/Dubai" });
  }, 180_000);
  afterAll(async () => bot.close());

  it("names and sends the held day's reminder, not one for the day before it", async () => {
    // Wednesday 3 March, 03:00 UTC: 07:00 Wednesday in Dubai; 19:00 Tuesday in Los Angeles (UTC−8).
    bot.clock.set(new Date("2027-03-03T03:00:00Z"));
    const moved = visibleText(await bot.reply(cy.id, "remind", { time: "20:00", timezone: "America/Los_Angeles" }));
    expect(moved).toContain("Your day stays **Wed, 3 Mar 2027**");
    // Wednesday 20:00 in Los Angeles, not Tuesday's an hour after the move.
    expect(moved).toContain(stamp("2027-03-04T04:00:00Z"));
    await tick("2027-03-03T03:00:20Z");
    await tick("2027-03-03T04:00:20Z");
    expect(bot.emulator.dmMessages(cy.id)).toHaveLength(0);
    await tick("2027-03-04T04:00:20Z");
    expect(bot.emulator.dmMessages(cy.id)).toHaveLength(1);
  });
});
