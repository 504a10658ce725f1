import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buttonsOf, startBotHarness, visibleText, type BotHarness } from "../helpers/botHarness.js";

/**
 * *Quiet* on the facilitators' roster follows each member's own last study day, as the rest of finishing
 * late does. 12-week course from Monday 2027-01-04 (UTC, weekdays): its last study day is Friday 26 March.
 * Ada extended by 4 weeks (her last study day is Friday 23 April) and read ahead up to Wednesday 7 April of
 * her plan, last on 26 March: silent through five of her own study days by 7 April, so quiet, with a Nudge.
 * Bob joined in week 3 (*Start from this week*), read everything from his join on by 19 March and then
 * nothing: quiet in the course's last week; once his course is over he is not.
 */
describe("quiet on the roster for a member who finishes late", () => {
  let bot: BotHarness;
  let ada: { id: string };
  let bob: { id: string };
  const cohort = "Late Quiet";

  /** The Required items of the member's own plan due from `from` until before `before`, as their /week shows them. */
  async function requiredDue(userId: string, weeks: number, from: string, before: string, now: Date): Promise<number[]> {
    const ids: number[] = [];
    for (let weekNumber = 1; weekNumber <= weeks; weekNumber += 1) {
      const week = await bot.test.app.services.study.week({ guildId: bot.guild.id, userId, cohort: null, now, weekNumber });
      for (const day of week.week.days)
        for (const item of day.items) if (item.kind === "Required" && day.date >= from && day.date < before) ids.push(item.id);
    }
    return ids;
  }

  async function complete(userId: string, itemIds: readonly number[], now: Date): Promise<void> {
    for (const item of itemIds)
      await bot.test.app.services.study.complete({ guildId: bot.guild.id, userId, cohort: null, item: String(item), now });
  }

  const roster = async (filter: string) => bot.reply(bot.admin.id, "cohort roster", { cohort, filter });
  const at = async (iso: string) => {
    bot.clock.set(new Date(iso));
    await bot.test.app.scheduler.tick(bot.clock.now());
  };

  beforeAll(async () => {
    bot = await startBotHarness({ now: new Date("2027-01-04T10:00:00Z") });
    await bot.createCohort({ name: cohort, start: "2027-01-04", timeZone: "UTC" });
    ada = bot.member("ada");
    bob = bot.member("bob");
    await bot.reply(ada.id, "join", { cohort });
    bot.clock.set(new Date("2027-01-18T10:00:00Z"));
    await bot.reply(bob.id, "join", { cohort });
    bot.clock.set(new Date("2027-03-01T10:00:00Z"));
    for (let week = 1; week <= 4; week += 1) expect(visibleText(await bot.reply(ada.id, "pace", { mode: "extend" }))).toContain(cohort);
    const bobRead = new Date("2027-03-19T12:00:00Z");
    await complete(bob.id, await requiredDue(bob.id, 12, "2027-01-18", "2027-03-27", bobRead), bobRead);
    const adaRead = new Date("2027-03-26T12:00:00Z");
    await complete(ada.id, await requiredDue(ada.id, 14, "", "2027-04-08", adaRead), adaRead);
  }, 180_000);
  afterAll(async () => bot.close());

  it("shows the member on the cohort's calendar quiet while their course runs", async () => {
    bot.clock.set(new Date("2027-03-26T15:00:00Z"));
    const quiet = visibleText(await roster("quiet"));
    expect(quiet).toContain(`<@${bob.id}>`);
    expect(quiet).not.toContain(`<@${ada.id}>`);
  });

  it("shows the member who finishes late quiet after five silent study days of their own, and nudges them", async () => {
    // The closing post goes out on Monday 29 March; Wednesday 7 April is the fifth weekday since Ada's last reading.
    await at("2027-03-29T09:00:30Z");
    bot.clock.set(new Date("2027-04-07T12:00:00Z"));
    const all = visibleText(await roster("all"));
    expect(all).toContain("🔴 Behind 0 · 💤 Quiet 1 · 🤔 Not yet 0 · 🟢 On track 1 · 🏁 Finished 0");
    const message = await roster("quiet");
    const quiet = visibleText(message);
    expect(quiet).toContain(`<@${ada.id}>`);
    // Bob's course is over: no study days are left for him to be quiet in.
    expect(quiet).not.toContain(`<@${bob.id}>`);
    const nudge = buttonsOf(message).find((button) => button.label === "Nudge ada");
    expect(nudge).toBeDefined();
    const before = bot.emulator.dmMessages(ada.id).length;
    expect(visibleText(await bot.click(bot.admin.id, message.id, nudge?.customId ?? "").final())).toContain("friendly DM");
    expect(bot.emulator.dmMessages(ada.id)).toHaveLength(before + 1);
  });
});
