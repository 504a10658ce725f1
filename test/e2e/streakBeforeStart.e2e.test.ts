import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBotHarness, visibleText, type BotHarness } from "../helpers/botHarness.js";

/**
 * A cohort that starts on Wednesday 2027-01-06 (UTC). Its week 1 post can go out on the Monday before,
 * and eager members read and log from then on: the days before the first day are no study days of the
 * course (nothing is assigned on them, `when:yesterday` cannot reach them), so they neither count for
 * the streak nor break it.
 */
describe("the streak before the course's first day", () => {
  let bot: BotHarness;
  let ada: { id: string };
  const at = async (iso: string, name: string, options: Record<string, string> = {}) => {
    bot.clock.set(new Date(iso));
    const handle = bot.run(ada.id, name, options);
    const message = await handle.final();
    expect(handle.failed).toBe(false);
    return visibleText(message);
  };

  beforeAll(async () => {
    bot = await startBotHarness({ now: new Date("2027-01-04T10:00:00Z") });
    await bot.createCohort({ name: "Wednesday Start", start: "2027-01-06" });
    ada = bot.member("ada");
    await at("2027-01-04T10:00:00Z", "join", { cohort: "Wednesday Start" });
  }, 120_000);
  afterAll(async () => bot.close());

  it("asks for no reading on a day before the course to keep it", async () => {
    const monday = await at("2027-01-04T10:00:00Z", "done", { item: "Storage Engines" });
    expect(monday).toContain("Streak: **0 study days**");
    expect(monday).not.toContain("safe until");
  });

  it("starts counting on the first day, whatever was read the days before", async () => {
    await at("2027-01-05T10:00:00Z", "done", { item: "Database Selection Guide" });
    const wednesday = await at("2027-01-06T10:00:00Z", "done", { item: "PostgreSQL Internals" });
    expect(wednesday).toContain("Streak: **1 study day**");
  });
});
