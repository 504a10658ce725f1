import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBotHarness, visibleText, type BotHarness } from "../helpers/botHarness.js";

/** A bot whose clock reads `now`, with one cohort that started on Monday 2027-01-04 (in UTC unless `cohort` gives a zone). */
async function startWithCohort(now: string, cohort: { name: string; timeZone?: string }): Promise<BotHarness> {
  const bot = await startBotHarness({ now: new Date(now) });
  await bot.createCohort({ start: "2027-01-04", ...cohort });
  return bot;
}

/**
 * `/remind` set (or moved) to a time already past today says the next reminder is tomorrow: the
 * scheduler must not send one at its next tick as if today's had been missed.
 */
describe("/remind set after today's reminder time", () => {
  let bot: BotHarness;
  let ada: { id: string };
  let bob: { id: string };
  const cohortName = "Night Owls";
  const tick = async (iso: string) => {
    bot.clock.set(new Date(iso));
    return bot.test.app.scheduler.tick(bot.clock.now());
  };

  beforeAll(async () => {
    // Wednesday 2027-01-13, 10:00 UTC, in the cohort's second week.
    bot = await startWithCohort("2027-01-13T10:00:00Z", { name: cohortName });
    ada = bot.member("ada");
    bob = bot.member("bob");
    await bot.reply(ada.id, "join", { cohort: cohortName });
    await bot.reply(bob.id, "join", { cohort: cohortName });
    // Bob's reminder is this evening; at 10:00 he moves it to 09:00, an hour ago.
    await bot.reply(bob.id, "remind", { time: "20:00" });
  });
  afterAll(async () => bot.close());

  it("says the next reminder is tomorrow and sends none today", async () => {
    const reply = visibleText(await bot.reply(ada.id, "remind", { time: "09:00" }));
    const tomorrowAt = Math.floor(new Date("2027-01-14T09:00:00Z").getTime() / 1000);
    expect(reply).toContain(`<t:${tomorrowAt}:`);
    await tick("2027-01-13T10:00:20Z");
    await tick("2027-01-13T10:30:00Z");
    expect(bot.emulator.dmMessages(ada.id)).toHaveLength(0);
    await tick("2027-01-14T09:00:10Z");
    expect(bot.emulator.dmMessages(ada.id)).toHaveLength(1);
  });

  it("sends none today when a reminder still to come is moved to a time already past", async () => {
    bot.clock.set(new Date("2027-01-13T10:01:00Z"));
    expect(visibleText(await bot.reply(bob.id, "remind", { time: "09:00" }))).toContain("**09:00**");
    await tick("2027-01-13T10:01:20Z");
    await tick("2027-01-13T20:00:20Z");
    expect(bot.emulator.dmMessages(bob.id)).toHaveLength(0);
    await tick("2027-01-14T09:00:30Z");
    expect(bot.emulator.dmMessages(bob.id)).toHaveLength(1);
  });
});

/** `/remind` names the next reminder that can come: on a day with reading in the member's plan, not a weekend or a day off. */
describe("/remind's next reminder", () => {
  let bot: BotHarness;
  const cohortName = "Weekdays";
  const stamp = (iso: string) => `<t:${Math.floor(new Date(iso).getTime() / 1000)}:f>`;

  beforeAll(async () => {
    // Friday 2027-01-08, 10:00 UTC, in the cohort's first week.
    bot = await startWithCohort("2027-01-08T10:00:00Z", { name: cohortName });
  });
  afterAll(async () => bot.close());

  it("is Monday's when it is set on a Friday after its time", async () => {
    const ada = bot.member("ada");
    await bot.reply(ada.id, "join", { cohort: cohortName });
    const reply = visibleText(await bot.reply(ada.id, "remind", { time: "08:00" }));
    expect(reply).toContain(stamp("2027-01-11T08:00:00Z"));
  });

  it("is the first day after the member's days off", async () => {
    const bob = bot.member("bob");
    await bot.reply(bob.id, "join", { cohort: cohortName });
    await bot.reply(bob.id, "break", { from: "2027-01-11", to: "2027-01-12" });
    // Today's 09:00 is past; Monday and Tuesday are his days off.
    const reply = visibleText(await bot.reply(bob.id, "remind", { time: "09:00" }));
    expect(reply).toContain(stamp("2027-01-13T09:00:00Z"));
  });

  it("is tomorrow's when today's reminder has already been sent", async () => {
    const carol = bot.member("carol");
    await bot.reply(carol.id, "join", { cohort: cohortName });
    await bot.reply(carol.id, "remind", { time: "10:30" });
    bot.clock.set(new Date("2027-01-08T10:30:10Z"));
    await bot.test.app.scheduler.tick(bot.clock.now());
    expect(bot.emulator.dmMessages(carol.id)).toHaveLength(1);
    // Moved to this evening after today's went out: none comes tonight, so the next is Monday's.
    const reply = visibleText(await bot.reply(carol.id, "remind", { time: "20:00" }));
    expect(reply).toContain(stamp("2027-01-11T20:00:00Z"));
  });

  it("is none once the member's plan has no more days with reading, and the reply says so plainly", async () => {
    bot.clock.set(new Date("2027-01-08T11:00:00Z"));
    const dan = bot.member("dan");
    await bot.reply(dan.id, "join", { cohort: cohortName });
    // Saturday of the course's last week: its last reading was due on Friday.
    bot.clock.set(new Date("2027-03-27T10:00:00Z"));
    const reply = visibleText(await bot.reply(dan.id, "remind", { time: "08:00" }));
    expect(reply).toContain("Next one: none, as your plan has no more days with reading.");
  });
});

describe("/remind set just after midnight for a late-evening time", () => {
  let bot: BotHarness;

  beforeAll(async () => {
    // Tuesday 2027-01-12, 00:30 UTC: yesterday's 23:30 was an hour ago.
    bot = await startWithCohort("2027-01-12T00:30:00Z", { name: "Late Evening" });
  });
  afterAll(async () => bot.close());

  it("sends the first reminder tonight, not at once for last night", async () => {
    const dora = bot.member("dora");
    await bot.reply(dora.id, "join", { cohort: "Late Evening" });
    const reply = visibleText(await bot.reply(dora.id, "remind", { time: "23:30" }));
    expect(reply).toContain(`<t:${Date.parse("2027-01-12T23:30:00Z") / 1000}:f>`);
    for (const at of ["2027-01-12T00:30:20Z", "2027-01-12T01:00:00Z"]) await bot.test.app.scheduler.tick(new Date(at));
    expect(bot.emulator.dmMessages(dora.id)).toHaveLength(0);
    await bot.test.app.scheduler.tick(new Date("2027-01-12T23:30:10Z"));
    expect(bot.emulator.dmMessages(dora.id)).toHaveLength(1);
  });
});

/**
 * The two-step set-up (the time first, then the zone): what the first step recorded as already past, in
 * the zone it was then, must not silence a reminder the second step's zone still has to come.
 */
describe("/remind set, then moved to a zone further west", () => {
  let bot: BotHarness;

  beforeAll(async () => {
    // 01:00 UTC on Wednesday 2027-01-13: 10:00 on Wednesday in Tokyo, still Tuesday evening in New York.
    bot = await startWithCohort("2027-01-13T01:00:00Z", { name: "Tokyo", timeZone: "Asia/Tokyo" });
  });
  afterAll(async () => bot.close());

  it("sends the reminder the reply names: Wednesday 09:00 in New York", async () => {
    const ada = bot.member("ada");
    await bot.reply(ada.id, "join", { cohort: "Tokyo" });
    await bot.reply(ada.id, "remind", { time: "09:00" });
    bot.clock.set(new Date("2027-01-13T01:05:00Z"));
    const reply = visibleText(await bot.reply(ada.id, "remind", { timezone: "America/New_York" }));
    expect(reply).toContain(`<t:${Math.floor(new Date("2027-01-13T14:00:00Z").getTime() / 1000)}:`);
    bot.clock.set(new Date("2027-01-13T14:00:10Z"));
    await bot.test.app.scheduler.tick(bot.clock.now());
    expect(bot.emulator.dmMessages(ada.id)).toHaveLength(1);
  });
});

/** The same with the admin moving the cohort's zone west after a member who follows it set their time. */
describe("/remind set, then the cohort's zone moved further west", () => {
  let bot: BotHarness;

  beforeAll(async () => {
    bot = await startWithCohort("2027-01-13T01:00:00Z", { name: "Tokyo", timeZone: "Asia/Tokyo" });
  });
  afterAll(async () => bot.close());

  it("sends the follower's reminder on Wednesday 09:00 in New York", async () => {
    const bob = bot.member("bob");
    await bot.reply(bob.id, "join", { cohort: "Tokyo" });
    await bot.reply(bob.id, "remind", { time: "09:00" });
    bot.clock.set(new Date("2027-01-13T01:05:00Z"));
    await bot.reply(bot.admin.id, "cohort edit", { cohort: "Tokyo", timezone: "America/New_York" });
    const reply = visibleText(await bot.reply(bob.id, "remind"));
    expect(reply).toContain(`<t:${Math.floor(new Date("2027-01-13T14:00:00Z").getTime() / 1000)}:`);
    bot.clock.set(new Date("2027-01-13T14:00:10Z"));
    await bot.test.app.scheduler.tick(bot.clock.now());
    expect(bot.emulator.dmMessages(bob.id)).toHaveLength(1);
  });
});
