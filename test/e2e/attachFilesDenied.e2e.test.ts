import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { weekPostPeriod } from "../../src/domain/schedule/weekPostPeriod.js";
import type { EmulatorMessage } from "../../src/emulator/MessageService.js";
import { buttonsOf, startBotHarness, visibleText, type BotHarness } from "../helpers/botHarness.js";
import { until } from "../helpers/until.js";

/**
 * A cohort channel where the bot may post but not attach files (an admin took Attach Files away, or
 * never gave it). Pictures are extras that repeat what the words say: the posts go out without their
 * charts, once each, and the admin is told what is missing, as a warning, not a refusal.
 */
describe("a cohort channel where the bot may not attach files, end to end", () => {
  let bot: BotHarness;
  let noFiles: { id: string; name: string };
  const cohortName = "Winter";
  /** A second cohort in the harness channel, where Attach Files is allowed. */
  const otherName = "Spring";
  let ada: { id: string };

  /** The bot's posts (not replies to commands) in a channel that show `text`. */
  const posts = (channelId: string, text: string): EmulatorMessage[] =>
    bot.emulator.channelMessages(channelId).filter((message) => message.interactionId === null && visibleText(message).includes(text));
  const tickAt = async (iso: string): Promise<void> => {
    bot.clock.set(new Date(iso));
    await bot.test.app.scheduler.tick(bot.clock.now());
  };
  const cohortRow = (name: string) => bot.test.app.database.prisma.cohort.findFirstOrThrow({ where: { name } });
  const refusedPosts = (channelId: string) =>
    bot.emulator
      .requestLog()
      .filter((entry) => entry.method === "POST" && entry.path === `/channels/${channelId}/messages` && entry.status === 403);

  beforeAll(async () => {
    bot = await startBotHarness({ now: new Date("2027-01-04T08:00:00Z") });
    noFiles = bot.emulator.createChannel(bot.guild.id, { name: "no-files", botCanAttachFiles: false });
    await until(() => bot.test.app.discord.client.channels.cache.has(noFiles.id), "the no-files channel in the bot's cache");
    ada = bot.member("ada");
  });
  afterAll(async () => bot.close());

  it("/cohort create takes the channel and warns that posts will go without their charts", async () => {
    const message = await bot.reply(bot.admin.id, "cohort create", {
      name: cohortName,
      curriculum: "backend-engineer-learning-path",
      channel: noFiles.id,
      start: "2027-01-04",
    });
    const text = visibleText(message);
    expect(message.ephemeral).toBe(true);
    expect(text).toContain("is set up");
    expect(text).toMatch(/can't attach files in <#\d+>.*without their charts.*\*\*Attach Files\*\*.*next posts will carry them again/s);
    expect(text).not.toMatch(/View Channel|Send Messages|Embed Links/);
    expect(await bot.test.app.database.prisma.cohort.count({ where: { name: cohortName } })).toBe(1);
  });

  it("/cohort info says Attach Files is missing (in the admin's language), and nothing about the permissions it has", async () => {
    const info = visibleText(await bot.reply(bot.admin.id, "cohort info", { cohort: cohortName }));
    expect(info).toMatch(/Pictures[\s\S]*can't attach files in <#\d+>/);
    expect(info).not.toMatch(/View Channel|Send Messages|Embed Links|Channel problem/);

    const directora = bot.emulator.createMember(bot.guild.id, { username: "directora", locale: "es-ES", manageGuild: true });
    const enEspañol = visibleText(await bot.reply(directora.id, "cohort info", { cohort: cohortName }));
    expect(enEspañol).toMatch(
      /No puedo adjuntar archivos en <#\d+>.*sin gráficos.*\*\*Adjuntar archivos\*\*.*las próximas los llevarán de nuevo/s,
    );
  });

  it("/cohort edit moving another cohort into the channel warns too; a channel with Attach Files shows no warning", async () => {
    await bot.createCohort({ name: otherName, start: "2027-01-04" });
    const clean = visibleText(await bot.reply(bot.admin.id, "cohort info", { cohort: otherName }));
    expect(clean).not.toMatch(/attach files/i);
    const moved = visibleText(await bot.reply(bot.admin.id, "cohort edit", { cohort: otherName, channel: noFiles.id }));
    const back = visibleText(await bot.reply(bot.admin.id, "cohort edit", { cohort: otherName, channel: bot.channel.id }));
    expect(moved).toMatch(/can't attach files in <#\d+>/);
    expect(back).not.toMatch(/attach files/i);
  });

  it("/progress in that channel still gets its card: interaction replies do not need the bot's Attach Files", async () => {
    await bot.run(ada.id, "join", { cohort: cohortName }, noFiles.id).final();
    const today = await bot.run(ada.id, "today", {}, noFiles.id).final();
    const done = buttonsOf(today)[0];
    if (done === undefined) throw new Error("/today offered no done button");
    await bot.click(ada.id, today.id, done.customId).final();
    const progress = await bot.run(ada.id, "progress", {}, noFiles.id).final();
    expect(progress.attachments.map((attachment) => attachment.contentType)).toEqual(["image/png"]);
  });

  it("sends week 2's post there without last week's chart, exactly once, and the cohort stays unflagged", async () => {
    await tickAt("2027-01-04T09:00:30Z");
    expect(posts(noFiles.id, "Week 1 of 12")).toHaveLength(1);
    await tickAt("2027-01-11T09:00:30Z");
    const week2 = posts(noFiles.id, "Week 2 of 12");
    expect(week2).toHaveLength(1);
    expect(week2[0]?.attachments).toEqual([]);
    // The rest of the post is there: last week's top five and the live board.
    expect(posts(noFiles.id, "Week 1 top five")).toHaveLength(1);
    // Decided from the channel's permissions before sending: Discord refused nothing.
    expect(refusedPosts(noFiles.id)).toEqual([]);
    expect((await cohortRow(cohortName)).channelProblem).toBeNull();
    // Later ticks send nothing more.
    await tickAt("2027-01-11T09:05:30Z");
    await tickAt("2027-01-11T10:00:30Z");
    expect(posts(noFiles.id, "Week 2 of 12")).toHaveLength(1);
    // The other cohort's channel allows files: its week 2 post carries week 1's chart.
    const otherWeek2 = posts(bot.channel.id, "Week 2 of 12");
    expect(otherWeek2.map((message) => message.attachments.map((attachment) => attachment.filename))).toEqual([["week-1.png"]]);
  });

  it("/cohort announce of the week posts there too, without the chart", async () => {
    const reply = await bot.reply(bot.admin.id, "cohort announce", { cohort: cohortName, kind: "week" });
    expect(visibleText(reply)).not.toMatch(/can't post|didn't accept/);
    const week2 = posts(noFiles.id, "Week 2 of 12");
    expect(week2.map((message) => message.attachments.length)).toEqual([0, 0]);
    expect(refusedPosts(noFiles.id)).toEqual([]);
  });

  it("sends the closing post there without the course's chart", async () => {
    await bot.reply(bot.admin.id, "cohort end", { cohort: cohortName });
    await tickAt("2027-01-11T10:01:30Z");
    const closing = posts(noFiles.id, `${cohortName} has ended`);
    expect(closing.map((message) => [visibleText(message).includes("Final leaderboard"), message.attachments.length])).toEqual([[true, 0]]);
    expect(refusedPosts(noFiles.id)).toEqual([]);
    const closingRow = await bot.test.app.database.prisma.scheduledPost.findFirstOrThrow({
      where: { cohortId: (await cohortRow(cohortName)).id, kind: "closing" },
    });
    expect(closingRow.status).toBe("sent");
  });

  it("falls back once, without the chart, when Discord refuses the attachment at send time (50013)", async () => {
    // Attach Files taken away an instant before the send, before the bot heard of it: Discord refuses with 50013.
    bot.emulator.failNext(`POST /channels/${bot.channel.id}/messages`, 403, 1, { body: { message: "Missing Permissions", code: 50013 } });
    const before = bot.emulator.requestLog().length;
    await tickAt("2027-01-18T09:00:30Z");
    const week3 = posts(bot.channel.id, "Week 3 of 12");
    expect(week3).toHaveLength(1);
    expect(week3[0]?.attachments).toEqual([]);
    const sends = bot.emulator
      .requestLog()
      .slice(before)
      .filter((entry) => entry.method === "POST" && entry.path === `/channels/${bot.channel.id}/messages`);
    const week3Row = await bot.test.app.database.prisma.scheduledPost.findFirstOrThrow({
      where: { cohortId: (await cohortRow(otherName)).id, kind: "week", period: weekPostPeriod(3) },
      include: { parts: { orderBy: { part: "asc" } } },
    });
    expect(week3Row.status).toBe("sent");
    // The refused send, its one retry without the chart, then the post's other parts: one send more than parts.
    expect(sends).toHaveLength(week3Row.parts.length + 1);
    expect(sends[0]).toMatchObject({ status: 403, injected: true });
    expect(sends.slice(1).map((entry) => entry.status)).toEqual(week3Row.parts.map(() => 200));
    // The retry went under the nonce the refused send was given (part 0's), so Discord keeps it to one message.
    const [firstPart] = week3Row.parts;
    if (firstPart === undefined) throw new Error("week 3's post has no parts");
    const firstMessage = bot.emulator.channelMessages(bot.channel.id).find((message) => message.id === firstPart.messageId);
    expect(firstMessage?.nonce).toBe(firstPart.nonce);
    expect(firstMessage?.attachments).toEqual([]);
    expect((await cohortRow(otherName)).channelProblem).toBeNull();
    await tickAt("2027-01-18T09:05:30Z");
    expect(posts(bot.channel.id, "Week 3 of 12")).toHaveLength(1);
    // The refusal was for that send only: the next week's post carries its chart again.
    await tickAt("2027-01-25T09:00:30Z");
    const week4 = posts(bot.channel.id, "Week 4 of 12");
    expect(week4.map((message) => message.attachments.map((attachment) => attachment.filename))).toEqual([["week-3.png"]]);
  });

  it("still flags the channel when Discord refuses the post itself, not just its chart", async () => {
    // Both the send and its retry without the chart are refused: the bot lost Send Messages.
    bot.emulator.failNext(`POST /channels/${bot.channel.id}/messages`, 403, 2, { body: { message: "Missing Permissions", code: 50013 } });
    const before = bot.emulator.requestLog().length;
    await tickAt("2027-02-01T09:00:30Z");
    expect(posts(bot.channel.id, "Week 5 of 12")).toEqual([]);
    expect((await cohortRow(otherName)).channelProblem).toBe("no_permission");
    const sends = bot.emulator
      .requestLog()
      .slice(before)
      .filter((entry) => entry.method === "POST" && entry.path === `/channels/${bot.channel.id}/messages`);
    expect(sends.map((entry) => entry.status)).toEqual([403, 403]);
  });

  it("/cohort info of a flagged channel shows the channel problem only, not the pictures warning on top", async () => {
    const locked = bot.emulator.createChannel(bot.guild.id, { name: "locked", botCanAttachFiles: false });
    await until(() => bot.test.app.discord.client.channels.cache.has(locked.id), "the locked channel in the bot's cache");
    await bot.reply(bot.admin.id, "cohort create", {
      name: "Autumn",
      curriculum: "backend-engineer-learning-path",
      channel: locked.id,
      start: "2027-02-08",
    });
    // An admin then takes Send Messages away too: the first post is refused and the channel flagged.
    bot.emulator.setBotChannelPermissions(locked.id, { botCanSend: false });
    await tickAt("2027-02-08T09:00:30Z");
    expect((await cohortRow("Autumn")).channelProblem).toBe("no_permission");

    const info = visibleText(await bot.reply(bot.admin.id, "cohort info", { cohort: "Autumn" }));
    expect(info).toContain("Channel problem");
    expect(info).not.toMatch(/Pictures|attach files/i);
  });
});
