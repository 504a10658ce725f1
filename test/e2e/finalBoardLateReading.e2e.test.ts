import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tickAt, visibleText, type BotHarness } from "../helpers/botHarness.js";
import { courseReadingCohort, readLateBeforeClosing } from "../helpers/courseReadingCohort.js";
import { runCommand } from "../helpers/rankedCohort.js";

/** Runs the scheduler's tick at `at`, which must close the cohort with its closing post. */
async function closesAt(bot: BotHarness, cohortName: string, at: string): Promise<void> {
  await tickAt(bot, at);
  const row = await bot.test.app.database.prisma.cohort.findFirstOrThrow({ where: { name: cohortName } });
  expect(row.status).toBe("finished");
}

/**
 * Reading logged after the course's last day still counts in /progress but changes no board (PRODUCT Part 2), and
 * /leaderboard shows the final board exactly as the closing post showed it. Logged on the Monday after the last
 * week, before that day's closing tick, it must not land on the final board nor on the /today summary's rank.
 * 12-week course from Monday 2027-01-04 (UTC): last day Sunday 2027-03-28, closing post Monday 2027-03-29 09:00.
 */
describe("reading logged after the last day, before the closing post", () => {
  let bot: BotHarness;
  const cohortName = "Late Spring";
  let people: Record<"ada" | "bob" | "cy", { id: string }>;

  beforeAll(async () => {
    // During the course: Ada two items, Bob one, Cy none.
    const course = await courseReadingCohort(cohortName, ["cy"]);
    ({ bot, people } = course);
    // Monday after the last week, 06:00, before the closing tick: Bob three more, Cy one.
    await readLateBeforeClosing(course);
    await closesAt(bot, cohortName, "2027-03-29T09:00:30Z");
  }, 120_000);
  afterAll(async () => bot.close());

  it("/leaderboard's final board ranks the course's reading only: ada above bob, cy not on it", async () => {
    bot.clock.set(new Date("2027-03-30T10:00:00Z"));
    const text = visibleText(await runCommand(bot, people.ada.id, "leaderboard"));
    expect(text).toContain("As posted at the end of the course · 2 members with points");
    expect(text).toContain("🥇 **ada**");
    expect(text).toContain("🥈 **bob**");
    expect(text).not.toContain("**cy**");
  });

  it("the closing post in the channel showed the same board", () => {
    const closing = bot.emulator
      .channelMessages(bot.channel.id)
      .map(visibleText)
      .find((text) => text.includes("Final leaderboard"));
    expect(closing).toBeDefined();
    expect(closing).toContain("🥇 **ada**");
    expect(closing).toContain("🥈 **bob**");
    expect(closing).not.toContain("**cy**");
  });

  it("Bob's /today summary ranks him second, and /progress still counts his late points", async () => {
    const today = visibleText(await runCommand(bot, people.bob.id, "today"));
    expect(today).toContain("#2 of 2");
    const member = await bot.test.app.database.prisma.member.findFirstOrThrow({ where: { userId: people.bob.id } });
    const progress = visibleText(await runCommand(bot, people.bob.id, "progress"));
    expect(progress).toContain(`Points: **${member.points}**`);
    const cyToday = visibleText(await runCommand(bot, people.cy.id, "today"));
    expect(cyToday).toContain("Not on the final board");
  });
});

/**
 * The same when the cohort was paused over its end: reading logged during the pause, after the last day, counts
 * in /progress but not on the final board its closing post keeps at the resume.
 */
describe("reading logged after the last day while the cohort is paused over its end", () => {
  let bot: BotHarness;
  const cohortName = "Paused Late Spring";
  let people: Record<"ada" | "bob", { id: string }>;

  beforeAll(async () => {
    const course = await courseReadingCohort(cohortName, []);
    ({ bot, people } = course);
    bot.clock.set(new Date("2027-03-20T10:00:00Z"));
    await runCommand(bot, bot.admin.id, "cohort pause", { cohort: cohortName });
    // Wednesday after the last day, still paused: Bob logs three more.
    bot.clock.set(new Date("2027-03-31T10:00:00Z"));
    for (const item of course.items.slice(1, 4)) await bot.reply(people.bob.id, "done", { item });
    await runCommand(bot, bot.admin.id, "cohort resume", { cohort: cohortName });
    await closesAt(bot, cohortName, "2027-03-31T10:00:30Z");
  }, 120_000);
  afterAll(async () => bot.close());

  it("the final board and Bob's summary rank leave his late reading out; /progress counts it", async () => {
    const board = visibleText(await runCommand(bot, people.bob.id, "leaderboard"));
    expect(board).toContain("🥇 **ada**");
    expect(board).toContain("🥈 **bob**");
    expect(visibleText(await runCommand(bot, people.bob.id, "today"))).toContain("#2 of 2");
    const member = await bot.test.app.database.prisma.member.findFirstOrThrow({ where: { userId: people.bob.id } });
    const ada = await bot.test.app.database.prisma.member.findFirstOrThrow({ where: { userId: people.ada.id } });
    // His late reading did count: in all he has more points than Ada.
    expect(member.points).toBeGreaterThan(ada.points);
    expect(visibleText(await runCommand(bot, people.bob.id, "progress"))).toContain(`Points: **${member.points}**`);
  });
});
