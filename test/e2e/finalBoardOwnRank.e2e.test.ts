import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBotHarness, visibleText, type BotHarness } from "../helpers/botHarness.js";
import { confirmationOf } from "../helpers/postedBoards.js";
import { rankedCohort, runCommand, type RankedCohort } from "../helpers/rankedCohort.js";
import { rankedMembers } from "../helpers/rankedMembers.js";

/**
 * A member's own rank once the closing post keeps the final board, through the real bot and the emulator.
 * Hidden members take no place in the ranking, "so the members below move up" (README, Privacy): the board
 * ranks Bob first when Ada hid, and Bob's own rank (the /leaderboard caller line, /progress, the course
 * summary) is the #1 the board shows, counted among the members ranked on it; Ada is told the place she
 * would take.
 */
describe("own rank on the kept final board, with a hidden member above", () => {
  let bot: BotHarness;
  let people: RankedCohort["people"];
  let roleId: string;
  const cohortName = "Final Ranks";

  beforeAll(async () => {
    bot = await startBotHarness({ now: new Date("2027-01-05T10:00:00Z") });
    // Ada > Bob > Cy on points; Ada hides before the course ends.
    ({ people } = await rankedCohort(bot, cohortName));
    await runCommand(bot, people.ada.id, "privacy", { leaderboard: "hidden" });
    // An exclude_role nobody holds yet: Cy is given it after the close.
    roleId = bot.emulator.createRole(bot.guild.id, { name: "Facilitators" }).id;
    await runCommand(bot, bot.admin.id, "cohort edit", { cohort: cohortName, exclude_role: roleId });
    bot.clock.set(new Date("2027-01-13T10:00:00Z"));
    await runCommand(bot, bot.admin.id, "cohort end", { cohort: cohortName });
    bot.clock.set(new Date("2027-01-13T10:01:00Z"));
    await bot.test.app.scheduler.tick(bot.clock.now());
  }, 120_000);
  afterAll(async () => bot.close());

  it("the closing post ranks Bob first among the two ranked members", () => {
    const closing = bot.emulator
      .channelMessages(bot.channel.id)
      .map((message) => visibleText(message))
      .find((text) => text.includes("Final leaderboard"));
    expect(closing).toContain("🥇 **Bob**");
    expect(closing).not.toContain("Ada");
  });

  it("Bob's own rank is the #1 the board shows, Cy's the #2, everywhere they read it", async () => {
    const board = visibleText(await runCommand(bot, people.bob.id, "leaderboard"));
    expect(board).toContain("🥇 **Bob**");
    expect(board).toContain("**Bob**: #1 of 2");
    expect(visibleText(await runCommand(bot, people.bob.id, "progress"))).toContain("Rank: **#1** of 2");
    expect(visibleText(await runCommand(bot, people.cy.id, "progress"))).toContain("Rank: **#2** of 2");
  });

  it("tells Ada the place she would take, never a rank among the members she is not counted with", async () => {
    expect(visibleText(await runCommand(bot, people.ada.id, "leaderboard"))).toContain("you would be #1");
    expect(visibleText(await runCommand(bot, people.ada.id, "progress"))).toContain("Hidden from the board · you would be **#1**");
    // Showing her name again after the closing post puts her on no rank of the board it kept.
    await runCommand(bot, people.ada.id, "privacy", { leaderboard: "name" });
    expect(visibleText(await runCommand(bot, people.ada.id, "progress"))).toContain("you would be **#1**");
    expect(visibleText(await runCommand(bot, people.bob.id, "progress"))).toContain("Rank: **#1** of 2");
    // Bob looking at her progress now that it shows her name: not on the final board, and no place of hers.
    const adaForBob = await runCommand(bot, people.bob.id, "progress", { member: people.ada.id });
    const text = visibleText(adaForBob);
    expect(text).toContain("Not on the final leaderboard");
    expect(text).not.toContain("would be");
    expect(text).not.toContain("#1");
    expect(adaForBob.attachments[0]?.description).toContain("not on the final leaderboard");
    expect(adaForBob.attachments[0]?.description).not.toContain("would be");
  });

  it("keeps Cy's place on the kept board though he is given the exclude_role after the close: the board still lists him", async () => {
    bot.emulator.setMemberRoles(bot.guild.id, people.cy.id, [roleId]);
    const board = visibleText(await runCommand(bot, people.cy.id, "leaderboard"));
    expect(board).toContain("🥈 **Cy**");
    expect(board).toContain("**Cy**: #2 of 2");
    expect(board).not.toContain("not ranked");
    const progress = await runCommand(bot, people.cy.id, "progress");
    expect(visibleText(progress)).toContain("Rank: **#2** of 2");
    expect(progress.attachments[0]?.description).toContain("rank #2 of 2");
  });

  it("says the same in the course summary once the course is over", async () => {
    bot.clock.set(new Date("2027-04-01T20:00:00Z"));
    expect(visibleText(await runCommand(bot, people.bob.id, "today"))).toMatch(/Final rank\n#1 of 2/);
    expect(visibleText(await runCommand(bot, people.cy.id, "today"))).toMatch(/Final rank\n#2 of 2/);
    const ada = visibleText(await runCommand(bot, people.ada.id, "today"));
    expect(ada).toMatch(/Final rank\nHidden from the board · you would be #1/);
    expect(ada).not.toContain("of 2");
  });
});

describe("the kept final board's count after a deletion below its top ten", () => {
  let bot: BotHarness;
  afterAll(async () => bot.close());

  it("counts one ranked member fewer, though the deleted member was not listed", async () => {
    bot = await startBotHarness({ now: new Date("2027-01-05T10:00:00Z") });
    const cohort = await bot.createCohort({ name: "Twelve Readers" });
    // Twelve members with one item each: the first ten to get there are listed, two more have points.
    const names = Array.from({ length: 12 }, (_, index) => `reader${String(index + 1).padStart(2, "0")}`);
    const people = await rankedMembers(bot, cohort, Object.fromEntries(names.map((name) => [name, 1])));
    bot.clock.set(new Date("2027-01-13T10:00:00Z"));
    await runCommand(bot, bot.admin.id, "cohort end", { cohort: "Twelve Readers" });
    bot.clock.set(new Date("2027-01-13T10:01:00Z"));
    await bot.test.app.scheduler.tick(bot.clock.now());
    const first = people.reader01 ?? { id: "" };
    const last = people.reader12 ?? { id: "" };
    expect(visibleText(await runCommand(bot, first.id, "leaderboard"))).toContain("12 members with points");

    const ask = await runCommand(bot, last.id, "privacy", { delete: true });
    await bot.click(last.id, ask.id, confirmationOf(ask)).final();
    expect(await bot.test.app.database.prisma.member.count({ where: { userId: last.id } })).toBe(0);

    const board = visibleText(await runCommand(bot, first.id, "leaderboard"));
    expect(board).toContain("11 members with points");
    expect(board).toContain("of 11");
    expect(visibleText(await runCommand(bot, first.id, "progress"))).toContain("of 11");

    // The closing post already in the channel is edited to say so too.
    const closingPost = () =>
      bot.emulator
        .channelMessages(bot.channel.id)
        .map((message) => visibleText(message))
        .find((text) => text.includes("Final leaderboard"));
    expect(closingPost()).toContain("…and 2 more with points");
    bot.clock.set(new Date("2027-01-13T10:05:00Z"));
    await bot.test.app.scheduler.tick(bot.clock.now());
    expect(closingPost()).toContain("…and 1 more with points");
  });
});
