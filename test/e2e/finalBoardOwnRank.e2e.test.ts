import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startBotHarness, tickAt, visibleText, waitLimitMs, type BotHarness } from "../helpers/botHarness.js";
import { confirmationOf } from "../helpers/postedBoards.js";
import { postWith, rankedCohort, runCommand, type RankedCohort } from "../helpers/rankedCohort.js";
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

  it("leaves Cy off the kept board while he holds the exclude_role given after the close, as the boards it redraws do", async () => {
    const closing = () => postWith(bot, "Final leaderboard");
    const bobLine = /🥇 \*\*Bob\*\* · \d+ pts/.exec(closing())?.[0] ?? "Bob's line";
    expect(closing()).toContain("🥈 **Cy**");
    bot.emulator.setMemberRoles(bot.guild.id, people.cy.id, [roleId]);
    const own = visibleText(await runCommand(bot, people.cy.id, "leaderboard"));
    expect(own).not.toContain("🥈 **Cy**");
    expect(own).toContain("**Cy**: not ranked in this cohort");
    const progress = await runCommand(bot, people.cy.id, "progress");
    expect(visibleText(progress)).toContain("Not ranked in this cohort");
    expect(visibleText(progress)).not.toContain("#2");
    expect(progress.attachments[0]?.description).toContain("not ranked in this cohort");
    expect(visibleText(await runCommand(bot, people.bob.id, "progress", { member: people.cy.id }))).not.toContain("#2");
    // Nobody's points or place moves: Bob keeps the line the post showed.
    const bob = visibleText(await runCommand(bot, people.bob.id, "leaderboard"));
    expect(bob).toContain(bobLine);
    expect(bob).not.toContain("Cy");
    // The mark flagged the closing post already in the channel: the next tick redraws it without him.
    await tickAt(bot, "2027-01-13T10:05:00Z");
    expect(closing()).toContain(bobLine);
    expect(closing()).not.toContain("Cy");
  });

  it("ranks Cy again, on the board and in the closing post, once the role is taken away", async () => {
    bot.emulator.setMemberRoles(bot.guild.id, people.cy.id, []);
    const board = visibleText(await runCommand(bot, people.cy.id, "leaderboard"));
    expect(board).toContain("🥈 **Cy**");
    expect(board).toContain("**Cy**: #2 of 2");
    const progress = await runCommand(bot, people.cy.id, "progress");
    expect(visibleText(progress)).toContain("Rank: **#2** of 2");
    expect(progress.attachments[0]?.description).toContain("rank #2 of 2");
    await tickAt(bot, "2027-01-13T10:10:00Z");
    expect(postWith(bot, "Final leaderboard")).toContain("🥈 **Cy**");
  });

  it("says the same in the course summary once the course is over", async () => {
    bot.clock.set(new Date("2027-04-01T20:00:00Z"));
    expect(visibleText(await runCommand(bot, people.bob.id, "today"))).toMatch(/Final rank\n#1 of 2/);
    expect(visibleText(await runCommand(bot, people.cy.id, "today"))).toMatch(/Final rank\n#2 of 2/);
    const ada = visibleText(await runCommand(bot, people.ada.id, "today"));
    expect(ada).toMatch(/Final rank\nHidden from the board · you would be #1/);
    expect(ada).not.toContain("of 2");
    // Given the role again, Cy's summary gives him no final rank, as the board does.
    bot.emulator.setMemberRoles(bot.guild.id, people.cy.id, [roleId]);
    expect(visibleText(await runCommand(bot, people.cy.id, "today"))).toMatch(/Final rank\nNot ranked in this cohort/);
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

describe("view:near below the kept final board's top ten, with a member given the exclude_role after the close", () => {
  let bot: BotHarness;
  afterAll(async () => bot.close());

  it("leaves the excluded member out of their neighbours' lines, the ranks as posted, and brings them back with the role taken away", async () => {
    bot = await startBotHarness({ now: new Date("2027-01-05T10:00:00Z") });
    const cohort = await bot.createCohort({ name: "Twelve Ranked" });
    // Ten members with three items each are listed; Kim (two) and Lou (one) are ranked below the top ten.
    const names = Array.from({ length: 10 }, (_, index) => `top${String(index + 1).padStart(2, "0")}`);
    const people = await rankedMembers(bot, cohort, { ...Object.fromEntries(names.map((name) => [name, 3])), kim: 2, lou: 1 });
    const roleId = bot.emulator.createRole(bot.guild.id, { name: "Facilitators" }).id;
    await runCommand(bot, bot.admin.id, "cohort edit", { cohort: "Twelve Ranked", exclude_role: roleId });
    bot.clock.set(new Date("2027-01-13T10:00:00Z"));
    await runCommand(bot, bot.admin.id, "cohort end", { cohort: "Twelve Ranked" });
    await tickAt(bot, "2027-01-13T10:01:00Z");
    const kim = people.kim;
    const lou = people.lou;
    const near = async () => visibleText(await runCommand(bot, lou.id, "leaderboard", { view: "near" }));
    expect(await near()).toContain("11\\. **Kim** · 56 pts\n12\\. **Lou** · 20 pts ← you");

    bot.emulator.setMemberRoles(bot.guild.id, kim.id, [roleId]);
    expect(visibleText(await runCommand(bot, kim.id, "leaderboard", { view: "near" }))).toContain("not ranked in this cohort");
    const without = await near();
    expect(without).not.toContain("Kim");
    // Lou keeps the place the post gave him (ranks as posted), with the top ten's last line above him now.
    expect(without).toContain("🥇 **Top10** · 98 pts\n12\\. **Lou** · 20 pts ← you");

    bot.emulator.setMemberRoles(bot.guild.id, kim.id, []);
    await runCommand(bot, kim.id, "today");
    expect(await near()).toContain("11\\. **Kim** · 56 pts\n12\\. **Lou** · 20 pts ← you");
  }, 120_000);
});

describe("a member who does not use the bot given the exclude_role after the close", () => {
  let bot: BotHarness;
  afterAll(async () => bot.close());

  it("is left off the kept board once a /leaderboard five minutes later lists the role, and off the closing post", async () => {
    bot = await startBotHarness({ now: new Date("2027-01-05T10:00:00Z") });
    const { people } = await rankedCohort(bot, "Listed Later");
    const roleId = bot.emulator.createRole(bot.guild.id, { name: "Facilitators" }).id;
    await runCommand(bot, bot.admin.id, "cohort edit", { cohort: "Listed Later", exclude_role: roleId });
    bot.clock.set(new Date("2027-01-13T10:00:00Z"));
    await runCommand(bot, bot.admin.id, "cohort end", { cohort: "Listed Later" });
    await tickAt(bot, "2027-01-13T10:01:00Z");
    expect(postWith(bot, "Final leaderboard")).toContain("🥈 **Bob**");
    // Bob never uses the bot again: only a listing of the role, once the marks are five minutes old, learns it.
    bot.emulator.setMemberRoles(bot.guild.id, people.bob.id, [roleId]);
    bot.clock.set(new Date("2027-01-13T10:08:00Z"));
    const board = async () => visibleText(await runCommand(bot, people.watcher.id, "leaderboard"));
    await vi.waitFor(async () => expect(await board()).not.toContain("Bob"), { timeout: waitLimitMs, interval: 100 });
    expect(await board()).toContain("🥇 **Ada**");
    await tickAt(bot, "2027-01-13T10:09:00Z");
    expect(postWith(bot, "Final leaderboard")).not.toContain("Bob");
  }, 120_000);
});
