import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBotHarness, visibleText, type BotHarness } from "../helpers/botHarness.js";

/**
 * `/cohort edit timezone:` moves the reminders of members who follow the cohort's zone. A time that,
 * in the new zone, passed in the last 2 hours (today's, or yesterday's just after midnight) is not a
 * reminder the scheduler missed: it must not go out at once, as `/remind` makes sure for a member's own change.
 */
describe("reminders after /cohort edit timezone:", () => {
  let bot: BotHarness;
  let ada: { id: string };
  let ben: { id: string };
  let dan: { id: string };
  let cara: { id: string };
  const cohortName = "Drifting";

  const tickAt = async (at: string) => {
    bot.clock.set(new Date(at));
    await bot.test.app.scheduler.tick(bot.clock.now());
  };
  const editZone = async (timezone: string) =>
    expect(visibleText(await bot.reply(bot.admin.id, "cohort edit", { cohort: cohortName, timezone }))).toContain(timezone);
  const dms = () => [ada, ben, dan, cara].map((member) => bot.emulator.dmMessages(member.id).length);

  beforeAll(async () => {
    // Tuesday 12 January 2027, 10:00 UTC; the cohort (UTC) started on Monday.
    bot = await startBotHarness({ now: new Date("2027-01-12T10:00:00Z") });
    await bot.createCohort({ name: cohortName, start: "2027-01-11" });
    ada = bot.member("ada");
    ben = bot.member("ben");
    dan = bot.member("dan");
    cara = bot.member("cara");
    for (const member of [ada, ben, dan, cara]) await bot.reply(member.id, "join", { cohort: cohortName });
    await bot.reply(ada.id, "remind", { time: "18:00" });
    await bot.reply(ben.id, "remind", { time: "23:00" });
    await bot.reply(dan.id, "remind", { time: "23:45" });
    // Cara chose her own zone: the cohort's does not move her reminder.
    await bot.reply(cara.id, "remind", { time: "10:30", timezone: "Europe/London" });
  });
  afterAll(async () => bot.close());

  it("does not send at once a reminder whose time passed today in the new zone", async () => {
    // 10:00 UTC is 19:00 in Tokyo: Ada's 18:00 there was an hour ago.
    await editZone("Asia/Tokyo");
    await tickAt("2027-01-12T10:00:30Z");
    expect(dms()).toEqual([0, 0, 0, 0]);
    // Today's times still to come in the new zone go out: Cara's (London) at 10:30 UTC, Ben's at 23:00 Tokyo.
    await tickAt("2027-01-12T10:30:30Z");
    await tickAt("2027-01-12T14:00:30Z");
    expect(dms()).toEqual([0, 1, 0, 1]);
  });

  it("does not send at once yesterday's reminder when the new zone is already past midnight", async () => {
    // 14:30 UTC is 00:30 on Wednesday in Brisbane: Dan's 23:45 of Tuesday there was 45 minutes ago.
    await editZone("Australia/Brisbane");
    await tickAt("2027-01-12T14:30:30Z");
    expect(dms()).toEqual([0, 1, 0, 1]);
  });

  it("sends each reminder at its time in the new zone from then on", async () => {
    // Wednesday in Brisbane: 18:00 is 08:00 UTC, 23:00 is 13:00 UTC, 23:45 is 13:45 UTC.
    for (const at of ["2027-01-13T08:00:30Z", "2027-01-13T13:00:30Z", "2027-01-13T13:45:30Z"]) await tickAt(at);
    expect(dms()).toEqual([1, 2, 1, 1]);
  });
});

/** `/cohort edit start:` moves no reminder time: a time already past today was settled by its tick (nothing to read then). */
describe("reminders after /cohort edit start:", () => {
  let bot: BotHarness;
  let ada: { id: string };
  const cohortName = "Brought Forward";

  beforeAll(async () => {
    // Tuesday 12 January 2027, 08:00 UTC; the cohort (UTC) was to start the Monday after.
    bot = await startBotHarness({ now: new Date("2027-01-12T08:00:00Z") });
    await bot.createCohort({ name: cohortName, start: "2027-01-18" });
    ada = bot.member("ada");
    await bot.reply(ada.id, "join", { cohort: cohortName });
    await bot.reply(ada.id, "remind", { time: "09:00" });
  });
  afterAll(async () => bot.close());

  it("does not send at once today's reminder whose time passed before the course began", async () => {
    bot.clock.set(new Date("2027-01-12T09:00:30Z"));
    await bot.test.app.scheduler.tick(bot.clock.now());
    bot.clock.set(new Date("2027-01-12T10:00:00Z"));
    expect(visibleText(await bot.reply(bot.admin.id, "cohort edit", { cohort: cohortName, start: "2027-01-11" }))).toContain("2027");
    bot.clock.set(new Date("2027-01-12T10:00:30Z"));
    await bot.test.app.scheduler.tick(bot.clock.now());
    expect(bot.emulator.dmMessages(ada.id)).toHaveLength(0);
    // Tomorrow's comes at its time.
    bot.clock.set(new Date("2027-01-13T09:00:30Z"));
    await bot.test.app.scheduler.tick(bot.clock.now());
    expect(bot.emulator.dmMessages(ada.id)).toHaveLength(1);
  });
});
