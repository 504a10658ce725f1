import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { estimatedMinutes } from "../../src/domain/schedule/estimatedMinutes.js";
import type { InteractionHandle } from "../../src/emulator/InteractionHandle.js";
import type { EmulatorMessage } from "../../src/emulator/MessageService.js";
import { buttonsOf, startBotHarness, visibleText, type BotHarness } from "../helpers/botHarness.js";

/**
 * Members who fall behind, join late, take a break or log for yesterday
 * (PRODUCT.md Part 2), through discord.js and the emulator. Every cohort
 * starts Monday 2027-01-04 (UTC) on the 12-week path, Monday to Friday.
 */
const at = (iso: string): Date => new Date(iso);
const tuesdayOfWeek1 = at("2027-01-05T10:00:00Z");

async function answered(handle: InteractionHandle): Promise<EmulatorMessage> {
  const message = await handle.final();
  expect(handle.failed).toBe(false);
  return message;
}

/** The overdue field's lines: what /today lists as overdue. */
function overdueLines(message: EmulatorMessage): string[] {
  const field = message.embeds[0]?.fields?.find((entry) => entry.name.startsWith("Overdue"));
  return field === undefined ? [] : field.value.split("\n");
}

describe("member plans through discord.js and the emulator", () => {
  let bot: BotHarness;
  let cohortCount = 0;

  beforeAll(async () => {
    bot = await startBotHarness({ now: tuesdayOfWeek1 });
  });
  afterEach(() => bot.clock.set(tuesdayOfWeek1));
  afterAll(async () => bot.close());

  const run = (userId: string, name: string, options: Record<string, string | number | boolean> = {}) =>
    answered(bot.run(userId, name, options));
  const click = (userId: string, message: EmulatorMessage, customId: string) => answered(bot.click(userId, message.id, customId));

  /** A fresh cohort and a member who joins it at `joinAt`. */
  async function memberOfNewCohort(username: string, joinAt: Date = tuesdayOfWeek1) {
    cohortCount += 1;
    const cohort = await bot.createCohort({ name: `Plan Cohort ${cohortCount}` });
    const member = bot.member(username);
    bot.clock.set(joinAt);
    const welcome = await run(member.id, "join", { cohort: String(cohort.id) });
    const command = (name: string, options: Record<string, string | number | boolean> = {}) =>
      run(member.id, name, { ...options, cohort: String(cohort.id) });
    return { cohort, member, welcome, command };
  }

  const pointsOfItem = async (userId: string, title: string) => {
    const row = await bot.test.app.database.prisma.completion.findFirstOrThrow({ where: { member: { userId }, item: { title } } });
    return { points: row.points, onTime: row.onTime, day: row.day, forYesterday: row.forYesterday };
  };

  describe("late joiners", () => {
    const tuesdayOfWeek2 = at("2027-01-12T10:00:00Z");

    it("offers Start from this week and Catch up; the default leaves earlier items as backlog, never overdue", async () => {
      const { member, welcome, command } = await memberOfNewCohort("late-lena", tuesdayOfWeek2);
      expect(visibleText(welcome)).toContain("already under way");
      const choices = buttonsOf(welcome);
      expect(choices.map((choice) => choice.label)).toEqual(["Start from this week", "Catch up"]);

      const today = await command("today");
      // Not "Overdue · 6 items": the week-1 items and Monday's are backlog.
      expect(overdueLines(today)).toEqual([]);
      expect(visibleText(today)).toMatch(/From before you joined: \d+ items/);
      const todayItems = visibleText(today)
        .split("\n")
        .filter((line) => line.startsWith("⬜ **"));
      expect(todayItems.length).toBeGreaterThan(0);
      expect(buttonsOf(today)).toHaveLength(todayItems.length);

      const started = await click(member.id, welcome, choices[0]?.customId ?? "");
      expect(visibleText(started)).toContain("You start from this week");
      expect(buttonsOf(started)).toEqual([]);
      expect(visibleText(await command("pace"))).toMatch(/To catch up: \*\*\d+ items\*\* .* of them from before you joined/);
    });

    it("Catch up spreads the backlog over the next study days, so today carries more and nothing is overdue", async () => {
      const { member, welcome, command } = await memberOfNewCohort("late-leo", tuesdayOfWeek2);
      const before = buttonsOf(await command("today")).length;
      const caughtUp = await click(member.id, welcome, buttonsOf(welcome)[1]?.customId ?? "");
      expect(visibleText(caughtUp)).toMatch(/Spread \*\*\d+ items\*\* .* over your next study days/);
      const today = await command("today");
      expect(overdueLines(today)).toEqual([]);
      expect(visibleText(today)).not.toContain("From before you joined");
      expect(buttonsOf(today).length).toBeGreaterThan(before);
    });

    it("answers Start from this week truthfully after the backlog was already spread with /pace", async () => {
      const { member, welcome, command } = await memberOfNewCohort("late-lou", tuesdayOfWeek2);
      await command("pace", { mode: "catch_up" });
      const start = buttonsOf(welcome)[0];
      expect(start?.label).toBe("Start from this week");
      const answer = visibleText(await click(member.id, welcome, start?.customId ?? ""));
      // The catch-up stays: the earlier items are on the coming days, not in a backlog.
      expect(answer).not.toContain("Earlier items stay in your backlog");
      expect(answer).toContain("already spread");
      expect(answer).toContain("`/pace mode:reset` puts them back in your backlog");
      expect(visibleText(await command("today"))).not.toContain("From before you joined");
    });

    it("does not offer the choice to someone joining in week 1", async () => {
      const { welcome } = await memberOfNewCohort("early-eve");
      expect(buttonsOf(welcome)).toEqual([]);
      expect(visibleText(welcome)).not.toContain("already under way");
    });
  });

  describe("a member far behind", () => {
    const wednesdayOfWeek3 = at("2027-01-20T10:00:00Z");

    it("sees at most 5 overdue items, oldest first, a pointer to /pace, and buttons for exactly what is listed", async () => {
      const { command } = await memberOfNewCohort("behind-bob");
      bot.clock.set(wednesdayOfWeek3);
      const today = await command("today");
      const lines = overdueLines(today);
      const field = today.embeds[0]?.fields?.find((entry) => entry.name.startsWith("Overdue"));
      const total = Number(/Overdue · (\d+) items/.exec(field?.name ?? "")?.[1]);
      expect(total).toBeGreaterThan(5);
      expect(lines).toHaveLength(6);
      expect(lines[0]).toContain("Database Selection Guide");
      expect(lines[5]).toMatch(new RegExp(`^…and ${total - 5} more \\(.+\\): \`/pace\` to catch up$`));
      const listedTitles = lines.slice(0, 5).map((line) => /^⬜ (.+?) · /.exec(line)?.[1]);
      const todayTitles = visibleText(today)
        .split("\n")
        .flatMap((line) => /^⬜ \*\*(.+?)\*\* · /.exec(line)?.[1] ?? []);
      expect(buttonsOf(today).map((entry) => entry.label)).toEqual([...todayTitles, ...listedTitles].map((title) => `Done: ${title}`));
    });

    it("/pace shows how far behind and catch_up re-plans the backlog with the on-time bonus on its new days", async () => {
      const { member, command } = await memberOfNewCohort("behind-bea");
      bot.clock.set(wednesdayOfWeek3);
      const pace = await command("pace");
      expect(visibleText(pace)).toMatch(/Behind the cohort's plan: \*\*\d+ Required items\*\*/);
      expect(buttonsOf(pace).map((entry) => entry.label)).toEqual(["Catch up", "Extend by a week"]);

      const caughtUp = await command("pace", { mode: "catch_up", days: 5 });
      expect(visibleText(caughtUp)).toMatch(/Spread \*\*\d+ items\*\*/);
      const today = await command("today");
      expect(overdueLines(today)).toEqual([]);
      // Database Selection Guide (due in week 1) is now due in the catch-up: done today, it earns the bonus.
      expect(visibleText(today)).toContain("Database Selection Guide");
      await command("done", { item: "Database Selection Guide" });
      expect(await pointsOfItem(member.id, "Database Selection Guide")).toMatchObject({ points: 24, onTime: true });
      // Everything is planned from today on: nothing is left to catch up.
      expect(visibleText(await command("pace", { mode: "catch_up" }))).toContain("Nothing to catch up");
    });

    it("a /break planned the day after a catch-up leaves today's catch-up reading due today, not overdue", async () => {
      const { command } = await memberOfNewCohort("behind-ben");
      // Over 20 days no day is at the cap, so fewer study days (the break) would give each earlier day more.
      bot.clock.set(at("2027-01-18T10:00:00Z"));
      expect(visibleText(await command("pace", { mode: "catch_up", days: 20 }))).toMatch(/Spread \*\*\d+ items\*\*/);
      bot.clock.set(at("2027-01-19T10:00:00Z"));
      const listed = (reply: Awaited<ReturnType<typeof command>>) => buttonsOf(reply).map((entry) => entry.label);
      const before = await command("today");
      expect(listed(before).length).toBeGreaterThan(overdueLines(before).length);
      expect(visibleText(await command("break", { from: "2027-01-20", to: "2027-01-22" }))).toContain("Days off from");
      const after = await command("today");
      // Monday's catch-up reading is as overdue as it was; Tuesday's stays due today (no new overdue line).
      expect(overdueLines(after)).toEqual(overdueLines(before));
      expect(listed(after)).toEqual(listed(before));
    });

    it("/pace days:10 without a mode offers a catch-up over those 10 days, and its button spreads over 10", async () => {
      const { member, command } = await memberOfNewCohort("patient-pia");
      bot.clock.set(wednesdayOfWeek3);
      const pace = await command("pace", { days: 10 });
      expect(visibleText(pace)).toContain("over your next 10 study days");
      const catchUp = buttonsOf(pace).find((entry) => entry.label === "Catch up");
      await click(member.id, pace, catchUp?.customId ?? "");
      const stored = await bot.test.app.database.prisma.memberAdjustment.findMany({ where: { member: { userId: member.id } } });
      expect(stored.map((row) => [row.kind, row.days])).toEqual([["catch_up", 10]]);
    });

    it("once the course is over, plans nothing more: no catch-up, extension or break promising a /today that shows the summary", async () => {
      const { member, command } = await memberOfNewCohort("after-anna", at("2027-01-04T10:00:00Z"));
      // The 12-week course ended on Sunday 2027-03-28; its closing post went out.
      bot.clock.set(at("2027-03-29T10:00:00Z"));
      await bot.test.app.scheduler.tick(bot.clock.now());
      const pace = await command("pace");
      expect(visibleText(pace)).toContain("is over, so there is nothing left to plan");
      // No invitation to catch up on a course that is over.
      expect(visibleText(pace)).not.toContain("To catch up");
      expect(buttonsOf(pace)).toEqual([]);
      for (const mode of ["catch_up", "extend"])
        expect(visibleText(await command("pace", { mode }))).toContain("is over, so there is nothing left to plan");
      expect(visibleText(await command("break", { from: "2027-03-30", to: "2027-03-31" }))).toContain(
        "is over, so there is nothing left to plan",
      );
      const state = await bot.test.app.database.prisma.member.findFirstOrThrow({
        where: { userId: member.id },
        include: { adjustments: true, breaks: true },
      });
      expect([state.adjustments, state.breaks]).toEqual([[], []]);
      expect(visibleText(await command("today"))).toContain("Course finished");
    });

    it("says why a catch-up runs past the days asked for: no day may pass twice an average day", async () => {
      const { command } = await memberOfNewCohort("behind-bao");
      bot.clock.set(wednesdayOfWeek3);
      // 17 items (7 h 30 min) cannot fit in 2 days under the cap (2 × the 42-minute average study day).
      const stretched = visibleText(await command("pace", { mode: "catch_up", days: 2 }));
      expect(stretched).toContain("It takes more than 2 study days, as no day carries more than twice an average study day (1 h 24 min).");
    });

    it("says nothing of the cap when the catch-up fits in the days asked for", async () => {
      const { command } = await memberOfNewCohort("behind-bram");
      bot.clock.set(at("2027-01-06T10:00:00Z"));
      // Monday's and Tuesday's 50 minutes fit in 10 days.
      const fitted = visibleText(await command("pace", { mode: "catch_up", days: 10 }));
      expect(fitted).toContain("Spread **2 items**");
      expect(fitted).not.toContain("It takes more than");
    });

    it("says nothing of the cap when the catch-up fits in the days asked for around days off", async () => {
      const { command } = await memberOfNewCohort("behind-bianca");
      bot.clock.set(at("2027-01-06T10:00:00Z"));
      await command("break", { from: "2027-01-07", to: "2027-01-20" });
      // The 3 study days asked for are 6, 21 and 22 January: past the 8th, yet not stretched.
      const fitted = visibleText(await command("pace", { mode: "catch_up", days: 3 }));
      expect(fitted).toContain(
        "Spread **2 items** (50 min) over your next study days, on top of each day's own reading, until **Fri, 22 Jan 2027**.",
      );
      expect(fitted).not.toContain("It takes more than");
    });

    it("refuses a catch-up when nothing is behind", async () => {
      const { command } = await memberOfNewCohort("ontrack-olga", at("2027-01-04T10:00:00Z"));
      expect(visibleText(await command("pace"))).toContain("on track");
      expect(visibleText(await command("pace", { mode: "catch_up" }))).toContain("Nothing to catch up");
    });
  });

  describe("extend and reset", () => {
    it("extend shifts the member's calendar a week later (due days and bonus follow); reset goes back; at most 4 weeks", async () => {
      const { member, command } = await memberOfNewCohort("slow-sam");
      bot.clock.set(at("2027-01-12T10:00:00Z"));
      const pace = await command("pace");
      const extendButton = buttonsOf(pace).find((entry) => entry.label === "Extend by a week");
      const extended = await click(member.id, pace, extendButton?.customId ?? "");
      expect(visibleText(extended)).toContain("runs 1 week later than the cohort's");
      // Tuesday of week 2 reads week 1's Tuesday item for this member, on time.
      const today = await command("today");
      expect(visibleText(today)).toContain("**Storage Engines**");
      await command("done", { item: "Storage Engines" });
      expect(await pointsOfItem(member.id, "Storage Engines")).toMatchObject({ points: 36, onTime: true });
      // /week follows the member's calendar too: week 2 carries week 1's reading, and their weeks are 13.
      const week = visibleText(await command("week"));
      expect(week).toContain("Week 2 of 13 (this week)");
      expect(week).toContain("✅ Storage Engines · Required · 30 min");
      expect(week).toContain("⬜ Database Selection Guide · Required · 20 min");

      expect(visibleText(await command("pace", { mode: "reset" }))).toContain("back on the cohort's calendar");
      expect(visibleText(await command("today"))).not.toContain("**Storage Engines**");

      for (let week = 1; week <= 4; week += 1) await command("pace", { mode: "extend" });
      const limit = visibleText(await command("pace", { mode: "extend" }));
      expect(limit).toContain("already runs 4 weeks");
      expect(limit).toContain("`/pace mode:reset` goes back to the cohort's calendar");
      const atLimit = await command("pace");
      expect(buttonsOf(atLimit).map((entry) => entry.label)).not.toContain("Extend by a week");
      expect(visibleText(atLimit)).not.toContain("**Extend by a week**");
      expect(visibleText(atLimit)).toContain("**Back to the cohort's plan** goes back to the cohort's calendar");
    });
  });

  describe("catch up at a late join, then extend", () => {
    it("keeps every day with catch-up reading within 2 × the cohort's average study day", async () => {
      const joinAt = at("2027-01-13T10:00:00Z"); // Wednesday of week 2
      const { cohort, member, welcome, command } = await memberOfNewCohort("late-kim", joinAt);
      const catchUp = buttonsOf(welcome).find((entry) => entry.label === "Catch up");
      await click(member.id, welcome, catchUp?.customId ?? "");
      expect(visibleText(await command("pace", { mode: "extend" }))).toContain("runs 1 week later than the cohort's");

      const record = await bot.test.app.services.cohorts.memberOf(cohort, member.id);
      const { plan } = await bot.test.app.services.memberPlans.planFor(cohort, record, joinAt);
      const caughtUpDays = [...plan.itemsByDueDate].filter(([, entries]) => entries.some((entry) => entry.source === "catch_up"));
      expect(caughtUpDays.length).toBeGreaterThan(0);
      for (const [date, entries] of caughtUpDays) {
        const minutes = entries.reduce((sum, entry) => sum + estimatedMinutes(entry.item), 0);
        expect({ date, minutes: minutes <= plan.catchUpCap }).toEqual({ date, minutes: true });
      }
      // /week, as the member reads it, says the same of every day of the weeks the catch-up fills.
      const minutesOf = (text: string) =>
        text === "free" ? 0 : Number(/(\d+) h/.exec(text)?.[1] ?? 0) * 60 + Number(/(\d+) min/.exec(text)?.[1] ?? 0);
      for (const number of [2, 3, 4]) {
        const days = [...visibleText(await command("week", { number })).matchAll(/^\w{3}, \d+ \w{3} 2027 · (.+)$/gm)];
        expect(days.length).toBeGreaterThanOrEqual(5);
        for (const [, total] of days) expect(minutesOf(total ?? "")).toBeLessThanOrEqual(plan.catchUpCap);
      }
    });
  });

  describe("/done when:yesterday and the 04:00 rollover", () => {
    it("logs for the previous study day: keeps the streak, earns no on-time bonus", async () => {
      const { member, command } = await memberOfNewCohort("yesterday-yan", at("2027-01-04T10:00:00Z"));
      await command("done", { item: "Database Selection Guide" });
      // Tuesday passes with nothing done; on Wednesday Tuesday's reading is logged for yesterday.
      bot.clock.set(at("2027-01-06T10:00:00Z"));
      const logged = await command("done", { item: "Storage Engines", when: "yesterday" });
      expect(visibleText(logged)).toContain("for **Tue, 5 Jan 2027**");
      expect(visibleText(logged)).toContain("no on-time bonus");
      expect(await pointsOfItem(member.id, "Storage Engines")).toMatchObject({ points: 30, onTime: false, day: "2027-01-05" });
      const today = await command("done", { item: "PostgreSQL Internals" });
      expect(visibleText(today)).toContain("Streak: **3 study days**");
    });

    it("counts a 01:30 completion for the day before", async () => {
      const { member, command } = await memberOfNewCohort("night-owl", at("2027-01-04T10:00:00Z"));
      await command("done", { item: "Database Selection Guide" });
      bot.clock.set(at("2027-01-06T01:30:00Z"));
      const late = await command("done", { item: "Storage Engines" });
      // Still Tuesday for the member: on time, and the streak has two days.
      expect(await pointsOfItem(member.id, "Storage Engines")).toMatchObject({ points: 36, onTime: true, day: "2027-01-05" });
      expect(visibleText(late)).toContain("Streak: **2 study days**");
    });

    it("has no yesterday on the course's first day: nothing is logged before the course began", async () => {
      const { member, command } = await memberOfNewCohort("eager-ezra", at("2027-01-04T10:00:00Z"));
      const refused = await command("done", { item: "Database Selection Guide", when: "yesterday" });
      expect(visibleText(refused)).toContain("There is no earlier study day to log this for");
      expect(await bot.test.app.database.prisma.completion.count({ where: { member: { userId: member.id } } })).toBe(0);
      expect(visibleText(await command("done", { item: "Database Selection Guide" }))).toContain("Streak: **1 study day**");
    });

    it("has no yesterday on a late joiner's first day: nothing is logged for a day before they joined", async () => {
      // Monday of week 3: the previous study day, Friday of week 2, was before the member was in the cohort.
      const { member, command } = await memberOfNewCohort("late-yesterday-yara", at("2027-01-18T10:00:00Z"));
      const refused = await command("done", { item: "N+1 Problem", when: "yesterday" });
      // That day was a study day of the cohort: the member is told they had not joined yet, not that there was none.
      expect(visibleText(refused)).toContain("You were not in this cohort on its previous study day (you joined after it)");
      expect(await bot.test.app.database.prisma.completion.count({ where: { member: { userId: member.id } } })).toBe(0);
      // From the join day on, yesterday is theirs: on Tuesday it logs for Monday, their first day.
      bot.clock.set(at("2027-01-19T10:00:00Z"));
      expect(visibleText(await command("done", { item: "N+1 Problem", when: "yesterday" }))).toContain("for **Mon, 18 Jan 2027**");
    });

    it("has no yesterday on the day a member came back: they were away on the previous study day", async () => {
      const { command } = await memberOfNewCohort("returning-rosa", at("2027-01-04T10:00:00Z"));
      await command("leave");
      // Monday of week 3: back after the weeks away; Friday of week 2 was not theirs.
      bot.clock.set(at("2027-01-18T10:00:00Z"));
      await command("join");
      const refused = await command("done", { item: "N+1 Problem", when: "yesterday" });
      expect(visibleText(refused)).toContain("You were not in this cohort on its previous study day (you came back after it)");
    });

    it("has no yesterday on the join day of a member who joined during week 1: nothing is logged for a day before they joined", async () => {
      // Wednesday of week 1: Tuesday is a study day of the course, but not of this member's.
      const { member, command } = await memberOfNewCohort("midweek-yesterday-mia", at("2027-01-06T10:00:00Z"));
      const refused = await command("done", { item: "Storage Engines", when: "yesterday" });
      expect(visibleText(refused)).toContain("You were not in this cohort on its previous study day (you joined after it)");
      expect(await bot.test.app.database.prisma.completion.count({ where: { member: { userId: member.id } } })).toBe(0);
      // On Thursday, yesterday is their join day.
      bot.clock.set(at("2027-01-07T10:00:00Z"));
      expect(visibleText(await command("done", { item: "Storage Engines", when: "yesterday" }))).toContain("for **Wed, 6 Jan 2027**");
    });

    it("heads /today and /week with the week and day of the member's day, not the next one's", async () => {
      const { command } = await memberOfNewCohort("late-night-lou", at("2027-01-04T10:00:00Z"));
      // 01:30 on Monday of week 2 is still Sunday for the member.
      bot.clock.set(at("2027-01-11T01:30:00Z"));
      const night = visibleText(await command("today"));
      expect(night).toContain("Sun, 10 Jan 2027");
      expect(night).toContain("Week 1 · Day 7");
      expect(night).toContain("Week 1 progress");
      // In Los Angeles, 02:00 UTC on Monday is Sunday evening.
      await command("remind", { time: "08:00", timezone: "America/Los_Angeles" });
      bot.clock.set(at("2027-01-11T02:00:00Z"));
      const evening = visibleText(await command("today"));
      expect(evening).toContain("Sun, 10 Jan 2027");
      expect(evening).toContain("Week 1 · Day 7");
      expect(evening).not.toContain("Week 2");
      expect(visibleText(await command("week"))).toContain("Week 1 of 12 (this week)");
    });
  });

  describe("streak freezes", () => {
    it("earns a freeze after 5 study days and spends it on a missed day, keeping the streak", async () => {
      const { command } = await memberOfNewCohort("steady-stella", at("2027-01-04T10:00:00Z"));
      const week1 = ["Database Selection Guide", "Storage Engines", "PostgreSQL Internals", "Write-Ahead Logging", "Indexing Deep Dive"];
      for (const [index, title] of week1.entries()) {
        bot.clock.set(at(`2027-01-0${4 + index}T10:00:00Z`));
        await command("done", { item: title });
      }
      expect(visibleText(await command("progress"))).toContain("Freezes: 1/2");
      // Monday of week 2 is missed; Tuesday's completion finds the streak alive.
      bot.clock.set(at("2027-01-12T10:00:00Z"));
      const text = visibleText(await command("today"));
      expect(text).toContain("Streak: **5 study days** · ❄️ Freezes: 0/2");
      expect(text).toMatch(/safe until <t:\d+:R>/);
      await command("done", { item: "Isolation Levels" });
      expect(visibleText(await command("progress"))).toContain("Streak: **6 study days**");
    });
  });

  describe("a cohort break week", () => {
    it("shows no empty week progress bar (0/0 items) on /today during the break", async () => {
      const { cohort, command } = await memberOfNewCohort("resting-ruth", at("2027-01-04T10:00:00Z"));
      await answered(bot.run(bot.admin.id, "cohort break", { cohort: String(cohort.id), week: 2 }));
      bot.clock.set(at("2027-01-13T10:00:00Z"));
      const today = visibleText(await command("today"));
      expect(today).toContain("A day off");
      expect(today).not.toContain("0/0");
      expect(today).not.toContain("Week 2 progress");
    });

    it("moves the sections' weeks in /progress as in /week: the member reads the same week numbers everywhere", async () => {
      const { cohort, member, command } = await memberOfNewCohort("break-bianca", at("2027-01-04T10:00:00Z"));
      await answered(bot.run(bot.admin.id, "cohort break", { cohort: String(cohort.id), week: 2 }));
      bot.clock.set(at("2027-01-19T10:00:00Z"));
      expect(visibleText(await command("week"))).toContain("**Database Performance** · weeks 3–4");
      const progress = visibleText(await command("progress"));
      expect(progress).toContain("Database Fundamentals (weeks 1–3)");
      expect(progress).toContain("Database Performance (weeks 3–4)");
      expect(progress).toContain("Production Blueprints & Capstone (week 13)");
      const choices = await bot.autocomplete(member.id, "done", "item", { item: "Connection Pooling", cohort: String(cohort.id) });
      expect(choices[0]?.name).toContain("Weeks 3-4");
    });
  });

  describe("the course summary", () => {
    it("keeps /progress's rank on the final board: late completions count in points but move no rank", async () => {
      cohortCount += 1;
      const cohort = await bot.createCohort({ name: `Plan Cohort ${cohortCount}` });
      const [ada, bob, cy] = [bot.member("final-ada"), bot.member("final-bob"), bot.member("final-cy")];
      const as = (member: { id: string }, name: string, options: Record<string, string> = {}) =>
        run(member.id, name, { ...options, cohort: String(cohort.id) });
      bot.clock.set(at("2027-01-04T10:00:00Z"));
      for (const member of [ada, bob, cy]) await as(member, "join");
      await as(ada, "done", { item: "Database Selection Guide" });
      await as(ada, "done", { item: "Storage Engines" });
      await as(bob, "done", { item: "Database Selection Guide" });
      // The closing post, after the last week: the board is final and the cohort finished.
      bot.clock.set(at("2027-03-29T09:00:30Z"));
      await bot.test.app.scheduler.tick(bot.clock.now());
      for (const item of ["Storage Engines", "PostgreSQL Internals", "Write-Ahead Logging"]) await as(bob, "done", { item });
      expect(visibleText(await as(bob, "leaderboard"))).toContain("**final-bob**: #2 of 2");
      expect(visibleText(await as(bob, "today"))).toMatch(/Final rank\n#2 of 2/);
      const progress = visibleText(await as(bob, "progress"));
      expect(progress).toMatch(/Points: \*\*\d+\*\* · Rank: \*\*#2\*\* of 2/);
      // Cy scored only after the board became final: no promise that points will rank them.
      await as(cy, "done", { item: "Storage Engines" });
      const late = visibleText(await as(cy, "progress"));
      expect(late).toMatch(/Points: \*\*\d+\*\* · Not on the final leaderboard/);
      expect(late).not.toContain("Not ranked yet");
    });

    it("shows the best streak the member saw during the course: days logged for yesterday and their own breaks count", async () => {
      const { command } = await memberOfNewCohort("summary-sam", at("2027-01-04T10:00:00Z"));
      await command("done", { item: "Database Selection Guide" });
      bot.clock.set(at("2027-01-06T10:00:00Z"));
      await command("done", { item: "Storage Engines", when: "yesterday" });
      await command("done", { item: "PostgreSQL Internals" });
      await command("break", { from: "2027-01-07", to: "2027-01-07" });
      bot.clock.set(at("2027-01-08T10:00:00Z"));
      await command("done", { item: "Write-Ahead Logging" });
      expect(visibleText(await command("progress"))).toContain("Streak: **4 study days**");
      // The 12-week course is over on 2027-03-29.
      bot.clock.set(at("2027-04-05T10:00:00Z"));
      const summary = visibleText(await command("today"));
      expect(summary).toContain("Course finished");
      expect(summary).toMatch(/Best streak\n4 study days/);
    });
  });

  describe("the progress card's study-day grid", () => {
    it("agrees with the streak: a day logged for yesterday and a 01:30 completion fill their own days, days off are days off", async () => {
      const { member, cohort, command } = await memberOfNewCohort("grid-greta", at("2027-01-04T10:00:00Z"));
      await command("done", { item: "Database Selection Guide" });
      await command("break", { from: "2027-01-06", to: "2027-01-07" });
      // Friday: Tuesday's reading logged for yesterday (Wednesday and Thursday were days off).
      bot.clock.set(at("2027-01-08T10:00:00Z"));
      await command("done", { item: "Storage Engines", when: "yesterday" });
      // 01:30 on Saturday is still Friday for the member.
      bot.clock.set(at("2027-01-09T01:30:00Z"));
      await command("done", { item: "PostgreSQL Internals" });
      bot.clock.set(at("2027-01-09T10:00:00Z"));
      expect(visibleText(await command("progress"))).toContain("Streak: **3 study days**");
      const view = await bot.test.app.services.study.progress({
        guildId: bot.guild.id,
        userId: member.id,
        cohort: String(cohort.id),
        targetUserId: null,
        now: at("2027-01-09T10:00:00Z"),
      });
      expect(view.studyWeeks).toEqual([{ weekNumber: 1, days: ["done", "done", "dayOff", "dayOff", "done", "notStudyDay", "future"] }]);
    });
  });

  describe("/break", () => {
    it("takes days off: no reminders on them, the streak neither broken nor extended; off:True ends it", async () => {
      const { member, command } = await memberOfNewCohort("resting-rita", at("2027-01-04T10:00:00Z"));
      await command("remind", { time: "08:00" });
      await command("done", { item: "Database Selection Guide" });
      bot.clock.set(at("2027-01-05T10:00:00Z"));
      await command("done", { item: "Storage Engines" });
      const taken = await command("break", { from: "2027-01-06", to: "2027-01-08" });
      expect(visibleText(taken)).toContain("Days off from **Wed, 6 Jan 2027** to **Fri, 8 Jan 2027**");

      const dms = () => bot.emulator.dmMessages(member.id).length;
      const before = dms();
      await bot.test.app.scheduler.tick(at("2027-01-06T08:00:30Z"));
      expect(dms()).toBe(before);
      await bot.test.app.scheduler.tick(at("2027-01-11T08:00:30Z"));
      expect(dms()).toBe(before + 1);

      bot.clock.set(at("2027-01-11T10:00:00Z"));
      const today = visibleText(await command("today"));
      expect(today).toContain("Streak: **2 study days**");
      // Wednesday to Friday were days off: the streak waited for Monday.
      expect(visibleText(await command("done", { item: "PostgreSQL Internals" }))).toContain("Streak: **3 study days**");
    });

    it("on a day off that still has reading due, /today does not claim that no reading is expected", async () => {
      const { command } = await memberOfNewCohort("daydream-dora");
      await command("break", { from: "2027-01-05", to: "2027-01-06" });
      const today = visibleText(await command("today"));
      // Tuesday's item is still due today (and overdue tomorrow): the reply lists it with its Done button.
      expect(today).toContain("**Storage Engines**");
      expect(today).toContain("A day off");
      expect(today).not.toContain("no reading is expected");
      expect(today).toContain("still due today");
    });

    it("refuses bad dates, a break over 28 days, one starting in the past and an 11th planned one; off:True ends a break early", async () => {
      const { member, command } = await memberOfNewCohort("careful-carl");
      expect(visibleText(await command("break", { from: "next week", to: "2027-01-08" }))).toContain("YYYY-MM-DD");
      expect(visibleText(await command("break", { from: "2027-01-08", to: "2027-01-06" }))).toContain("ends before it starts");
      expect(visibleText(await command("break", { from: "2027-01-06", to: "2027-02-10" }))).toContain("at most 28 days");
      expect(visibleText(await command("break", { from: "2027-01-04", to: "2027-01-06" }))).toContain("today or later");

      await command("break", { from: "2027-01-05", to: "2027-01-15" });
      expect(visibleText(await command("today"))).toContain("A day off");
      bot.clock.set(at("2027-01-07T10:00:00Z"));
      expect(visibleText(await command("break", { from: "2027-01-05", to: "2027-01-15", off: true }))).toContain("Your break is over");
      expect(visibleText(await command("today"))).not.toContain("A day off");
      expect(visibleText(await command("break", { from: "2027-01-05", to: "2027-01-15", off: true }))).toContain("no break");

      // Days off overlapping planned ones are refused, naming those: a later off:True would end both at once.
      await command("break", { from: "2027-01-25", to: "2027-01-29" });
      const overlap = visibleText(await command("break", { from: "2027-01-28", to: "2027-02-02" }));
      expect(overlap).toContain("already have days off from **Mon, 25 Jan 2027** to **Fri, 29 Jan 2027**");
      expect(await bot.test.app.database.prisma.memberBreak.count({ where: { member: { userId: member.id } } })).toBe(2);
      await command("break", { from: "2027-01-25", to: "2027-01-29", off: true });

      // A break not yet begun is called off, not "over": the reply names the days that are study days again.
      await command("break", { from: "2027-02-01", to: "2027-02-05" });
      const calledOff = visibleText(await command("break", { from: "2027-02-03", to: "2027-02-03", off: true }));
      expect(calledOff).toContain("Your days off from **Mon, 1 Feb 2027** to **Fri, 5 Feb 2027** are called off");
      expect(calledOff).not.toContain("Your break is over");

      for (let day = 10; day < 20; day += 1) await command("break", { from: `2027-02-${day}`, to: `2027-02-${day}` });
      expect(visibleText(await command("break", { from: "2027-02-25", to: "2027-02-26" }))).toContain("already have 10 breaks planned");
    });
  });
});
