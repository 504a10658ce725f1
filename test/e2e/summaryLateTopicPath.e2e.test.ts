import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBotHarness, tickAt, visibleText, type BotHarness } from "../helpers/botHarness.js";

/**
 * The course summary's line about what a member logs after the course says "What you log", not "Reading you log":
 * on the 36-week path, whose topics have no time estimate, what is logged is a topic, not reading. The cohort runs
 * from Monday 2027-01-04 (UTC); its last day is Sunday 12 September, its closing post Monday 13 September 09:00.
 */
describe("the course summary's late-logging line on a path without estimates", () => {
  let bot: BotHarness;
  const cohortName = "Mastery";
  /** Ada's `/today` after the last day, before the closing post, then after it. */
  const today = { beforeClosing: "", afterClosing: "" };

  beforeAll(async () => {
    bot = await startBotHarness({ now: new Date("2027-01-04T10:00:00Z") });
    await bot.createCohort({ name: cohortName, curriculum: "backend-engineer-complete-mastery-path", start: "2027-01-04" });
    const ada = bot.member("ada");
    await bot.reply(ada.id, "join", { cohort: cohortName });
    const [topic] = await bot.autocomplete(ada.id, "done", "item", { item: "" });
    await bot.reply(ada.id, "done", { item: String(topic?.value) });
    bot.clock.set(new Date("2027-09-13T06:00:00Z"));
    today.beforeClosing = visibleText(await bot.reply(ada.id, "today"));
    await tickAt(bot, "2027-09-13T09:00:30Z");
    today.afterClosing = visibleText(await bot.reply(ada.id, "today"));
  });
  afterAll(async () => bot.close());

  it("says what she logs still counts in /progress, not in the final standings, before the closing post", () => {
    expect(today.beforeClosing).toContain("Course finished");
    expect(today.beforeClosing).toContain("What you log from now on still counts in `/progress`, not in the course's final standings.");
    expect(today.beforeClosing).not.toContain("Reading you log");
  });

  it("says the final leaderboard stays as it was posted once the closing post showed it", () => {
    expect(today.afterClosing).toContain(
      "What you log from now on still counts in `/progress`; the final leaderboard stays as it was posted.",
    );
    expect(today.afterClosing).not.toContain("Reading you log");
  });
});
