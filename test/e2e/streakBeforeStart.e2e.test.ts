import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBotHarness, visibleText, type BotHarness } from "../helpers/botHarness.js";

/**
 * A cohort that starts on Wednesday 2027-01-06 (UTC). Its week 1 post can go out on the Monday before,
 * and eager members read and log from then on: the days before the first day are no study days of the
 * course (nothing is assigned on them, `when:yesterday` cannot reach them), so they neither count for
 * the streak nor break it, and the streak line says when it starts rather than showing 0 days.
 */
describe("the streak before the course's first day", () => {
  let bot: BotHarness;
  let ada: { id: string };
  let lucia: { id: string };
  const at = async (who: { id: string }, iso: string, name: string, options: Record<string, string> = {}) => {
    bot.clock.set(new Date(iso));
    const handle = bot.run(who.id, name, options);
    const message = await handle.final();
    expect(handle.failed).toBe(false);
    return visibleText(message);
  };

  beforeAll(async () => {
    bot = await startBotHarness({ now: new Date("2027-01-04T10:00:00Z") });
    await bot.createCohort({ name: "Wednesday Start", start: "2027-01-06" });
    ada = bot.member("ada");
    lucia = bot.emulator.createMember(bot.guild.id, { username: "lucia", locale: "es-ES" });
    await at(ada, "2027-01-04T10:00:00Z", "join", { cohort: "Wednesday Start" });
    await at(lucia, "2027-01-04T10:00:00Z", "join", { cohort: "Wednesday Start" });
  }, 120_000);
  afterAll(async () => bot.close());

  it("says the streak starts on the first day, after reading logged before it and in /today and /progress", async () => {
    const startsOn = "🔥 Streak: starts on **Wed, 6 Jan 2027**, your first study day of the course";
    const monday = await at(ada, "2027-01-04T10:00:00Z", "done", { item: "Storage Engines" });
    expect(monday).toContain(startsOn);
    expect(monday).not.toContain("0 study days");
    expect(monday).not.toContain("safe until");
    for (const command of ["today", "progress"]) {
      const reply = await at(ada, "2027-01-05T10:00:00Z", command);
      expect(reply).toContain(startsOn);
      expect(reply).not.toContain("0 study days");
    }
    const lunes = await at(lucia, "2027-01-04T11:00:00Z", "done", { item: "Storage Engines" });
    expect(lunes).toContain("🔥 Racha: empieza el **mié, 6 ene 2027**, tu primer día de estudio del curso");
  });

  it("starts counting on the first day, whatever was read the days before", async () => {
    await at(ada, "2027-01-05T10:00:00Z", "done", { item: "Database Selection Guide" });
    const wednesday = await at(ada, "2027-01-06T10:00:00Z", "done", { item: "PostgreSQL Internals" });
    expect(wednesday).toContain("Streak: **1 study day**");
    expect(wednesday).not.toContain("starts on");
  });
});
