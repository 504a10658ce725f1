import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBotHarness, visibleText, type BotHarness } from "../helpers/botHarness.js";

/**
 * `/leave` on a cohort an admin ended is refused: `/join` refuses a comeback to an ended cohort, so leaving
 * would only take the member off it for good (out of its `/today`, `/progress` and course summary).
 */
describe("/leave on an ended cohort", () => {
  let bot: BotHarness;
  const cohortName = "Cut Short";

  beforeAll(async () => {
    bot = await startBotHarness({ now: new Date("2027-01-05T10:00:00Z") });
    await bot.createCohort({ name: cohortName, start: "2027-01-04" });
  });
  afterAll(async () => bot.close());

  it("says the cohort has ended and there is nothing to leave, and keeps the member in it", async () => {
    const ada = bot.member("ada");
    await bot.reply(ada.id, "join", { cohort: cohortName });
    await bot.reply(ada.id, "done", { item: "Storage Engines" });
    await bot.reply(bot.admin.id, "cohort end", { cohort: cohortName });

    const leave = visibleText(await bot.reply(ada.id, "leave", { cohort: cohortName }));
    expect(leave).toContain("**Cut Short** has ended, so there is nothing to leave");
    expect(leave).not.toContain("`/join` again");
    // Still a member: /today still shows her the cohort.
    expect(visibleText(await bot.reply(ada.id, "today"))).toContain("This cohort has ended");
  });

  it("still tells a non-member there was nothing to leave", async () => {
    const bob = bot.member("bob");
    expect(visibleText(await bot.reply(bob.id, "leave", { cohort: cohortName }))).toContain("You're not a member of **Cut Short**");
  });
});
