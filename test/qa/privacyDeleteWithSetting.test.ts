import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBotHarness, visibleText, type BotHarness } from "../helpers/botHarness.js";
import { rankedCohort, runCommand, type RankedCohort } from "../helpers/rankedCohort.js";

/**
 * QA probe. `/privacy leaderboard:hidden delete:True`: the handler (commands/privacy.ts) asks the delete
 * question and "changes nothing else in the same request", so the hidden choice is dropped without a word.
 * A member who then thinks twice and dismisses the question stays on every public board by name, having
 * asked to be hidden. Either the choice is saved, or the reply says it was not.
 */
describe("QA: /privacy leaderboard:hidden delete:True", () => {
  let bot: BotHarness;
  let people: RankedCohort["people"];
  beforeAll(async () => {
    bot = await startBotHarness({ now: new Date("2027-01-05T10:00:00Z") });
    ({ people } = await rankedCohort(bot, "Second Thoughts"));
  }, 120_000);
  afterAll(async () => bot.close());

  it("does not silently drop the hidden choice asked for beside the delete question", async () => {
    const reply = visibleText(await runCommand(bot, people.ada.id, "privacy", { leaderboard: "hidden", delete: true }));
    // Ada dismisses the question (never presses the button).
    const board = visibleText(await runCommand(bot, people.watcher.id, "leaderboard", { period: "all" }));
    const hidden = !board.includes("Ada");
    const told = /leaderboard|hidden/i.test(reply);
    expect(hidden || told, `board:\n${board}\nreply:\n${reply}`).toBe(true);
  });
});
