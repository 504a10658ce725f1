import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBotHarness, visibleText, type BotHarness } from "../helpers/botHarness.js";

/**
 * `/cohort edit include_optional:true` in week 5 of 12 (course from Monday 2027-01-04): the Optional items
 * of weeks 1–4 are not overdue for anyone at once (no wall); Optional items due from the edit on are.
 */
describe("include_optional turned on mid-course", () => {
  let bot: BotHarness;
  let ada: { id: string };
  const cohortName = "Optional Later";
  const overdueCount = (text: string) => Number(/Overdue · (\d+) items?/.exec(text)?.[1] ?? 0);

  beforeAll(async () => {
    bot = await startBotHarness({ now: new Date("2027-01-04T10:00:00Z") });
    await bot.createCohort({ name: cohortName, start: "2027-01-04", timeZone: "UTC" });
    ada = bot.member("ada");
    await bot.reply(ada.id, "join", { cohort: cohortName });
  }, 120_000);
  afterAll(async () => bot.close());

  it("lists no Optional item from before the edit as overdue, also when turned off and on again", async () => {
    const prisma = bot.test.app.database.prisma;
    const cohort = await prisma.cohort.findFirstOrThrow({ where: { name: cohortName } });
    const optional = new Set(
      (await prisma.item.findMany({ where: { curriculumId: cohort.curriculumId, kind: "Optional" } })).map((item) => item.title),
    );
    const required = new Set(
      (await prisma.item.findMany({ where: { curriculumId: cohort.curriculumId, kind: "Required" } })).map((item) => item.title),
    );
    // Titles only Optional items have: what `/today`'s overdue lines (title · time · from day) would show.
    const optionalOnly = [...optional].filter((title) => !required.has(title));
    expect(optionalOnly.length).toBeGreaterThan(0);
    const overdueLines = (text: string) => text.split("\n").filter((line) => line.includes(" · from "));
    const overdueOptional = async () =>
      overdueLines(visibleText(await bot.reply(ada.id, "today"))).filter((line) => optionalOnly.some((title) => line.includes(title)));

    bot.clock.set(new Date("2027-02-03T10:00:00Z"));
    const before = overdueCount(visibleText(await bot.reply(ada.id, "today")));
    expect(before).toBeGreaterThan(0);
    expect(visibleText(await bot.reply(bot.admin.id, "cohort edit", { cohort: cohortName, include_optional: true }))).toContain(cohortName);
    expect(await overdueOptional()).toEqual([]);
    // Ada joined on day 1: the held-back Optional items are not "from before you joined".
    const today = visibleText(await bot.reply(ada.id, "today"));
    expect(today).not.toContain("before you joined");
    expect(today).toMatch(/Optional items added on [^:]+: \d+ items?/);
    const pace = visibleText(await bot.reply(ada.id, "pace"));
    expect(pace).not.toContain("before you joined");
    expect(pace).toMatch(/\d+ of them Optional items added on /);
    // Not a wall: the plan is balanced again with the Optional items in it, which may move a Required item or two.
    expect(overdueCount(visibleText(await bot.reply(ada.id, "today")))).toBeLessThan(before + 5);
    bot.clock.set(new Date("2027-02-10T10:00:00Z"));
    await bot.reply(bot.admin.id, "cohort edit", { cohort: cohortName, include_optional: false });
    await bot.reply(bot.admin.id, "cohort edit", { cohort: cohortName, include_optional: true });
    expect(await overdueOptional()).toEqual([]);
  });
});

/**
 * The switch is one moment, which is another day for a member whose `/remind` zone is not the cohort's: what was
 * due before it is held back on the member's own days. Cohort in UTC from Monday 2027-01-04; Kiri reads in
 * Auckland (UTC+13 in February). The edit at 20:00 UTC on Wednesday 3 February is 09:00 on Thursday 4 February
 * for her: Wednesday's Optional items were due before it, in her days.
 */
describe("include_optional turned on mid-course, for a member in another zone", () => {
  let bot: BotHarness;
  let kiri: { id: string };
  const cohortName = "Optional Abroad";

  beforeAll(async () => {
    bot = await startBotHarness({ now: new Date("2027-01-04T10:00:00Z") });
    await bot.createCohort({ name: cohortName, start: "2027-01-04", timeZone: "UTC" });
    kiri = bot.member("kiri");
    await bot.reply(kiri.id, "join", { cohort: cohortName });
    expect(visibleText(await bot.reply(kiri.id, "remind", { time: "08:00", timezone: "Pacific/Auckland" }))).toContain("Auckland");
  }, 120_000);
  afterAll(async () => bot.close());

  it("lists no Optional item due before the edit in her days as overdue, and names her day of the edit", async () => {
    const prisma = bot.test.app.database.prisma;
    const cohort = await prisma.cohort.findFirstOrThrow({ where: { name: cohortName } });
    const titlesOf = async (kind: string) =>
      new Set((await prisma.item.findMany({ where: { curriculumId: cohort.curriculumId, kind } })).map((item) => item.title));
    const required = await titlesOf("Required");
    const optionalOnly = [...(await titlesOf("Optional"))].filter((title) => !required.has(title));
    const overdueOptional = (text: string) =>
      text
        .split("\n")
        .filter((line) => line.includes(" · from "))
        .filter((line) => optionalOnly.some((title) => line.includes(title)));

    bot.clock.set(new Date("2027-02-03T20:00:00Z"));
    await bot.reply(bot.admin.id, "cohort edit", { cohort: cohortName, include_optional: true });
    const today = visibleText(await bot.reply(kiri.id, "today"));
    expect(today).toContain("Week 5 · Day 4");
    expect(overdueOptional(today)).toEqual([]);
    // Past the five overdue lines /today lists: her plan holds every Optional item due before her Thursday back.
    const { cohort: joined, member } = await bot.test.app.services.cohorts.resolveForMember(bot.guild.id, kiri.id, cohortName);
    const { plan } = await bot.test.app.services.memberPlans.planFor(joined, member, bot.clock.now());
    const optionalDue = plan.items.filter((entry) => entry.item.kind === "Optional" && entry.dueDate < "2027-02-04");
    expect(optionalDue.some((entry) => entry.dueDate === "2027-02-03")).toBe(true);
    expect(optionalDue.filter((entry) => !entry.addedLate).map((entry) => [entry.item.title, entry.dueDate])).toEqual([]);
    expect(today).toMatch(/Optional items added on Thu, 4 Feb 2027: \d+ items?/);
  });
});
