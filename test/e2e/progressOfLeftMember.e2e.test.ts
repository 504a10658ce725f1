import { beforeAll, describe, expect, it } from "vitest";
import { useBotHarness, visibleText } from "../helpers/botHarness.js";
import { rankedCohort, runCommand, type RankedCohort } from "../helpers/rankedCohort.js";

/**
 * `/progress member:` of someone who left the cohort (PRODUCT: `/leave` keeps the history, "the member leaves the
 * leaderboard"): their points are shown, but no rank, and never the promise that points will put them on the board.
 */
describe("/progress of a member who left", () => {
  const harness = useBotHarness({ now: new Date("2027-01-05T10:00:00Z") });
  let people: RankedCohort["people"];
  const cohortName = "Left Behind";

  beforeAll(async () => {
    const { bot } = harness;
    // Ada > Bob > Cy on points; Bob leaves, the watcher (no points) too.
    ({ people } = await rankedCohort(bot, cohortName));
    await runCommand(bot, people.bob.id, "leave", { cohort: cohortName });
    await runCommand(bot, people.watcher.id, "leave", { cohort: cohortName });
  }, 120_000);

  it("says they are off the leaderboard since they left, in the text and the card's alt text", async () => {
    const { bot } = harness;
    const reply = await runCommand(bot, people.ada.id, "progress", { member: people.bob.id });
    const text = visibleText(reply);
    expect(text).toContain("Bob has left this cohort");
    expect(text).toMatch(/Points: \*\*\d+\*\* · Off the leaderboard since leaving the cohort/);
    expect(text).not.toContain("Not ranked yet");
    expect(text).not.toContain("points put them on the leaderboard");
    const card = reply.attachments[0];
    expect(card?.description).toContain("off the leaderboard since leaving the cohort");
    expect(card?.description).not.toContain("not ranked yet");
    // The board itself agrees: Bob has no place on it, Cy moved up.
    const board = visibleText(await runCommand(bot, people.ada.id, "leaderboard", { period: "all" }));
    expect(board).not.toContain("Bob");
    expect(board).toContain("🥈 **Cy**");
  });

  it("says the same of one who left without points, and in Spanish", async () => {
    const { bot } = harness;
    const text = visibleText(await runCommand(bot, people.ada.id, "progress", { member: people.watcher.id }));
    expect(text).toContain("Points: **0** · Off the leaderboard since leaving the cohort");
    const lucia = bot.emulator.createMember(bot.guild.id, { username: "lucia", locale: "es-ES" });
    await runCommand(bot, lucia.id, "join", { cohort: cohortName });
    const spanish = await runCommand(bot, lucia.id, "progress", { member: people.bob.id });
    expect(visibleText(spanish)).toMatch(/Puntos: \*\*\d+\*\* · Fuera de la clasificación desde que dejó la cohorte/);
    expect(visibleText(spanish)).not.toContain("Aún sin clasificar");
    expect(spanish.attachments[0]?.description).toContain("fuera de la clasificación desde que dejó la cohorte");
  });

  it("still ranks the members who stayed", async () => {
    const { bot } = harness;
    expect(visibleText(await runCommand(bot, people.ada.id, "progress", { member: people.cy.id }))).toContain("Rank: **#2** of 2");
  });
});
