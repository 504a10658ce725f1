import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBotHarness, visibleText, type BotHarness } from "../helpers/botHarness.js";

/** A member's `/remind` without `timezone:` follows the cohort's time zone, also after `/cohort edit timezone:`. */
describe("/remind after the cohort's time zone changes", () => {
  let bot: BotHarness;
  let ada: { id: string };
  let bob: { id: string };
  const cohortName = "Atlantic";

  beforeAll(async () => {
    bot = await startBotHarness({ now: new Date("2027-01-08T10:00:00Z") });
    await bot.createCohort({ name: cohortName, start: "2027-01-11" });
    ada = bot.member("ada");
    bob = bot.member("bob");
    await bot.reply(ada.id, "join", { cohort: cohortName });
    await bot.reply(bob.id, "join", { cohort: cohortName });
    // Ada takes the cohort's time (UTC, then); Bob names his own zone.
    expect(visibleText(await bot.reply(ada.id, "remind", { time: "08:00" }))).toContain("(UTC)");
    expect(visibleText(await bot.reply(bob.id, "remind", { time: "08:00", timezone: "Europe/London" }))).toContain("(Europe/London)");
    // The facilitator moves the cohort to New York before it starts.
    expect(visibleText(await bot.reply(bot.admin.id, "cohort edit", { cohort: cohortName, timezone: "America/New_York" }))).toContain(
      "America/New_York",
    );
  });
  afterAll(async () => bot.close());

  it("shows the reminder in the cohort's new zone for a member who never chose one, and keeps a chosen zone", async () => {
    expect(visibleText(await bot.reply(ada.id, "remind"))).toContain("**08:00** (America/New_York)");
    expect(visibleText(await bot.reply(bob.id, "remind"))).toContain("**08:00** (Europe/London)");
  });

  it("sends the reminder at 08:00 in the cohort's new zone", async () => {
    // Monday 11 January: 08:00 in London is 08:00 UTC; 08:00 in New York is 13:00 UTC.
    for (const at of ["2027-01-11T08:00:30Z", "2027-01-11T13:00:30Z"]) {
      bot.clock.set(new Date(at));
      await bot.test.app.scheduler.tick(bot.clock.now());
      if (at.startsWith("2027-01-11T08")) {
        expect(bot.emulator.dmMessages(bob.id)).toHaveLength(1);
        expect(bot.emulator.dmMessages(ada.id)).toHaveLength(0);
      }
    }
    expect(bot.emulator.dmMessages(ada.id)).toHaveLength(1);
  });
});
