import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buttonsOf, startBotHarness, visibleText, type BotHarness } from "../helpers/botHarness.js";

/**
 * `/join` on the weekend of the first reading week (after its last study day, Friday; weekdays are study days):
 * that week's items were all due before the member came. The next Monday they are not overdue, and the roster
 * does not list the member as behind for them. It stays a first-week join: no *Start from this week* / *Catch up*,
 * also up to 04:00 on Monday, when the member's day (its 04:00 rollover) is still that Sunday.
 */
describe("/join on the weekend of the first reading week", () => {
  let bot: BotHarness;
  const roster = async (cohort: string, filter: string) => visibleText(await bot.reply(bot.admin.id, "cohort roster", { cohort, filter }));

  beforeAll(async () => {
    // Both start on Monday 4 January 2027 (UTC) on the 12-week path; the break is set before.
    bot = await startBotHarness({ now: new Date("2027-01-01T09:00:00Z") });
    await bot.createCohort({ name: "Weekend Spring", start: "2027-01-04" });
    await bot.createCohort({ name: "Break Spring", start: "2027-01-04" });
    const setBreak = await bot.reply(bot.admin.id, "cohort break", { cohort: "Break Spring", week: 1 });
    expect(visibleText(setBreak)).toContain("is now a break");
  }, 120_000);
  afterAll(async () => bot.close());

  /**
   * `username` joins `cohort` at `joinAt` (no late-join buttons), then at `mondayAt` reads `/today`: nothing overdue,
   * and the roster lists them as behind for nothing. Returns the welcome and `/today`'s text.
   */
  async function weekendJoin(username: string, cohort: string, joinAt: string, mondayAt: string) {
    const member = bot.member(username);
    bot.clock.set(new Date(joinAt));
    const reply = await bot.reply(member.id, "join", { cohort });
    const welcome = visibleText(reply);
    expect(welcome).not.toContain("already under way");
    expect(buttonsOf(reply)).toEqual([]);

    bot.clock.set(new Date(mondayAt));
    const today = visibleText(await bot.reply(member.id, "today", { cohort }));
    expect(today).not.toContain("Overdue");
    expect(await roster(cohort, "behind")).not.toContain(`(${username})`);
    return { welcome, today };
  }

  it("on Saturday of week 1 leaves nothing overdue the next Monday", async () => {
    const { welcome, today } = await weekendJoin("una", "Weekend Spring", "2027-01-09T12:00:00Z", "2027-01-11T12:00:00Z");
    expect(welcome).toContain("Welcome to **Weekend Spring**!");
    expect(today).toContain("📚 From before you joined");
  });

  it("on Saturday of the first reading week after an opening break week, the same", async () => {
    await weekendJoin("val", "Break Spring", "2027-01-16T12:00:00Z", "2027-01-18T12:00:00Z");
  });

  it("before 04:00 on Monday of week 2, still Sunday of week 1 in the member's day, the same", async () => {
    const { today } = await weekendJoin("xan", "Weekend Spring", "2027-01-11T02:00:00Z", "2027-01-11T12:00:00Z");
    expect(today).toContain("📚 From before you joined");
  });

  it("on Friday of week 1 is a first-week join as before: that week's items count as overdue", async () => {
    const wes = bot.member("wes");
    bot.clock.set(new Date("2027-01-08T12:00:00Z"));
    await bot.reply(wes.id, "join", { cohort: "Weekend Spring" });
    bot.clock.set(new Date("2027-01-11T12:00:00Z"));
    expect(visibleText(await bot.reply(wes.id, "today", { cohort: "Weekend Spring" }))).toContain("Overdue");
  });
});
