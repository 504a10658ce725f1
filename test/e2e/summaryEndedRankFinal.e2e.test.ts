import { describe, expect, it } from "vitest";
import { useBotHarness, visibleText } from "../helpers/botHarness.js";
import { rankedCohort, runCommand } from "../helpers/rankedCohort.js";

/**
 * A cohort an admin ended takes no more completions, so its standings are final from `/cohort end` on, whether or
 * not its closing post kept a final board (never, when it is skipped or fails for good before it is drawn): the
 * course summary calls the rank final, never "so far", beside its line that the standings stay as they were.
 */
describe("the course summary of a cohort an admin ended, before any final board is kept", () => {
  const harness = useBotHarness({ now: new Date("2027-01-05T10:00:00Z") });

  it("calls the rank final, in English and Spanish, and a member without points not on the final board", async () => {
    const { bot } = harness;
    const cohortName = "Ended Unkept";
    // Ada > Bob > Cy on points; the watcher has none. Ended on Wednesday of week 2; no tick ever ran, as for a
    // closing post that never went out, and the summary shows once the course's last week is over.
    const { people } = await rankedCohort(bot, cohortName);
    bot.clock.set(new Date("2027-01-13T10:00:00Z"));
    await runCommand(bot, bot.admin.id, "cohort end", { cohort: cohortName });
    bot.clock.set(new Date("2027-04-01T10:00:00Z"));
    const today = async (userId: string) => visibleText(await runCommand(bot, userId, "today", { cohort: cohortName }));

    const cy = await today(people.cy.id);
    expect(cy).toMatch(/Final rank\n#3 of 3/);
    expect(cy).not.toContain("so far");
    expect(await today(people.watcher.id)).toContain("Not on the final board");
    bot.emulator.setUserLocale(people.cy.id, "es-ES");
    const cyInSpanish = await today(people.cy.id);
    expect(cyInSpanish).toMatch(/Puesto final\nn\.º 3 de 3/);
    expect(cyInSpanish).not.toContain("hasta ahora");
  }, 120_000);
});
