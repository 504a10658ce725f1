import { afterAll, beforeAll, describe, expect, it } from "vitest";
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

  it.each(["week", "checkpoint"])("refuses kind:%s, naming the start date, and posts nothing", async (kind) => {
    const refusal = await bot.reply(bot.admin.id, "cohort announce", { cohort: cohortName, kind });
    expect(refusal.ephemeral).toBe(true);
    expect(visibleText(refusal)).toMatch(/\*\*Backend Spring 2027\*\* starts on \*\*Mon, 4 Jan 2027\*\*/);
    expect(channelPosts()).toEqual([]);
    expect(await announceLines()).toBe(0);
  });

  it("says it in Spanish to a Spanish-speaking admin", async () => {
    const directora = bot.emulator.createMember(bot.guild.id, { username: "directora", locale: "es-ES", manageGuild: true });
    const refusal = await bot.reply(directora.id, "cohort announce", { cohort: cohortName, kind: "checkpoint" });
    expect(visibleText(refusal)).toContain("**Backend Spring 2027** empieza el **");
    expect(channelPosts()).toEqual([]);
  });

  it("posts this week's assignment and the current checkpoint once the course has started", async () => {
    bot.clock.set(new Date("2027-01-04T10:00:00Z"));
    await bot.reply(bot.admin.id, "cohort announce", { cohort: cohortName, kind: "week" });
    await bot.reply(bot.admin.id, "cohort announce", { cohort: cohortName, kind: "checkpoint" });
    expect(channelPosts().map((message) => message.embeds[0]?.title)).toEqual([
      "📚 Week 1 of 12 · Backend Spring 2027",
      "✅ Checkpoint · Database Fundamentals",
    ]);
  });
});
