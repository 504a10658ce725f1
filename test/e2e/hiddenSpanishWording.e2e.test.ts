import { beforeAll, describe, expect, it } from "vitest";
import { useBotHarness, visibleText } from "../helpers/botHarness.js";
import { rankedCohort, runCommand, type RankedCohort } from "../helpers/rankedCohort.js";

/**
 * A hidden member reads, in Spanish, where they would stand in words that fit anyone: Spanish adjectives take the
 * reader's gender ("oculto"/"oculta"), which the bot does not know, so the lines say "fuera de la clasificación
 * pública" rather than calling the member "oculto".
 */
describe("a hidden member's standing in Spanish", () => {
  const harness = useBotHarness({ now: new Date("2027-01-05T10:00:00Z") });
  let lucia: { id: string };
  let people: RankedCohort["people"];

  beforeAll(async () => {
    const { bot } = harness;
    ({ people } = await rankedCohort(bot, "Privada"));
    lucia = bot.emulator.createMember(bot.guild.id, { username: "lucia", displayName: "Lucía", locale: "es-ES" });
    await runCommand(bot, lucia.id, "join", { cohort: "Privada" });
    await runCommand(bot, lucia.id, "done", { item: "Storage Engines" });
    await runCommand(bot, lucia.id, "privacy", { leaderboard: "hidden" });
  }, 120_000);

  it("says so without a gendered adjective in /leaderboard, /progress and the card's alt text", async () => {
    const { bot } = harness;
    const board = visibleText(await runCommand(bot, lucia.id, "leaderboard", { period: "all" }));
    expect(board).toMatch(/\*\*Lucía\*\*: fuera de la clasificación pública · estarías en el puesto n\.º \d+ · \d+ pts/);
    const progress = await runCommand(bot, lucia.id, "progress");
    expect(visibleText(progress)).toMatch(/Fuera de la clasificación pública · estarías en el puesto \*\*n\.º \d+\*\*/);
    expect(progress.attachments[0]?.description).toMatch(/fuera de la clasificación pública, estaría en el puesto n\.º \d+/);
    for (const text of [board, visibleText(progress), progress.attachments[0]?.description ?? ""]) expect(text).not.toMatch(/oculto/i);
  });

  it("words /privacidad's settings for the reader without a gendered adjective either", async () => {
    const privacy = visibleText(await runCommand(harness.bot, lucia.id, "privacy"));
    expect(privacy).toContain("Clasificación: **no apareces**");
    expect(privacy).toContain("te da al menos esa privacidad");
    expect(privacy).not.toMatch(/oculto|privado\b/i);
  });

  it("writes the course summary's final place with n.º, hidden or ranked", async () => {
    const { bot } = harness;
    // The closing post (Monday 29 March, 09:00 UTC) keeps the final board: before it, no place is final.
    bot.clock.set(new Date("2027-03-29T09:00:30Z"));
    await bot.test.app.scheduler.tick(bot.clock.now());
    bot.clock.set(new Date("2027-04-01T20:00:00Z"));
    const summary = visibleText(await runCommand(bot, lucia.id, "today"));
    expect(summary).toMatch(/Puesto final\nFuera de la clasificación pública · estarías en el puesto n\.º \d+/);
    expect(summary).not.toMatch(/oculto|#/i);
    // A member ranked on the kept board, reading in Spanish.
    bot.emulator.setUserLocale(people.ada.id, "es-ES");
    expect(visibleText(await runCommand(bot, people.ada.id, "today"))).toMatch(/Puesto final\nn\.º \d+ de \d+/);
  });
});
