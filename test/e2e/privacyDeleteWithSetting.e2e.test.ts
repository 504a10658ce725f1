import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buttonsOf, startBotHarness, visibleText, type BotHarness } from "../helpers/botHarness.js";
import { rankedCohort, runCommand, type RankedCohort } from "../helpers/rankedCohort.js";

/**
 * `/privacy leaderboard:hidden delete:True`, through the real bot and the emulator: the choice is saved at
 * once and the delete question says so above it. A member who then thinks twice and dismisses the question
 * keeps their data and is hidden, as they asked; nothing is dropped without a word.
 */
describe("/privacy with a leaderboard choice and delete:True", () => {
  let bot: BotHarness;
  let people: RankedCohort["people"];
  beforeAll(async () => {
    bot = await startBotHarness({ now: new Date("2027-01-05T10:00:00Z") });
    ({ people } = await rankedCohort(bot, "Second Thoughts"));
  }, 120_000);
  afterAll(async () => bot.close());

  it("saves the hidden choice, says so, and still asks the delete question", async () => {
    const reply = await runCommand(bot, people.ada.id, "privacy", { leaderboard: "hidden", delete: true });
    const text = visibleText(reply);
    expect(text).toContain("Saved: this applies to all your cohorts in this server.");
    expect(text).toContain("Leaderboard: **hidden**");
    expect(text).toContain("This erases everything stored about you in this server");
    expect(buttonsOf(reply).map((button) => button.label)).toContain("Delete my data");

    // Ada dismisses the question (never presses the button): she is off the public board, her data kept.
    const board = visibleText(await runCommand(bot, people.watcher.id, "leaderboard", { period: "all" }));
    expect(board).toContain("Bob");
    expect(board).not.toContain("Ada");
    expect(visibleText(await runCommand(bot, people.ada.id, "privacy"))).toContain("Leaderboard: **hidden**");
  });
});
