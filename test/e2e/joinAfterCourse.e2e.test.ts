import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buttonsOf, startBotHarness, visibleText, type BotHarness } from "../helpers/botHarness.js";

/**
 * The hours between a course's last day and its closing post (Monday 09:00 after the last week, or
 * longer when that post was missed): the cohort is not marked finished yet, but its course is over.
 */
describe("/join and /remind once the course's last week is over, before the closing post", () => {
  let bot: BotHarness;
  /** Joined in the course's last week. */
  let lastWeekJoiner: string;

  beforeAll(async () => {
    // The 12-week path from Monday 2027-01-04: its last day is Sunday 2027-03-28.
    bot = await startBotHarness({ now: new Date("2027-03-20T10:00:00Z") });
    await bot.createCohort({ name: "Winter" });
  });
  afterAll(async () => bot.close());

  it("in the last week, a newcomer is still offered to start from this week or catch up", async () => {
    lastWeekJoiner = bot.member("last-week").id;
    const reply = await bot.reply(lastWeekJoiner, "join", { cohort: "Winter" });
    expect(visibleText(reply)).toContain("Welcome to **Winter**");
    expect(buttonsOf(reply).map((button) => button.label)).toHaveLength(2);
  });

  it("after the last day, says the course is over instead of offering to catch up on it", async () => {
    bot.clock.set(new Date("2027-03-29T06:00:00Z"));
    const newcomer = bot.member("too-late");
    const reply = await bot.reply(newcomer.id, "join", { cohort: "Winter" });
    expect(reply.ephemeral).toBe(true);
    expect(visibleText(reply)).toContain("**Winter** has finished");
    expect(visibleText(reply)).not.toContain("catch up");
    expect(buttonsOf(reply)).toEqual([]);
    expect(await bot.test.app.database.prisma.member.count({ where: { userId: newcomer.id } })).toBe(0);
  });

  it("after the last day, /remind says the course has finished instead of promising a reminder", async () => {
    bot.clock.set(new Date("2027-03-29T06:00:00Z"));
    const reply = await bot.reply(lastWeekJoiner, "remind", { time: "08:00" });
    expect(visibleText(reply)).toContain("course has finished, so there are no more reminders");
    expect(visibleText(reply)).not.toContain("Next one");
  });
});
