import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBotHarness, type BotHarness } from "../helpers/botHarness.js";

/**
 * `item` autocomplete for a member of many cohorts, before `cohort` is filled: a plan is built per cohort offered on
 * every keystroke, so at most five are offered (running ones first), and none whose course is over for the member.
 */
describe("item autocomplete for a member of many cohorts", () => {
  let bot: BotHarness;
  let ada: { id: string };
  const running = ["C1", "C2", "C3", "C4", "C5", "C6"];

  beforeAll(async () => {
    bot = await startBotHarness({ now: new Date("2027-01-05T10:00:00Z") });
    await bot.createCohort({ name: "Spring", start: "2027-01-04" });
    ada = bot.member("ada");
    await bot.reply(ada.id, "join", { cohort: "Spring" });
    bot.clock.set(new Date("2027-03-29T09:30:00Z"));
    await bot.test.app.scheduler.tick(bot.clock.now());
    bot.clock.set(new Date("2027-04-07T10:00:00Z"));
    for (const name of running) {
      await bot.createCohort({ name, start: "2027-04-05" });
      await bot.reply(ada.id, "join", { cohort: name });
    }
  });
  afterAll(async () => bot.close());

  it("offers the items of at most five running cohorts, and none of a finished cohort whose course is over for her", async () => {
    const choices = await bot.autocomplete(ada.id, "done", "item", { item: "Storage Engines" });
    const cohorts = new Set(choices.map((choice) => choice.name.split(" · ").at(-1)));
    expect(cohorts.size).toBe(5);
    expect(cohorts.has("Spring")).toBe(false);
    for (const cohort of cohorts) expect(running).toContain(cohort);
  });

  it("still offers the finished cohort's items once `cohort` names it", async () => {
    const choices = await bot.autocomplete(ada.id, "done", "item", { item: "Storage Engines", cohort: "Spring" });
    expect(choices.length).toBeGreaterThan(0);
  });
});
