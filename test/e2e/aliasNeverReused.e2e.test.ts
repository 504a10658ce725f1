import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBotHarness, visibleText, type BotHarness } from "../helpers/botHarness.js";
import { confirmationOf } from "../helpers/postedBoards.js";
import { rankedCohort, runCommand, type RankedCohort } from "../helpers/rankedCohort.js";

/** The cohort starts Monday 2027-01-04 (UTC); "now" is Tuesday of week 1. */
const tuesdayOfWeek1 = new Date("2027-01-05T10:00:00Z");

describe("an alias ('Member 7') stands for one member only, also after a member deleted their data", () => {
  let bot: BotHarness;
  let people: RankedCohort["people"];

  const run = (userId: string, name: string, options: Record<string, string | number | boolean> = {}) =>
    runCommand(bot, userId, name, options);
  const allTime = async (userId: string) => visibleText(await run(userId, "leaderboard", { period: "all" }));

  beforeAll(async () => {
    bot = await startBotHarness({ now: tuesdayOfWeek1 });
    // Ada > Bob > Cy on points; the watcher has none.
    ({ people } = await rankedCohort(bot, "Alias Spring"));
  }, 120_000);
  afterAll(async () => bot.close());

  it("the next member to take an alias gets a new number, not the deleted member's", async () => {
    await run(people.bob.id, "privacy", { leaderboard: "alias" });
    await run(people.cy.id, "privacy", { leaderboard: "alias" });
    const before = await allTime(people.watcher.id);
    expect(before).toContain("🥈 *Member 1*");
    expect(before).toContain("🥉 *Member 2*");

    // Cy ("Member 2" on every board so far) deletes their data.
    const ask = await run(people.cy.id, "privacy", { delete: true });
    const done = await bot.click(people.cy.id, ask.id, confirmationOf(ask)).final();
    expect(visibleText(done)).toContain("erased");

    // Ada now takes an alias: "Member 2" was somebody else, so she is shown as "Member 3".
    await run(people.ada.id, "privacy", { leaderboard: "alias" });
    const after = await allTime(people.watcher.id);
    expect(after).toContain("🥇 *Member 3*");
    expect(after).toContain("🥈 *Member 1*");
    expect(after).not.toContain("Member 2");
  });
});
