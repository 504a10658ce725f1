import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EmulatorMessage } from "../../src/emulator/MessageService.js";
import { buttonsOf, startBotHarness, visibleText, type BotHarness } from "../helpers/botHarness.js";
import { StatementCounter } from "../helpers/statementCounter.js";
import { ReminderRepository } from "../../src/db/repositories/ReminderRepository.js";
import { schedulerTiming } from "../../src/scheduler/Scheduler.js";

/**
 * A member who extended their calendar by the full 4 weeks finishes 4 weeks after the cohort's
 * closing post: until their own last day `/today` shows their reading, `/remind` works and the
 * reminder DM comes; then their summary. A member on the cohort's calendar is done at the closing post.
 * 12-week course from Monday 2027-01-04: closing post Monday 2027-03-29, Ada's last day Sunday 2027-04-25.
 */
describe("finishing late: a member's own extended plan after the cohort finished", () => {
  let bot: BotHarness;
  let ada: { id: string };
  let bob: { id: string };
  const cohortName = "Latecomers";
  let lastWeekRoster: EmulatorMessage;
  const at = async (iso: string) => {
    bot.clock.set(new Date(iso));
    await bot.test.app.scheduler.tick(bot.clock.now());
  };

  beforeAll(async () => {
    bot = await startBotHarness({ now: new Date("2027-01-04T10:00:00Z") });
    await bot.createCohort({ name: cohortName, start: "2027-01-04", timeZone: "UTC" });
    ada = bot.member("ada");
    bob = bot.member("bob");
    await bot.reply(ada.id, "join", { cohort: cohortName });
    await bot.reply(bob.id, "join", { cohort: cohortName });
    bot.clock.set(new Date("2027-03-01T10:00:00Z"));
    for (let week = 1; week <= 4; week += 1) expect(visibleText(await bot.reply(ada.id, "pace", { mode: "extend" }))).toContain(cohortName);
    await bot.reply(ada.id, "remind", { time: "18:00" });
    await bot.reply(bob.id, "remind", { time: "18:00" });
    // A roster drawn in the course's last week: Bob is behind, with a Nudge button.
    bot.clock.set(new Date("2027-03-26T10:00:00Z"));
    lastWeekRoster = await bot.reply(bot.admin.id, "cohort roster", { cohort: cohortName });
    // The closing post, then the cohort is finished.
    await at("2027-03-29T09:00:30Z");
    const cohort = await bot.test.app.database.prisma.cohort.findFirstOrThrow({ where: { name: cohortName } });
    expect(cohort.status).toBe("finished");
  }, 120_000);
  afterAll(async () => bot.close());

  it("shows the extended member their day's reading after the closing post, and the others their summary", async () => {
    bot.clock.set(new Date("2027-03-30T10:00:00Z"));
    const adaToday = visibleText(await bot.reply(ada.id, "today"));
    expect(adaToday).not.toContain("Course finished");
    expect(adaToday).toContain("Week 13 · Day 2");
    expect(adaToday).toContain("Due by");
    // Her reading now is logged after the cohort's last week: on no board (README, "Finished").
    const afterCourse =
      "The cohort's course is over by its own clock: reading you log now counts in `/progress`, not in its final standings.";
    expect(adaToday).toContain(afterCourse);
    const bobToday = visibleText(await bot.reply(bob.id, "today"));
    expect(bobToday).toContain("Course finished");
    expect(bobToday).not.toContain(afterCourse);
  });

  it("tells the extended member checkpoints are closed without sending them to a summary /today does not show them", async () => {
    const adaCheckpoint = visibleText(await bot.reply(ada.id, "checkpoint", { cohort: cohortName }));
    expect(adaCheckpoint).toContain("take no more answers");
    expect(adaCheckpoint).not.toContain("course summary");
    expect(adaCheckpoint).toContain("`/today` shows your reading");
    const bobCheckpoint = visibleText(await bot.reply(bob.id, "checkpoint", { cohort: cohortName }));
    expect(bobCheckpoint).toContain("`/today` shows your course summary");
  });

  it("shows the extended member's /week of an extra week with their own dates, and refuses weeks past their plan", async () => {
    const current = visibleText(await bot.reply(ada.id, "week"));
    expect(current).toContain("Week 13 of 16 (this week)");
    // Their reading of the cohort's week 9, four weeks later: due on 2027-03-30 (Tuesday of week 13).
    expect(current).toContain("Tue, 30 Mar 2027");
    expect(current).not.toContain("Nothing assigned");
    expect(visibleText(await bot.reply(ada.id, "week", { number: 16 }))).toContain("Week 16 of 16");
    expect(visibleText(await bot.reply(ada.id, "week", { number: 17 }))).toContain("between 1 and 16");
    expect(visibleText(await bot.reply(bob.id, "week", { number: 13 }))).toContain("between 1 and 12");
  });

  it("takes the extended member's /remind and refuses the others', saying why", async () => {
    expect(visibleText(await bot.reply(ada.id, "remind", { time: "18:00" }))).toContain("Saved");
    expect(visibleText(await bot.reply(bob.id, "remind", { time: "18:00" }))).toContain(
      "course has finished, so there are no more reminders",
    );
  });

  it("sends the extended member's reminder DM at their time, and none to the others", async () => {
    const adaBefore = bot.emulator.dmMessages(ada.id).length;
    const bobBefore = bot.emulator.dmMessages(bob.id).length;
    await at("2027-03-30T18:00:30Z");
    // A tick later (another process's, or the next minute's): still the one DM.
    await at("2027-03-30T18:01:30Z");
    expect(bot.emulator.dmMessages(ada.id)).toHaveLength(adaBefore + 1);
    expect(bot.emulator.dmMessages(bob.id)).toHaveLength(bobBefore);
  });

  it("reads the servers the bot left once in a tick that reminds a finished cohort's member", async () => {
    const counter = StatementCounter.install();
    try {
      // Ada's reminder of today went out at 18:00:30; this tick still reads her (a finished cohort's member).
      const statements = await counter.during(() => at("2027-03-30T18:02:30Z"));
      // The departures' list: not the purge's read of those due for deletion, nor the reminder read (which
      // leaves out the departed servers' members in its own statement), both of which the tick also makes.
      const departureReads = statements.filter((sql) => /GuildDeparture/.test(sql) && !/purgeAt/.test(sql) && !/"Member"/.test(sql));
      expect(departureReads).toHaveLength(1);
    } finally {
      counter.uninstall();
    }
  });

  it("offers Nudge for the extended member only, and refuses a nudge of a member whose course is over", async () => {
    bot.clock.set(new Date("2027-03-31T10:00:00Z"));
    const roster = await bot.reply(bot.admin.id, "cohort roster", { cohort: cohortName });
    const nudges = buttonsOf(roster).filter((button) => button.label.startsWith("Nudge"));
    expect(nudges.map((button) => button.label)).toEqual(["Nudge ada"]);
    const sent = visibleText(await bot.click(bot.admin.id, roster.id, nudges[0]?.customId ?? "").final());
    expect(sent).toContain("friendly DM");
    const bobDms = bot.emulator.dmMessages(bob.id).length;
    // The Nudge button drawn before Bob's course was over: refused, no DM.
    const oldButton = buttonsOf(lastWeekRoster).find((button) => button.label === "Nudge bob");
    const refused = visibleText(await bot.click(bot.admin.id, lastWeekRoster.id, oldButton?.customId ?? "").final());
    expect(refused).toContain("course is over");
    expect(bot.emulator.dmMessages(bob.id)).toHaveLength(bobDms);
  });

  it("counts the 26 weeks a finished cohort is looked at from its closing post, not from the last change of its row", async () => {
    const prisma = bot.test.app.database.prisma;
    const cohort = await prisma.cohort.findFirstOrThrow({ where: { name: cohortName } });
    // A row last written long before (as the finish itself would be, for a cohort that then never changed):
    // two days after the closing post Ada, still reading, is reminded all the same.
    await prisma.cohort.update({ where: { id: cohort.id }, data: { updatedAt: new Date("2026-09-27T00:00:00Z") } });
    const before = bot.emulator.dmMessages(ada.id).length;
    // Wednesday 31 March: Ada has reading, unfinished, at her time.
    await at("2027-03-31T18:00:30Z");
    expect(bot.emulator.dmMessages(ada.id)).toHaveLength(before + 1);
    // 27 weeks after the closing post, the cohort renamed that day (its row written then): no longer read.
    const later = new Date("2027-10-04T18:00:30Z");
    await prisma.cohort.update({ where: { id: cohort.id }, data: { updatedAt: later } });
    const reminders = new ReminderRepository(prisma, bot.test.provider);
    const since = (now: Date) => new Date(now.getTime() - schedulerTiming.finishedRemindingMs);
    const readAt = async (now: Date) =>
      (await reminders.membersWithReminders(["2027-03-31"], undefined, since(now))).map(({ member }) => member.userId);
    expect(await readAt(later)).not.toContain(ada.id);
    expect(await readAt(new Date("2027-03-31T18:00:30Z"))).toContain(ada.id);
    await prisma.cohort.update({ where: { id: cohort.id }, data: { updatedAt: cohort.updatedAt } });
  });

  it("after the extended member's own last day: the summary, /remind says why, no reminder", async () => {
    bot.clock.set(new Date("2027-04-26T10:00:00Z"));
    expect(visibleText(await bot.reply(ada.id, "today"))).toContain("Course finished");
    expect(visibleText(await bot.reply(ada.id, "remind", { time: "18:00" }))).toContain(
      "course has finished, so there are no more reminders",
    );
    const before = bot.emulator.dmMessages(ada.id).length;
    // Monday 26 April, a weekday: a study day of the cohort's calendar, at her time. Nothing sent, nothing recorded.
    await at("2027-04-26T18:00:30Z");
    expect(bot.emulator.dmMessages(ada.id)).toHaveLength(before);
    const rows = await bot.test.app.database.prisma.reminderDelivery.findMany({
      where: { member: { userId: ada.id }, localDate: "2027-04-26" },
    });
    expect(rows).toEqual([]);
    const roster = await bot.reply(bot.admin.id, "cohort roster", { cohort: cohortName });
    expect(buttonsOf(roster).filter((button) => button.label.startsWith("Nudge"))).toEqual([]);
  });
});

/**
 * An admin's `/cohort end` is the end for everyone, also for a member who extended their own plan:
 * Ada extends by 4 weeks, the cohort is ended in week 5; on the day her extended plan would have had
 * reading (2027-03-30) /today shows her summary, as her streak, the roster and /remind say the course is over.
 */
describe("finishing late: an admin's end comes first", () => {
  let bot: BotHarness;
  let ada: { id: string };
  const cohortName = "Ended Early";

  beforeAll(async () => {
    bot = await startBotHarness({ now: new Date("2027-01-04T10:00:00Z") });
    await bot.createCohort({ name: cohortName, start: "2027-01-04", timeZone: "UTC" });
    ada = bot.member("ada");
    await bot.reply(ada.id, "join", { cohort: cohortName });
    for (let week = 1; week <= 4; week += 1) expect(visibleText(await bot.reply(ada.id, "pace", { mode: "extend" }))).toContain(cohortName);
    bot.clock.set(new Date("2027-02-03T10:00:00Z"));
    expect(visibleText(await bot.reply(bot.admin.id, "cohort end", { cohort: cohortName }))).toContain(cohortName);
  }, 120_000);
  afterAll(async () => bot.close());

  it("shows the extended member their summary, not a day's reading, after the cohort ended", async () => {
    bot.clock.set(new Date("2027-03-30T10:00:00Z"));
    const today = visibleText(await bot.reply(ada.id, "today"));
    expect(today).not.toContain("Week 13");
    expect(today).not.toContain("Due by");
    expect(today).toContain("🏁 Ended Early · Cohort ended");
    expect(today).toContain("It was ended on **Wed, 3 Feb 2027**, before its planned last day.");
  });
});

/**
 * /pace and /break agree with /today after the closing post: a member who finishes late can still plan
 * until their own last study day (extend within the 4-week cap, days off), then the course is over for them too.
 */
describe("finishing late: /pace and /break until the member's own end", () => {
  let bot: BotHarness;
  let cleo: { id: string };
  const cohortName = "Planners";

  beforeAll(async () => {
    bot = await startBotHarness({ now: new Date("2027-01-04T10:00:00Z") });
    await bot.createCohort({ name: cohortName, start: "2027-01-04", timeZone: "UTC" });
    cleo = bot.member("cleo");
    await bot.reply(cleo.id, "join", { cohort: cohortName });
    for (let week = 1; week <= 2; week += 1)
      expect(visibleText(await bot.reply(cleo.id, "pace", { mode: "extend" }))).toContain(cohortName);
    // The closing post (Monday 2027-03-29): the cohort is finished, Cleo's own plan runs to Sunday 2027-04-11.
    bot.clock.set(new Date("2027-03-29T09:00:30Z"));
    await bot.test.app.scheduler.tick(bot.clock.now());
  }, 120_000);
  afterAll(async () => bot.close());

  it("lets the extended member extend once more and plan days off after the closing post", async () => {
    bot.clock.set(new Date("2027-03-30T10:00:00Z"));
    const pace = visibleText(await bot.reply(cleo.id, "pace"));
    expect(pace).not.toContain("nothing left to plan");
    expect(visibleText(await bot.reply(cleo.id, "pace", { mode: "extend" }))).toContain("runs 3 weeks later");
    expect(visibleText(await bot.reply(cleo.id, "break", { from: "2027-04-05", to: "2027-04-06" }))).toContain("Days off");
  });

  it("says the course is over once the extended member's own last day has passed", async () => {
    // Three extension weeks: her last study day is Sunday 2027-04-18.
    bot.clock.set(new Date("2027-04-19T10:00:00Z"));
    expect(visibleText(await bot.reply(cleo.id, "pace"))).toContain("nothing left to plan");
    expect(visibleText(await bot.reply(cleo.id, "break", { from: "2027-04-20", to: "2027-04-21" }))).toContain("nothing left to plan");
  });
});
