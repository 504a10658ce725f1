import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { buttonsOf, startBotHarness, waitLimitMs, visibleText, type BotHarness } from "../helpers/botHarness.js";
import { rankedCohort, runCommand, type RankedCohort } from "../helpers/rankedCohort.js";

/** The cohort starts Monday 2027-01-04 (UTC); "now" is Tuesday of week 1. */
const tuesdayOfWeek1 = new Date("2027-01-05T10:00:00Z");
const cohortName = "Role Spring";
const minute = 60 * 1000;
/** Past the five minutes exclude_role marks are trusted for (CohortService.exclusionMarksMaxAgeMs). */
const pastStaleWindow = 5 * minute + 1000;
const listMembers = "/guilds/:guildId/members";

describe("exclude_role takes effect without waiting for a post", () => {
  let bot: BotHarness;
  let roleId: string;
  let people: RankedCohort["people"];

  const run = (userId: string, name: string, options: Record<string, string | number | boolean> = {}) =>
    runCommand(bot, userId, name, options);
  const board = async (userId: string) => visibleText(await run(userId, "leaderboard", { period: "all" }));
  /** Requests listing the server's members (what a refresh of the marks costs) since the log was cleared. */
  const listings = () => bot.emulator.requestLog().filter((entry) => entry.method === "GET" && entry.route === listMembers).length;
  const later = (ms: number) => bot.clock.set(new Date(bot.clock.now().getTime() + ms));

  beforeAll(async () => {
    bot = await startBotHarness({ now: tuesdayOfWeek1 });
    // Ada > Bob > Cy on points; the watcher has none.
    ({ people } = await rankedCohort(bot, cohortName));
    roleId = bot.emulator.createRole(bot.guild.id, { name: "Facilitators" }).id;
    await run(bot.admin.id, "cohort edit", { cohort: cohortName, exclude_role: roleId });
    // The edit listed the role's holders: the marks are fresh from here.
    const text = await board(people.watcher.id);
    expect(text).toContain("🥇 **Ada**");
  }, 120_000);
  afterAll(async () => bot.close());

  it("a member given the role leaves the board with their next command, without a request to Discord", async () => {
    bot.emulator.clearRequestLog();
    bot.emulator.setMemberRoles(bot.guild.id, people.ada.id, [roleId]);
    // Their own command carries the role: their own board already says so.
    expect(await board(people.ada.id)).toContain("not ranked in this cohort");
    const text = await board(people.watcher.id);
    expect(text).not.toContain("Ada");
    expect(text).toContain("🥇 **Bob**");
    expect(listings()).toBe(0);

    // Taken away: back with their next command (any command does it).
    bot.emulator.setMemberRoles(bot.guild.id, people.ada.id, []);
    await run(people.ada.id, "today");
    expect(await board(people.watcher.id)).toContain("🥇 **Ada**");
    expect(listings()).toBe(0);
  });

  it("a member who does not use the bot leaves the board once the marks are five minutes old, listed once", async () => {
    bot.emulator.setMemberRoles(bot.guild.id, people.bob.id, [roleId]);
    // Within the window the stored marks are used as they are.
    expect(await board(people.watcher.id)).toContain("🥈 **Bob**");

    const cohortRow = () => bot.test.app.database.prisma.cohort.findFirstOrThrow({ where: { name: cohortName } });
    const before = await cohortRow();
    later(pastStaleWindow);
    bot.emulator.clearRequestLog();
    // Boards until the listing landed (it is waited for up to a second; a slow machine may need more boards, the test's timeout bounds them).
    await vi.waitFor(async () => expect(await board(people.watcher.id)).not.toContain("Bob"), {
      timeout: waitLimitMs,
      interval: 100,
    });
    expect(await board(people.cy.id)).toContain("🥈 **Cy**");
    // However many boards were shown in this window, the server was listed once.
    expect(listings()).toBe(1);
    // The listing's time is stored; the row's version (what makes the scheduler read a cohort again) is not touched.
    const after = await cohortRow();
    expect(after.exclusionsCheckedAt?.getTime()).toBe(bot.clock.now().getTime());
    expect(after.updatedAt.getTime()).toBe(before.updatedAt.getTime());

    bot.emulator.setMemberRoles(bot.guild.id, people.bob.id, []);
    later(pastStaleWindow);
    await vi.waitFor(async () => expect(await board(people.watcher.id)).toContain("🥈 **Bob**"), {
      timeout: waitLimitMs,
      interval: 100,
    });
    expect(listings()).toBe(2);
  });

  it("boards asked for at the same moment after the window list the role once between them", async () => {
    bot.emulator.setMemberRoles(bot.guild.id, people.cy.id, [roleId]);
    later(pastStaleWindow);
    bot.emulator.clearRequestLog();
    const handles = [people.watcher, people.ada, people.bob].map((person) => bot.run(person.id, "leaderboard", { period: "all" }));
    for (const handle of handles) await handle.final();
    expect(handles.map((handle) => handle.failed)).toEqual([false, false, false]);
    await vi.waitFor(async () => expect(await board(people.watcher.id)).not.toContain("Cy"), {
      timeout: waitLimitMs,
      interval: 100,
    });
    expect(listings()).toBe(1);
    bot.emulator.setMemberRoles(bot.guild.id, people.cy.id, []);
    await run(people.cy.id, "today");
  });

  it("when Discord refuses the listing, the last marks stay and the refusal is logged once", async () => {
    const warnings = () => bot.test.logs().filter((line) => line.msg === "could not list the exclude role's members; exclusions unchanged");
    const before = warnings().length;
    bot.emulator.setMemberRoles(bot.guild.id, people.ada.id, [roleId]);
    for (const round of [1, 2]) {
      later(pastStaleWindow);
      bot.emulator.clearRequestLog();
      bot.emulator.failNext(`GET ${listMembers}`, 403);
      // The board still answers, with the marks as they were (Ada did not use the bot since she got the role).
      const text = await board(people.watcher.id);
      expect(text).toContain("🥇 **Ada**");
      await vi.waitFor(() => expect(listings()).toBe(1), { timeout: waitLimitMs, interval: 50 });
      await bot.test.app.services.cohorts.settle();
      expect({ round, warnings: warnings().length - before }).toEqual({ round, warnings: 1 });
    }
    // Her own command still updates her mark.
    await run(people.ada.id, "today");
    expect(await board(people.watcher.id)).not.toContain("Ada");
  });

  it("a button carries the caller's roles as a command does", async () => {
    const today = await run(people.cy.id, "today");
    const [done] = buttonsOf(today).filter((button) => button.customId.startsWith("done:"));
    if (done === undefined) throw new Error("no Done button under Cy's /today");
    bot.emulator.clearRequestLog();
    bot.emulator.setMemberRoles(bot.guild.id, people.cy.id, [roleId]);
    const click = bot.click(people.cy.id, today.id, done.customId);
    await click.final();
    expect(click.failed).toBe(false);
    const text = await board(people.watcher.id);
    expect(text).not.toContain("Cy");
    expect(text).toContain("🥇 **Bob**");
    expect(listings()).toBe(0);
  });

  it("a holder who leaves the Discord server keeps their mark at the next listing, and stays off the boards", async () => {
    // Ada and Cy hold the role (marked by their own commands above); Cy leaves the server, where a listing cannot see her.
    bot.emulator.removeMember(bot.guild.id, people.cy.id);
    later(pastStaleWindow);
    bot.emulator.clearRequestLog();
    await board(people.watcher.id);
    await vi.waitFor(() => expect(listings()).toBe(1), { timeout: waitLimitMs, interval: 50 });
    await bot.test.app.services.cohorts.settle();
    const text = await board(people.watcher.id);
    expect(text).not.toContain("Cy");
    expect(text).not.toContain("Ada");
    expect(text).toContain("🥇 **Bob**");
  });
});
