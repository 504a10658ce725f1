import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startBotHarness, visibleText, type BotHarness } from "../helpers/botHarness.js";

describe("/cohort announce before the course starts", () => {
  let bot: BotHarness;
  const cohortName = "Backend Spring 2027";

  beforeAll(async () => {
    // Sunday, the day before a cohort that starts on Monday 2027-01-04 (UTC).
    bot = await startBotHarness({ now: new Date("2027-01-03T18:00:00Z") });
    await bot.createCohort({ name: cohortName, start: "2027-01-04" });
    await bot.reply(bot.member("ada").id, "join", { cohort: cohortName });
  });
  afterAll(async () => bot.close());

  const channelPosts = () => bot.emulator.channelMessages(bot.channel.id).filter((message) => message.authorId === bot.emulator.botUserId);
  const announceLines = () => bot.test.app.database.prisma.auditEntry.count({ where: { action: "announce" } });

  it.each([
    ["week", "there's no weekly assignment to post yet"],
    ["checkpoint", "there's no checkpoint to post yet"],
    // Nobody can have logged anything yet: the board would be empty.
    ["leaderboard", "there's no leaderboard to post yet"],
  ])("refuses kind:%s, naming the start date and what there is not, and posts nothing", async (kind, what) => {
    const refusal = await bot.reply(bot.admin.id, "cohort announce", { cohort: cohortName, kind });
    expect(refusal.ephemeral).toBe(true);
    expect(visibleText(refusal)).toBe(`**Backend Spring 2027** starts on **Mon, 4 Jan 2027**: ${what}, so nothing was posted.`);
    expect(channelPosts()).toEqual([]);
    expect(await announceLines()).toBe(0);
  });

  it("says it in Spanish to a Spanish-speaking admin", async () => {
    const directora = bot.emulator.createMember(bot.guild.id, { username: "directora", locale: "es-ES", manageGuild: true });
    const refusal = await bot.reply(directora.id, "cohort announce", { cohort: cohortName, kind: "checkpoint" });
    expect(visibleText(refusal)).toContain("**Backend Spring 2027** empieza el **");
    expect(visibleText(refusal)).toContain("todavía no hay ningún punto de control que publicar");
    const week = await bot.reply(directora.id, "cohort announce", { cohort: cohortName, kind: "week" });
    expect(visibleText(week)).toContain("todavía no hay ninguna tarea semanal que publicar");
    const board = await bot.reply(directora.id, "cohort announce", { cohort: cohortName, kind: "leaderboard" });
    expect(visibleText(board)).toContain("todavía no hay ninguna clasificación que publicar");
    expect(channelPosts()).toEqual([]);
  });

  it("posts this week's assignment, the current checkpoint and the leaderboard once the course has started", async () => {
    bot.clock.set(new Date("2027-01-04T10:00:00Z"));
    await bot.reply(bot.admin.id, "cohort announce", { cohort: cohortName, kind: "week" });
    await bot.reply(bot.admin.id, "cohort announce", { cohort: cohortName, kind: "checkpoint" });
    await bot.reply(bot.admin.id, "cohort announce", { cohort: cohortName, kind: "leaderboard" });
    expect(channelPosts().map((message) => message.embeds[0]?.title)).toEqual([
      "📚 Week 1 of 12 · Backend Spring 2027",
      "✅ Checkpoint · Database Fundamentals",
      "🏆 Leaderboard · Backend Spring 2027",
    ]);
  });
});

// The scheduler posts week 1's assignment on the announce day on or before the first day: from then on it can be announced.
describe("/cohort announce kind:week between week 1's post and the first day", () => {
  let bot: BotHarness;
  const channelPosts = () => bot.emulator.channelMessages(bot.channel.id).filter((message) => message.authorId === bot.emulator.botUserId);
  const titles = () => channelPosts().map((message) => message.embeds[0]?.title);
  afterEach(async () => bot.close());

  it("posts week 1 on the Tuesday before a Wednesday start with Monday announcements, and still refuses the checkpoint", async () => {
    // Week 1's post is due Monday 2027-01-04 09:00 (UTC); the course starts Wednesday 2027-01-06.
    bot = await startBotHarness({ now: new Date("2027-01-05T10:00:00Z") });
    await bot.createCohort({ name: "Wednesday Cohort", start: "2027-01-06" });
    await bot.reply(bot.admin.id, "cohort announce", { cohort: "Wednesday Cohort", kind: "week" });
    expect(titles()).toEqual(["📚 Week 1 of 12 · Wednesday Cohort"]);
    const refusal = await bot.reply(bot.admin.id, "cohort announce", { cohort: "Wednesday Cohort", kind: "checkpoint" });
    expect(visibleText(refusal)).toMatch(/\*\*Wednesday Cohort\*\* starts on \*\*Wed, 6 Jan 2027\*\*/);
    expect(titles()).toEqual(["📚 Week 1 of 12 · Wednesday Cohort"]);
  });

  it("goes by the cohort's zone, where the date differs from UTC's", async () => {
    // Auckland is UTC+13 in January: week 1's post is due Monday 2027-01-04 09:00 there, Sunday 20:00 UTC.
    bot = await startBotHarness({ now: new Date("2027-01-03T19:00:00Z") });
    await bot.createCohort({ name: "Auckland Cohort", start: "2027-01-06", timeZone: "Pacific/Auckland" });
    // Monday 08:00 in Auckland: not yet.
    const early = await bot.reply(bot.admin.id, "cohort announce", { cohort: "Auckland Cohort", kind: "week" });
    expect(visibleText(early)).toMatch(/\*\*Auckland Cohort\*\* starts on \*\*Wed, 6 Jan 2027\*\*/);
    expect(titles()).toEqual([]);
    // Monday 10:00 in Auckland, still Sunday in UTC: week 1 is out.
    bot.clock.set(new Date("2027-01-03T21:00:00Z"));
    await bot.reply(bot.admin.id, "cohort announce", { cohort: "Auckland Cohort", kind: "week" });
    expect(titles()).toEqual(["📚 Week 1 of 12 · Auckland Cohort"]);
    // Wednesday 01:00 in Auckland, still Tuesday in UTC: the course has started, so its checkpoint is current.
    bot.clock.set(new Date("2027-01-05T12:00:00Z"));
    await bot.reply(bot.admin.id, "cohort announce", { cohort: "Auckland Cohort", kind: "checkpoint" });
    expect(titles()).toEqual(["📚 Week 1 of 12 · Auckland Cohort", "✅ Checkpoint · Database Fundamentals"]);
  });
});
