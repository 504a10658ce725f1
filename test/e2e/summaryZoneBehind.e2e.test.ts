import { beforeAll, describe, expect, it } from "vitest";
import { useBotHarness, visibleText } from "../helpers/botHarness.js";
import { rankedCohort, runCommand, type RankedCohort } from "../helpers/rankedCohort.js";

/**
 * Members whose `/remind` zone is behind the cohort's still live the course's last day when the cohort's course has
 * ended by its own clock: reading they log then counts for no board (the weeks turn at the cohort's midnight), only in
 * `/progress`. The cohort (Europe/Madrid) runs 12 weeks from Monday 2027-01-04: its course ends on Sunday 28 March at
 * 24:00 in Madrid (22:00 UTC), its closing post goes out on Monday 29 March at 09:00 there (07:00 UTC). Cy and the
 * watcher read in Los Angeles, where Sunday (with the 04:00 rollover) lasts until Monday 11:00 UTC.
 */
describe("a member in a zone behind the cohort's at the course's end", () => {
  const harness = useBotHarness({ now: new Date("2027-01-05T10:00:00Z") });
  let people: RankedCohort["people"];
  let items: readonly string[];
  const cohortName = "Behind Close";
  const run = async (userId: string, name: string, options: Record<string, string> = {}) =>
    visibleText(await runCommand(harness.bot, userId, name, { cohort: cohortName, ...options }));
  const totalOf = (reply: string) => /Total: \*\*(\d+) points?\*\*/.exec(reply)?.[1] ?? "none";
  /** The watcher's `/done` replies on Monday 05:00 UTC (Sunday 22:00 in Los Angeles), before the closing post. */
  const watcherDone: string[] = [];
  /** Bob's (Madrid) summary and progress then, his own course over. */
  const bob = { summary: "", progress: "" };
  /** Cy's `/today` and `/done` replies on Monday 08:00 UTC (still his Sunday), after the closing post, in Spanish, then in English. */
  const cyDone = { english: "", spanish: "", today: "", todaySpanish: "" };
  /** Cy's `/today` on Sunday 28 March 20:00 UTC (22:00 in Madrid), while the cohort's course still runs. */
  let cyTodayBeforeEnd = "";
  /** The same in Spanish. */
  let cyTodayBeforeEndSpanish = "";
  /** Cy's `/today` on Saturday 27 March 20:00 UTC: his Saturday ends long before the cohort's course. */
  let cyTodaySaturday = "";

  beforeAll(async () => {
    const { bot } = harness;
    // Ada > Bob > Cy on points; the watcher has none.
    ({ people, items } = await rankedCohort(bot, cohortName, "Europe/Madrid"));
    for (const member of [people.cy, people.watcher])
      await runCommand(bot, member.id, "remind", { time: "08:00", timezone: "America/Los_Angeles" });
    bot.clock.set(new Date("2027-03-27T20:00:00Z"));
    cyTodaySaturday = await run(people.cy.id, "today");
    bot.clock.set(new Date("2027-03-28T20:00:00Z"));
    cyTodayBeforeEnd = await run(people.cy.id, "today");
    bot.emulator.setUserLocale(people.cy.id, "es-ES");
    cyTodayBeforeEndSpanish = await run(people.cy.id, "today");
    bot.emulator.setUserLocale(people.cy.id, "en-US");
    bot.clock.set(new Date("2027-03-29T05:00:00Z"));
    for (const item of items) watcherDone.push(await run(people.watcher.id, "done", { item }));
    bob.summary = await run(people.bob.id, "today");
    bob.progress = await run(people.bob.id, "progress");
    bot.clock.set(new Date("2027-03-29T07:00:30Z"));
    await bot.test.app.scheduler.tick(bot.clock.now());
    bot.clock.set(new Date("2027-03-29T08:00:00Z"));
    cyDone.today = await run(people.cy.id, "today");
    bot.emulator.setUserLocale(people.cy.id, "es-ES");
    cyDone.todaySpanish = await run(people.cy.id, "today");
    cyDone.spanish = await run(people.cy.id, "done", { item: items[1] ?? "" });
    bot.emulator.setUserLocale(people.cy.id, "en-US");
    cyDone.english = await run(people.cy.id, "done", { item: items[2] ?? "" });
  }, 120_000);

  it("tells a member logging reading after the cohort's course ended that it counts in /progress, not in the final standings", () => {
    const line = "The cohort's course is over: this counts in `/progress`, not in its final standings.";
    for (const reply of watcherDone) expect(reply).toContain(line);
    expect(cyDone.english).toContain(line);
    expect(cyDone.spanish).toContain("El curso de la cohorte ha terminado: esto cuenta en `/progreso`, pero no en su clasificación final.");
  });

  it("says so in /today too, where the member's own last day still offers reading, and not while the cohort's course runs", () => {
    const line = "The cohort's course is over by its own clock: reading you log now counts in `/progress`, not in its final standings.";
    expect(cyTodayBeforeEnd).not.toContain(line);
    expect(cyDone.today).not.toContain("Course finished");
    expect(cyDone.today).toContain(line);
    expect(cyDone.todaySpanish).toContain(
      "Según la hora de la cohorte, su curso ya ha terminado: lo que registres ahora cuenta en `/progreso`, pero no en su clasificación final.",
    );
  });

  it("tells the member beforehand, on their last day, until when their reading counts in the final standings", () => {
    // Monday 29 March 00:00 in Madrid.
    const end = Date.parse("2027-03-28T22:00:00Z") / 1000;
    expect(cyTodayBeforeEnd).toContain(
      `What you log until the cohort's course ends (<t:${end}:f>, <t:${end}:R>) still counts in its final standings; after that, only in \`/progress\`.`,
    );
    expect(cyTodayBeforeEndSpanish).toContain(
      `Lo que registres hasta que termine el curso de la cohorte (<t:${end}:f>, <t:${end}:R>) sigue contando en su clasificación final; después, solo en \`/progreso\`.`,
    );
    // Not on a day that ends before the cohort's course does, nor once it has ended (the line after it says so).
    expect(cyTodaySaturday).not.toContain("until the cohort's course ends");
    expect(cyDone.today).not.toContain("until the cohort's course ends");
  });

  it("ranks the course summary before the closing post on the board the closing post will keep, as /progress does", () => {
    // The watcher's late points are on no board: Bob stays second of the three who scored during the course.
    expect(bob.summary).toMatch(/Rank so far\n#2 of 3/);
    expect(bob.progress).toContain("Rank: **#2** of 3");
  });

  it("keeps the late reading off the final board, and /progress and the summary agree on the points and rank", async () => {
    const { bot } = harness;
    const closing = bot.emulator.channelMessages(bot.channel.id).map(visibleText).join("\n");
    expect(closing).toContain("Final leaderboard");
    expect(closing).not.toContain("Watcher");
    const total = totalOf(cyDone.english);
    const progress = await run(people.cy.id, "progress");
    expect(progress).toContain(`Points: **${total}** · Rank: **#3** of 3`);
    // Cy's Sunday is over in Los Angeles: his summary, with the same points and his rank on the final board.
    bot.clock.set(new Date("2027-03-29T11:30:00Z"));
    const summary = await run(people.cy.id, "today");
    expect(summary).toContain("Course finished");
    expect(summary).toContain(`${total} pts`);
    expect(summary).toMatch(/Final rank\n#3 of 3/);
  });
});
