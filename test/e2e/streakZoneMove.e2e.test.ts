import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBotHarness, visibleText, type BotHarness } from "../helpers/botHarness.js";

/**
 * A member's day follows their `/remind` zone, so moving it can put "today" back on a day they already lived (a move
 * west) or on to the next (east). Either way the streak already earned stays what it was: no day taken away, none
 * added. The cohort (Europe/Berlin) starts on Monday 1 March 2027; weekdays are study days.
 */
describe("the streak when a member moves their time zone", () => {
  let bot: BotHarness;
  let ada: { id: string };
  let bea: { id: string };
  const cohort = "Zone Movers";

  /** One `/done` of the member's first offered item at `at`; the reply's text. */
  const readAt = async (member: { id: string }, at: string) => {
    bot.clock.set(new Date(at));
    const [item] = await bot.autocomplete(member.id, "done", "item");
    if (item === undefined) throw new Error("no item left to complete");
    return visibleText(await bot.reply(member.id, "done", { item: String(item.value) }));
  };
  const replyAt = async (member: { id: string }, at: string, name: string, options: Record<string, string> = {}) => {
    bot.clock.set(new Date(at));
    return bot.reply(member.id, name, options);
  };
  const rosterLineOf = async (username: string) =>
    visibleText(await bot.reply(bot.admin.id, "cohort roster", { cohort }))
      .split("\n")
      .find((line) => line.includes(`(${username})`)) ?? "";

  beforeAll(async () => {
    bot = await startBotHarness({ now: new Date("2027-02-26T10:00:00Z") });
    await bot.createCohort({ name: cohort, start: "2027-03-01", timeZone: "Europe/Berlin" });
    ada = bot.member("ada");
    bea = bot.member("bea");
    for (const [member, zone] of [
      [ada, "Europe/Berlin"],
      [bea, "America/Los_Angeles"],
    ] as const) {
      await bot.reply(member.id, "join", { cohort });
      expect(visibleText(await bot.reply(member.id, "remind", { time: "08:00", timezone: zone }))).toContain(`(${zone})`);
    }
    // Ada reads Monday to Thursday at 10:00 in Berlin; Bea at 20:00 in Los Angeles (05:00 the next day in Berlin).
    for (const day of ["01", "02", "03", "04"]) {
      await readAt(ada, `2027-03-${day}T09:00:00Z`);
      await readAt(bea, `2027-03-${String(Number(day) + 1).padStart(2, "0")}T04:00:00Z`);
    }
  }, 180_000);
  afterAll(async () => bot.close());

  it("keeps the streak after a move west, where the new zone's day is still the day before", async () => {
    // Thursday 4 March, 09:30 UTC: 10:30 in Berlin, where Ada read today; 01:30 in Los Angeles, still Wednesday there.
    const at = "2027-03-04T09:30:00Z";
    expect(visibleText(await replyAt(ada, at, "progress"))).toContain("Streak: **4 study days**");
    const moved = visibleText(await replyAt(ada, at, "remind", { time: "08:00", timezone: "America/Los_Angeles" }));
    expect(moved).toContain("(America/Los_Angeles)");
    const progress = await replyAt(ada, at, "progress");
    expect(visibleText(progress)).toContain("Streak: **4 study days**");
    // The card's grid counts the same days: Thursday's reading is done, not a day still ahead.
    expect(progress.attachments[0]?.description).toContain("a streak of 4 study days; study-day grid: 4 days done, 0 missed");
    expect(visibleText(await replyAt(ada, at, "today"))).toContain("Streak: **4 study days**");
    expect(await rosterLineOf("ada")).toContain("streak 4");
  });

  it("neither adds a day when the new zone's Thursday comes, nor takes one when Friday's reading is due", async () => {
    // Thursday noon in Los Angeles: the day Ada already read, now her zone's too.
    expect(visibleText(await replyAt(ada, "2027-03-04T20:00:00Z", "progress"))).toContain("Streak: **4 study days**");
    expect(await readAt(ada, "2027-03-05T18:00:00Z")).toContain("Streak: **5 study days**");
  });

  it("keeps the streak after a move east, where the new zone's day is already the next", async () => {
    // Friday 5 March, 04:30 UTC: Thursday 20:30 in Los Angeles, after Bea's reading; Friday 05:30 in Berlin.
    const at = "2027-03-05T04:30:00Z";
    expect(visibleText(await replyAt(bea, at, "progress"))).toContain("Streak: **4 study days**");
    await replyAt(bea, at, "remind", { time: "08:00", timezone: "Europe/Berlin" });
    const progress = visibleText(await replyAt(bea, at, "progress"));
    expect(progress).toContain("Streak: **4 study days**");
  });
});
