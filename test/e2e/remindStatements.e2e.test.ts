import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBotHarness, visibleText, type BotHarness } from "../helpers/botHarness.js";
import { StatementCounter } from "../helpers/statementCounter.js";

/** The reads of the member's plan state a command sent (whether their course is over comes from their own plan). */
const planStateReads = (statements: readonly string[]) => statements.filter((sql) => /SELECT 0 AS "source"/.test(sql)).length;

/** `/remind timezone:cohort time:` checks once whether reminders are over, as `/remind time:` does. */
describe("/remind timezone:cohort time: reads", () => {
  let bot: BotHarness;
  let counter: StatementCounter;
  let ada: { id: string };

  beforeAll(async () => {
    bot = await startBotHarness({ now: new Date("2027-01-12T10:00:00Z") });
    await bot.createCohort({ name: "Steady", start: "2027-01-11" });
    ada = bot.member("ada");
    await bot.reply(ada.id, "join", { cohort: "Steady" });
    await bot.reply(ada.id, "remind", { time: "08:00", timezone: "Asia/Tokyo" });
    counter = StatementCounter.install();
  });
  afterAll(async () => {
    counter.uninstall();
    await bot.close();
  });

  it("checks once whether reminders are over: one plan read more than a new time alone, for the newly followed zone's next reminder", async () => {
    let timeAlone = "";
    const alone = await counter.during(async () => {
      timeAlone = visibleText(await bot.reply(ada.id, "remind", { time: "18:00" }));
    });
    let followed = "";
    const following = await counter.during(async () => {
      followed = visibleText(await bot.reply(ada.id, "remind", { time: "19:00", timezone: "cohort" }));
    });

    expect(timeAlone).toContain("Saved");
    expect(followed).toContain("Saved");
    expect(planStateReads(alone)).toBe(1);
    // The same check, then the next reminder worked out again in the cohort's zone, now the member's.
    expect(planStateReads(following)).toBe(2);
    const member = await bot.test.app.database.prisma.member.findFirstOrThrow({ where: { userId: ada.id } });
    expect([member.remindTime, member.remindTimeZone]).toEqual(["19:00", null]);
  });
});
