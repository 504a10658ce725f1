import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBotHarness, visibleText, type BotHarness } from "../helpers/botHarness.js";

/** `/cohort break` refusals and what members and admins see of a break week, through discord.js and the emulator. */
describe("/cohort break, end to end", () => {
  let bot: BotHarness;
  let ada: { id: string };
  const cohortName = "Midweek";
  const breakReply = async (options: Record<string, string | number | boolean>) =>
    visibleText(await bot.reply(bot.admin.id, "cohort break", { cohort: cohortName, ...options }));

  beforeAll(async () => {
    // A Wednesday start with Monday posts: week 2's post goes out on Monday 11 January, before the week begins.
    bot = await startBotHarness({ now: new Date("2027-01-12T10:00:00Z") });
    await bot.createCohort({ name: cohortName, start: "2027-01-06" });
    ada = bot.member("ada");
    await bot.reply(ada.id, "join", { cohort: cohortName });
  });
  afterAll(async () => bot.close());

  it("refuses a week whose post already went out, a week that has begun, a week past the course and an undo of a reading week", async () => {
    expect(await breakReply({ week: 2 })).toContain("Week 2's post for **Midweek** has already gone out");
    expect(await breakReply({ week: 1 })).toContain("Week 1 of **Midweek** has already begun");
    expect(await breakReply({ week: 40 })).toContain("**Midweek** has weeks 1 to 12");
    expect(await breakReply({ week: 5, undo: true })).toContain("Week 5 of **Midweek** is not a break");
    expect(await bot.test.app.database.prisma.cohortBreak.count()).toBe(0);
  });

  it("shows the break week in /week and /cohort info, and refuses it twice", async () => {
    expect(await breakReply({ week: 3 })).toContain("Week 3 of **Midweek** is now a break");
    expect(await breakReply({ week: 3 })).toContain("Week 3 of **Midweek** is already a break");
    const week = visibleText(await bot.reply(ada.id, "week", { number: 3 }));
    expect(week).toContain("Midweek · Week 3 of 13");
    expect(week).toContain("Break week: nothing is assigned. Reading resumes on **Wed, 27 Jan 2027**.");
    // Nothing is listed, so there are no marks to explain and nothing to log from it.
    expect(week).not.toContain("⬜ to do");
    const info = visibleText(await bot.reply(bot.admin.id, "cohort info", { cohort: cohortName }));
    expect(info).toContain("Break weeks\n3");
    expect(info).toContain("Week 1 of 13");
  });

  it("records each change in /cohort audit", async () => {
    expect(await breakReply({ week: 7 })).toContain("Week 7 of **Midweek** is now a break");
    expect(await breakReply({ week: 7, undo: true })).toContain("Week 7");
    const audit = visibleText(await bot.reply(bot.admin.id, "cohort audit", { cohort: cohortName }));
    // Which week, and which way: the admin reading the trail cannot tell otherwise.
    expect(audit).toContain("changed a break week · week 3 is a break");
    expect(audit).toContain("changed a break week · week 7 is a reading week again");
  });

  it("moves the posts of a running scheduler when a break is set after it has read the cohort", async () => {
    // The scheduler has looked at the cohort (and remembers it) before the break is set.
    await bot.test.app.scheduler.tick(bot.clock.now());
    expect(await breakReply({ week: 5 })).toContain("Week 5 of **Midweek** is now a break");
    // Week 5's post: Monday 1 February (week 3 is a break too).
    bot.clock.set(new Date("2027-02-01T10:00:00Z"));
    await bot.test.app.scheduler.tick(bot.clock.now());
    const posts = bot.emulator.channelMessages(bot.channel.id).map((message) => visibleText(message));
    expect(posts.some((text) => text.includes("Break week:") && text.includes("week 6 starts on"))).toBe(true);
  });

  it("counts the break weeks in the length of a course a new start date would put in the past", async () => {
    // Breaks at weeks 3 and 5 make the course 14 weeks: from Wednesday 9 September 2026 it ended on Tuesday 15 December.
    const reply = visibleText(await bot.reply(bot.admin.id, "cohort edit", { cohort: cohortName, start: "2026-09-09" }));
    expect(reply).toContain("its 14 weeks ended on **Tue, 15 Dec 2026**");
    const row = await bot.test.app.database.prisma.cohort.findFirstOrThrow({ where: { name: cohortName } });
    expect(row.startDate).toBe("2027-01-06");
  });
});
