import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buttonsOf, startBotHarness, visibleText, type BotHarness } from "../helpers/botHarness.js";

/**
 * An ended cohort takes no more reading: its roster's groups stand as they were at `/cohort end`, as its
 * streaks do. Days after the end make nobody behind on items due after it, nor quiet for not reading them.
 */
describe("an ended cohort's roster, days after the end", () => {
  let bot: BotHarness;
  const cohort = "Ended Spring";
  const roster = async (filter?: string) =>
    visibleText(await bot.reply(bot.admin.id, "cohort roster", { cohort, ...(filter === undefined ? {} : { filter }) }));

  beforeAll(async () => {
    // Monday 4 January 2027 (UTC; weekdays are study days) on the 12-week path.
    bot = await startBotHarness({ now: new Date("2027-01-04T09:00:00Z") });
    await bot.createCohort({ name: cohort, start: "2027-01-04" });
  }, 120_000);
  afterAll(async () => bot.close());

  it("lists the same groups and counts a week after /cohort end as at the end", async () => {
    // Bob joins on the first day and reads nothing: behind at the end.
    await bot.reply(bot.member("bob").id, "join", { cohort });
    // Ada joins on Tuesday 19 January and reads that day's item: on track, with a completion that day.
    bot.clock.set(new Date("2027-01-19T13:00:00Z"));
    const ada = bot.member("ada");
    await bot.reply(ada.id, "join", { cohort });
    const [today] = await bot.autocomplete(ada.id, "done", "item");
    expect(visibleText(await bot.reply(ada.id, "done", { item: String(today?.value) }))).toContain("Streak");
    bot.clock.set(new Date("2027-01-19T14:00:00Z"));
    expect(visibleText(await bot.reply(bot.admin.id, "cohort end", { cohort }))).toContain(cohort);
    const atEnd = await roster();
    expect(atEnd).toContain("🔴 Behind 1 · 💤 Quiet 0 · 🤔 Not yet 0 · 🟢 On track 1 · 🏁 Finished 0");
    // Weeks 1–2 and week 3's Monday under plan rule 2 (a new cohort's): 5 + 7 + 1 Required items.
    expect(atEnd).toMatch(/\(bob\) · 13 items overdue/);

    // A week later (five study days after the end): the same roster.
    bot.clock.set(new Date("2027-01-26T12:00:00Z"));
    expect(await roster()).toBe(atEnd);
    expect(await roster("quiet")).not.toContain("(ada)");
    expect(await roster("behind")).not.toContain("(ada)");
  });

  it("keeps a member who was quiet when the cohort was ended quiet at the end and a week later", async () => {
    const quietCohort = "Quiet Spring";
    bot.clock.set(new Date("2027-01-04T09:00:00Z"));
    await bot.createCohort({ name: quietCohort, start: "2027-01-04" });
    // Fay joins on Monday 4 January and, on Tuesday 5 January, reads every Required item due before Monday 25 January.
    const fay = bot.member("fay");
    await bot.reply(fay.id, "join", { cohort: quietCohort });
    const read = new Date("2027-01-05T12:00:00Z");
    for (let weekNumber = 1; weekNumber <= 3; weekNumber += 1) {
      const week = await bot.test.app.services.study.week({
        guildId: bot.guild.id,
        userId: fay.id,
        cohort: quietCohort,
        now: read,
        weekNumber,
      });
      for (const day of week.week.days)
        for (const item of day.items)
          if (item.kind === "Required" && day.date < "2027-01-25")
            await bot.test.app.services.study.complete({
              guildId: bot.guild.id,
              userId: fay.id,
              cohort: quietCohort,
              item: String(item.id),
              now: read,
            });
    }
    // Wednesday 20 January: silent through ten study days, not behind. The cohort is ended that afternoon.
    bot.clock.set(new Date("2027-01-20T14:00:00Z"));
    expect(visibleText(await bot.reply(bot.admin.id, "cohort end", { cohort: quietCohort }))).toContain(quietCohort);
    const quietRoster = async () => visibleText(await bot.reply(bot.admin.id, "cohort roster", { cohort: quietCohort }));
    const atEnd = await quietRoster();
    expect(atEnd).toContain("🔴 Behind 0 · 💤 Quiet 1 · 🤔 Not yet 0 · 🟢 On track 0 · 🏁 Finished 0");
    bot.clock.set(new Date("2027-01-27T12:00:00Z"));
    expect(await quietRoster()).toBe(atEnd);
  });

  it("makes nobody quiet for the days after a course's last day", async () => {
    const finished = "Finished Spring";
    bot.clock.set(new Date("2027-01-04T09:00:00Z"));
    await bot.createCohort({ name: finished, start: "2027-01-04" });
    // Cy joins on Friday 26 March, the last study day of week 12, and reads that day's item.
    bot.clock.set(new Date("2027-03-26T12:00:00Z"));
    const cy = bot.member("cy");
    await bot.reply(cy.id, "join", { cohort: finished });
    const [today] = await bot.autocomplete(cy.id, "done", "item");
    expect(visibleText(await bot.reply(cy.id, "done", { item: String(today?.value) }))).toContain("Streak");
    // Ten days (six weekdays) after the course's last day, Sunday 28 March.
    bot.clock.set(new Date("2027-04-07T12:00:00Z"));
    const text = visibleText(await bot.reply(bot.admin.id, "cohort roster", { cohort: finished }));
    expect(text).toContain("🔴 Behind 0 · 💤 Quiet 0 · 🤔 Not yet 0 · 🟢 On track 1 · 🏁 Finished 0");
  });

  it("shows a member behind after the course's last day whose /break ran past it without days off, and no Nudge: their course is over", async () => {
    const natural = "Natural Spring";
    bot.clock.set(new Date("2027-01-04T09:00:00Z"));
    await bot.createCohort({ name: natural, start: "2027-01-04" });
    const dan = bot.member("dan");
    await bot.reply(dan.id, "join", { cohort: natural });
    // Monday 22 March, week 12: Dan, far behind, takes days off from Thursday until after the course's last day.
    bot.clock.set(new Date("2027-03-22T12:00:00Z"));
    expect(visibleText(await bot.reply(dan.id, "break", { from: "2027-03-25", to: "2027-04-09" }))).toContain("Days off from");
    // Thursday 1 April: the course is over, Dan's break is not.
    bot.clock.set(new Date("2027-04-01T12:00:00Z"));
    const roster = await bot.reply(bot.admin.id, "cohort roster", { cohort: natural, filter: "behind" });
    expect(visibleText(roster)).not.toContain("days off until");
    expect(visibleText(roster)).toContain("dan");
    // Dan has no extension: his own last study day was the course's, so there is nobody to nudge.
    expect(buttonsOf(roster).some((button) => button.label === "Nudge dan")).toBe(false);
    expect(bot.emulator.dmMessages(dan.id)).toHaveLength(0);
  });
});
