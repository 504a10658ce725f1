import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBotHarness, visibleText, type BotHarness } from "../helpers/botHarness.js";

/**
 * `/leave` once the course is over still works (a member of a finished or ended cohort and a running one
 * would otherwise have to name `cohort:` in every command), and says `/join` cannot take them back.
 */
describe("/leave once the course is over", () => {
  let bot: BotHarness;

  beforeAll(async () => {
    bot = await startBotHarness({ now: new Date("2027-01-05T10:00:00Z") });
  });
  afterAll(async () => bot.close());

  it("on an ended cohort: the member leaves, is told the cohort ended and /join can't take them back", async () => {
    await bot.createCohort({ name: "Cut Short", start: "2027-01-04" });
    const ada = bot.member("ada");
    await bot.reply(ada.id, "join", { cohort: "Cut Short" });
    await bot.reply(ada.id, "done", { item: "Storage Engines" });
    await bot.reply(bot.admin.id, "cohort end", { cohort: "Cut Short" });

    const leave = visibleText(await bot.reply(ada.id, "leave", { cohort: "Cut Short" }));
    expect(leave).toContain("You left **Cut Short**. Your history is kept, but the cohort has ended");
    expect(leave).not.toContain("`/join` again");
    expect(visibleText(await bot.reply(ada.id, "join", { cohort: "Cut Short" }))).toContain("has ended");
  });

  it("still tells a non-member there was nothing to leave", async () => {
    const bob = bot.member("bob");
    expect(visibleText(await bot.reply(bob.id, "leave", { cohort: "Cut Short" }))).toContain("You're not a member of **Cut Short**");
  });

  it("a member of a finished and a running cohort leaves the finished one, and /today no longer asks which cohort", async () => {
    await bot.createCohort({ name: "Spring", start: "2027-01-04" });
    const eve = bot.member("eve");
    await bot.reply(eve.id, "join", { cohort: "Spring" });
    bot.clock.set(new Date("2027-03-29T09:30:00Z"));
    await bot.test.app.scheduler.tick(bot.clock.now());
    await bot.createCohort({ name: "Autumn", start: "2027-04-05" });
    await bot.reply(eve.id, "join", { cohort: "Autumn" });
    expect(visibleText(await bot.reply(eve.id, "today"))).toContain("You're in several cohorts");

    const leave = visibleText(await bot.reply(eve.id, "leave", { cohort: "Spring" }));
    expect(leave).toContain("You left **Spring**. Your history is kept, but the course is over");
    const today = visibleText(await bot.reply(eve.id, "today"));
    expect(today).not.toContain("You're in several cohorts");
    expect(today).toContain("Autumn");
  });
});
