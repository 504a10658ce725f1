import { beforeAll, describe, expect, it } from "vitest";
import { useBotHarness, visibleText } from "../helpers/botHarness.js";
import { rankedCohort, runCommand, type RankedCohort } from "../helpers/rankedCohort.js";

/**
 * A member whose `/remind` zone is ahead of the cohort's reaches the end of their own last day first, and `/today`
 * shows them their course summary then, while the cohort's last day still runs by its own clock (UTC here): reading
 * logged meanwhile still counts in the course's final standings, so no rank is final yet. The summary calls its rank
 * final only once the closing post kept the final board. The 12-week course from Monday 2027-01-04 ends with Sunday
 * 28 March; its closing post goes out on Monday 29 March at 09:00 UTC.
 */
describe("the course summary of a member in a zone ahead of the cohort's", () => {
  const harness = useBotHarness({ now: new Date("2027-01-05T10:00:00Z") });
  let people: RankedCohort["people"];
  let items: readonly string[];
  const cohortName = "Ahead Close";
  const today = async (userId: string) => visibleText(await runCommand(harness.bot, userId, "today", { cohort: cohortName }));
  /** Cy's summary on Sunday 28 March 16:00 UTC: 05:00 on Monday 29 in Auckland, his own last day over. */
  const beforeCohortEnd = { english: "", spanish: "" };
  /** Cy's total after he reads once more then, as the line invites him to. */
  let cyTotal = "";

  beforeAll(async () => {
    const { bot } = harness;
    // Ada > Bob > Cy on points; the watcher has none.
    ({ people, items } = await rankedCohort(bot, cohortName));
    await runCommand(bot, people.cy.id, "remind", { time: "08:00", timezone: "Pacific/Auckland" });
    bot.clock.set(new Date("2027-03-28T16:00:00Z"));
    beforeCohortEnd.english = await today(people.cy.id);
    bot.emulator.setUserLocale(people.cy.id, "es-ES");
    beforeCohortEnd.spanish = await today(people.cy.id);
    bot.emulator.setUserLocale(people.cy.id, "en-US");
    // Still the cohort's last day: Cy reads a second item; the watcher reads three, which puts him above Cy on the final board.
    bot.clock.set(new Date("2027-03-28T17:00:00Z"));
    const cyDone = visibleText(await runCommand(bot, people.cy.id, "done", { item: items[1] ?? "" }));
    cyTotal = /Total: \*\*(\d+) points\*\*/.exec(cyDone)?.[1] ?? "none";
    for (const item of items) await runCommand(bot, people.watcher.id, "done", { item });
    bot.clock.set(new Date("2027-03-29T09:00:30Z"));
    await bot.test.app.scheduler.tick(bot.clock.now());
  }, 120_000);

  it("shows the summary in the member's own day, but calls no rank final before the cohort's course ends", () => {
    expect(beforeCohortEnd.english).toContain("Course finished");
    expect(beforeCohortEnd.english).not.toContain("Final rank");
    expect(beforeCohortEnd.english).toMatch(/Rank so far\n#3 of 3/);
    expect(beforeCohortEnd.spanish).not.toContain("Puesto final");
    expect(beforeCohortEnd.spanish).toMatch(/Puesto hasta ahora\nn\.º 3 de 3/);
  });

  it("says reading logged until the cohort's course ends still counts in its final standings", () => {
    // Monday 29 March 00:00 UTC.
    const end = Date.parse("2027-03-29T00:00:00Z") / 1000;
    expect(beforeCohortEnd.english).toContain(
      `What you log until the cohort's course ends (<t:${end}:f>, <t:${end}:R>) still counts in its final standings; after that, only in \`/progress\`.`,
    );
    expect(beforeCohortEnd.english).not.toContain("not in the course's final standings");
    expect(beforeCohortEnd.spanish).toContain(
      `Lo que registres hasta que termine el curso de la cohorte (<t:${end}:f>, <t:${end}:R>) sigue contando en su clasificación final; después, solo en \`/progreso\`.`,
    );
  });

  it("gives the final rank, as the closing post's board has it, once that board is kept", async () => {
    const closing = harness.bot.emulator.channelMessages(harness.bot.channel.id).map(visibleText).join("\n");
    expect(closing).toContain("Final leaderboard");
    // Cy's reading after his summary, before the cohort's course ended, counts there, as the summary told him.
    expect(closing).toContain(`4\\. **Cy** · ${cyTotal} pts`);
    const summary = await today(people.cy.id);
    expect(summary).toMatch(/Final rank\n#4 of 4/);
    expect(summary).toContain("the final leaderboard stays as it was posted");
  });
});
