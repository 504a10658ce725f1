import { beforeAll, describe, expect, it } from "vitest";
import { useBotHarness, visibleText } from "../helpers/botHarness.js";
import { rankedCohortEndedWithBoardOff, runCommand, type RankedCohort } from "../helpers/rankedCohort.js";
import { translatorFor } from "../../src/discord/i18n/Translator.js";
import { renderClosingPost } from "../../src/discord/render/renderClosingPost.js";

/**
 * A cohort whose leaderboard was `off` when the course closed kept no public board (PRODUCT Part 2, Privacy).
 * Turned on afterwards, `/leaderboard` must not claim that nobody logged points while its own footer counts
 * the members with points: it says the board was private when the course closed, and the caller's own standing.
 */
describe("a final board kept while the leaderboard was off, the board turned on afterwards", () => {
  const harness = useBotHarness({ now: new Date("2027-01-05T10:00:00Z") });
  let people: RankedCohort["people"];
  const cohortName = "Quiet Close";

  beforeAll(async () => {
    const { bot } = harness;
    ({ people } = await rankedCohortEndedWithBoardOff(bot, cohortName));
    await runCommand(bot, bot.admin.id, "cohort edit", { cohort: cohortName, leaderboard: "names" });
  }, 120_000);

  it("/leaderboard says the board was private at the close, not that nobody logged points", async () => {
    const { bot } = harness;
    const text = visibleText(await runCommand(bot, people.bob.id, "leaderboard"));
    expect(text).not.toContain("Nobody logged points");
    expect(text).toContain("private when the course closed");
    expect(text).toContain("**Bob**: #2 of 3");
  });

  it("view:near lists nobody either: no board was made public at the close", async () => {
    const { bot } = harness;
    const text = visibleText(await runCommand(bot, people.bob.id, "leaderboard", { view: "near" }));
    expect(text).toContain("private when the course closed");
    expect(text).not.toContain("Ada");
    expect(text).not.toContain("Cy");
    expect(text).toContain("**Bob**: #2 of 3");
  });

  it("the closing post as the simulation (and an admin's preview) draws it now names nobody either, as it went out", async () => {
    const { bot } = harness;
    const simulation = await bot.test.app.services.posts.simulation({ target: cohortName, now: bot.clock.now() });
    const closing = simulation.posts.find((entry) => entry.view.kind === "closing");
    expect(closing?.view.kind).toBe("closing");
    if (closing?.view.kind !== "closing") return;
    const text = JSON.stringify(renderClosingPost(translatorFor("en"), closing.view.view).messages);
    expect(text).toContain("Quiet Close");
    expect(text).not.toContain("Final leaderboard");
    expect(text).not.toContain("Nobody logged points");
  });
});
