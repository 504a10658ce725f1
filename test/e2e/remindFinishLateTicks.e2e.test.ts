import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBotHarness, type BotHarness } from "../helpers/botHarness.js";
import { StatementCounter } from "../helpers/statementCounter.js";

/** The reads of a member's plan state (their plan is built from them). */
const planStateReads = (statements: readonly string[]) => statements.filter((sql) => /SELECT 0 AS "source"/.test(sql)).length;

/**
 * A member who finishes late (`/pace extend`) is reminded after the cohort's closing post. Once the day's
 * reminder is sent, the ticks of the rest of the day (three a minute) have nothing to do for them, and build no plan.
 * 12-week course from Monday 2027-01-04: closing post Monday 2027-03-29.
 */
describe("ticks after a late finisher's reminder was sent", () => {
  let bot: BotHarness;
  let counter: StatementCounter;
  let ada: { id: string };
  const tick = async (iso: string) => {
    bot.clock.set(new Date(iso));
    await bot.test.app.scheduler.tick(bot.clock.now());
  };

  beforeAll(async () => {
    bot = await startBotHarness({ now: new Date("2027-01-04T10:00:00Z") });
    await bot.createCohort({ name: "Late", start: "2027-01-04", timeZone: "UTC" });
    ada = bot.member("ada");
    await bot.reply(ada.id, "join", { cohort: "Late" });
    bot.clock.set(new Date("2027-03-01T10:00:00Z"));
    await bot.reply(ada.id, "pace", { mode: "extend" });
    await bot.reply(ada.id, "remind", { time: "18:00" });
    await tick("2027-03-29T09:00:30Z");
    counter = StatementCounter.install();
  }, 120_000);
  afterAll(async () => {
    counter.uninstall();
    await bot.close();
  });

  it("sends the reminder once, then builds no plan of hers on the day's later ticks", async () => {
    await tick("2027-03-30T18:00:00Z");
    expect(bot.emulator.dmMessages(ada.id)).toHaveLength(1);
    const later = await counter.during(async () => {
      await tick("2027-03-30T18:00:20Z");
      await tick("2027-03-30T18:00:40Z");
      await tick("2027-03-30T21:00:00Z");
    });
    expect(bot.emulator.dmMessages(ada.id)).toHaveLength(1);
    expect(planStateReads(later)).toBe(0);
  });
});
