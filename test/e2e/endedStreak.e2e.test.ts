import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBotHarness, visibleText, type BotHarness } from "../helpers/botHarness.js";

/**
 * Once a cohort takes no more reading, nothing can keep a streak: `/progress`, its card and the roster
 * show each streak as it stood at the end, days and weeks later, instead of letting it run down.
 * Two ends: an admin's `/cohort end`, and a course that finished by itself after its last week.
 */
describe("a streak stands as it was at the cohort's end, through discord.js and the emulator", () => {
  let bot: BotHarness;
  let ada: { id: string };
  let bea: { id: string };
  let cy: { id: string };
  let dee: { id: string };
  const ended = "Ended Winter";
  const finished = "Finished Winter";

  /** One `/done` of the member's first offered item (today's and overdue items come first) at `at`. */
  const readAt = async (member: { id: string }, at: string) => {
    bot.clock.set(new Date(at));
    const [item] = await bot.autocomplete(member.id, "done", "item");
    if (item === undefined) throw new Error("no item left to complete");
    expect(visibleText(await bot.reply(member.id, "done", { item: String(item.value) }))).toContain("Streak");
  };
  const weekdays = (from: number, to: number, month = "01") =>
    Array.from({ length: to - from + 1 }, (_, index) => `2027-${month}-${String(from + index).padStart(2, "0")}T12:00:00Z`);
  const rosterLineOf = async (cohort: string, username: string) =>
    visibleText(await bot.reply(bot.admin.id, "cohort roster", { cohort }))
      .split("\n")
      .find((line) => line.includes(`(${username})`)) ?? "";

  beforeAll(async () => {
    // Both cohorts start on Monday 4 January 2027 (UTC; weekdays are study days) on the 12-week path.
    bot = await startBotHarness({ now: new Date("2027-01-04T09:00:00Z") });
    await bot.createCohort({ name: ended, start: "2027-01-04" });
    await bot.createCohort({ name: finished, start: "2027-01-04" });
    ada = bot.member("ada");
    bea = bot.member("bea");
    await bot.reply(ada.id, "join", { cohort: ended });
    await bot.reply(bea.id, "join", { cohort: finished });
    cy = bot.member("cy");
    dee = bot.member("dee");
    await bot.reply(cy.id, "join", { cohort: finished });
    await bot.reply(dee.id, "join", { cohort: finished });
    // Dee's own plan runs a week past the course: she reads on in it.
    expect(visibleText(await bot.reply(dee.id, "pace", { mode: "extend" }))).toContain("runs 1 week later");
    // Ada reads on twelve study days in a row: 4–8, 11–15, 18 and 19 January.
    for (const at of [...weekdays(4, 8), ...weekdays(11, 15), ...weekdays(18, 19)]) await readAt(ada, at);
    // Days off planned for the week after: the end leaves nothing to be off from.
    bot.clock.set(new Date("2027-01-19T13:00:00Z"));
    expect(visibleText(await bot.reply(ada.id, "break", { cohort: ended, from: "2027-01-25", to: "2027-01-29" }))).toContain("Days off");
    // Tuesday 19 January, after her reading: the admin ends the cohort.
    bot.clock.set(new Date("2027-01-19T14:00:00Z"));
    expect(visibleText(await bot.reply(bot.admin.id, "cohort end", { cohort: ended }))).toContain(ended);
  }, 120_000);
  afterAll(async () => bot.close());

  it("shows an ended cohort's streak at its end on /progress, its card and the roster, a week later", async () => {
    bot.clock.set(new Date("2027-01-26T12:00:00Z"));
    const progress = await bot.reply(ada.id, "progress");
    const text = visibleText(progress);
    expect(text).toContain("Streak: **12 study days**");
    // Nothing can keep it any more: no "safe until", and the line says why.
    expect(text).not.toContain("safe until");
    expect(text).toContain("final, as it stood when the course ended");
    // The card's grid stops at the end too: the study days since are no misses.
    expect(progress.attachments[0]?.description).toContain("a streak of 12 study days; study-day grid: 12 days done, 0 missed");
    const line = await rosterLineOf(ended, "ada");
    expect(line).toContain("streak 12");
    expect(line).not.toContain("days off");
  });

  it("shows a finished course's streak as it stood at the end of its last day, late reading changing none", async () => {
    // Bea and Dee read on the last five study days of week 12 (22–26 March); the course ends on Sunday 28 March.
    for (const at of weekdays(22, 26, "03")) await readAt(bea, at);
    for (const at of weekdays(22, 26, "03")) await readAt(dee, at);
    // Cy plans days off from the Thursday through two weeks past the course's end (they are no misses meanwhile).
    bot.clock.set(new Date("2027-03-24T13:00:00Z"));
    expect(visibleText(await bot.reply(cy.id, "break", { cohort: finished, from: "2027-03-27", to: "2027-04-11" }))).toContain("Days off");
    // Cy reads Monday to Thursday, and Friday's reading only on the Monday after, `when:yesterday`.
    for (const at of weekdays(22, 25, "03")) await readAt(cy, at);
    // The scheduler makes the closing post after the last week, and the cohort becomes finished.
    for (let hour = 0; hour <= 12; hour += 1) await bot.test.app.scheduler.tick(new Date(Date.UTC(2027, 2, 29, hour)));
    const row = await bot.test.app.database.prisma.cohort.findFirst({ where: { name: finished }, select: { status: true } });
    expect(row?.status).toBe("finished");
    bot.clock.set(new Date("2027-03-29T13:00:00Z"));
    const [friday] = await bot.autocomplete(cy.id, "done", "item");
    const logged = await bot.reply(cy.id, "done", { item: String(friday?.value), when: "yesterday" });
    expect(visibleText(logged)).toContain("for **Fri, 26 Mar 2027**");
    // Dee reads on through her extension week, 29 March – 2 April.
    for (const at of weekdays(29, 31, "03")) await readAt(dee, at);
    for (const at of weekdays(1, 2, "04")) await readAt(dee, at);
    // Nine days later, and after a late /done on the Wednesday (it still counts in the points).
    await readAt(bea, "2027-04-07T12:00:00Z");
    const text = visibleText(await bot.reply(bea.id, "progress"));
    expect(text).toContain("Streak: **5 study days**");
    expect(text).not.toContain("safe until");
    expect(text).toContain("final, as it stood when the course ended");
    expect(await rosterLineOf(finished, "bea")).toContain("streak 5");
  });

  it("counts reading logged `when:yesterday` the morning after the last day for that day, on the streak and the grid alike", async () => {
    bot.clock.set(new Date("2027-04-07T12:00:00Z"));
    const progress = await bot.reply(cy.id, "progress");
    expect(visibleText(progress)).toContain("Streak: **5 study days**");
    expect(progress.attachments[0]?.description).toContain("a streak of 5 study days; study-day grid: 5 days done");
    const line = await rosterLineOf(finished, "cy");
    expect(line).toContain("streak 5");
    // Her days are over: nothing left to be off from.
    expect(line).not.toContain("days off");
  });

  it("runs a streak and the grid on through a member's own extension week, then stands at its end", async () => {
    bot.clock.set(new Date("2027-04-20T12:00:00Z"));
    const progress = await bot.reply(dee.id, "progress");
    const text = visibleText(progress);
    expect(text).toContain("Streak: **10 study days**");
    expect(text).toContain("final, as it stood when the course ended");
    // Weeks 10 and 11 unread are misses; her extension week shows done, none of it still ahead.
    expect(progress.attachments[0]?.description).toContain("a streak of 10 study days; study-day grid: 10 days done");
    expect(await rosterLineOf(finished, "dee")).toContain("streak 10");
  });

  it("keeps it so after the course's own last week", async () => {
    bot.clock.set(new Date("2027-05-03T12:00:00Z"));
    expect(visibleText(await bot.reply(ada.id, "progress"))).toContain("Streak: **12 study days**");
    expect(await rosterLineOf(ended, "ada")).toContain("streak 12");
  });
});

/**
 * A course whose weeks run Wednesday to Tuesday, so its last day is a study day, with a cohort break week
 * near the end, and a member in New York while the cohort keeps UTC: her streak stands at the end of that
 * Tuesday in her day.
 */
describe("a finished course's streak in a member's own zone, with a break week and a study day last", () => {
  let bot: BotHarness;
  let fay: { id: string };
  const cohort = "Wednesday Spring";

  const readAt = async (at: string) => {
    bot.clock.set(new Date(at));
    const [item] = await bot.autocomplete(fay.id, "done", "item");
    if (item === undefined) throw new Error("no item left to complete");
    expect(visibleText(await bot.reply(fay.id, "done", { item: String(item.value) }))).toContain("Streak");
  };

  beforeAll(async () => {
    // Wednesday 6 January 2027 (UTC; weekdays are study days), 12 weeks of reading plus break week 12 (24–30 March):
    // the course's last day is Tuesday 6 April.
    bot = await startBotHarness({ now: new Date("2027-01-04T09:00:00Z") });
    await bot.createCohort({ name: cohort, start: "2027-01-06" });
    expect(visibleText(await bot.reply(bot.admin.id, "cohort break", { cohort, week: 12 }))).toContain("is now a break");
    fay = bot.member("fay");
    await bot.reply(fay.id, "join", { cohort });
    expect(visibleText(await bot.reply(fay.id, "remind", { time: "08:00", timezone: "America/New_York" }))).toContain("New_York");
  }, 120_000);
  afterAll(async () => bot.close());

  it("counts the last Tuesday in full in her day, the break week breaking nothing, and nothing after", async () => {
    // Monday 22 and Tuesday 23 March, then the break week, then Wednesday 31 March to Tuesday 6 April.
    for (const at of ["2027-03-22T14:00:00Z", "2027-03-23T14:00:00Z", "2027-03-31T14:00:00Z", "2027-04-01T14:00:00Z"]) await readAt(at);
    for (const at of ["2027-04-02T14:00:00Z", "2027-04-05T14:00:00Z"]) await readAt(at);
    // Tuesday's reading at 02:30 the night after in New York (06:30 UTC): her day (04:00 rollover) is still
    // Tuesday, the last one, though in the cohort's zone that day is over.
    await readAt("2027-04-07T06:30:00Z");
    // Wednesday 7 April in New York: after her days, it changes nothing.
    await readAt("2027-04-07T14:00:00Z");
    bot.clock.set(new Date("2027-04-20T14:00:00Z"));
    const progress = await bot.reply(fay.id, "progress");
    const text = visibleText(progress);
    expect(text).toContain("Streak: **7 study days**");
    expect(text).toContain("final, as it stood when the course ended");
    expect(progress.attachments[0]?.description).toContain("a streak of 7 study days; study-day grid: 7 days done");
    const roster = visibleText(await bot.reply(bot.admin.id, "cohort roster", { cohort }));
    expect(roster.split("\n").find((line) => line.includes("(fay)"))).toContain("streak 7");
  });
});
