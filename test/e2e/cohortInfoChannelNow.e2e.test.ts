import { afterEach, describe, expect, it } from "vitest";
import { botCanSend, startBotHarness, tickAt, visibleText, type BotHarness } from "../helpers/botHarness.js";
import { until } from "../helpers/until.js";

// An admin who deletes the cohort's channel, or takes the bot's permissions there, learns it from `/cohort info`
// at once, not only after the next weekly post (perhaps days later) has failed and waited.
describe("/cohort info shows a channel the bot cannot post in now, before a post fails there", () => {
  let bot: BotHarness;
  afterEach(async () => bot.close());

  /** Where admins run their commands: the cohort's own channel may be deleted. */
  let staffRoom: { id: string };
  async function start(): Promise<void> {
    // Tuesday in week 1: the next weekly post is next Monday.
    bot = await startBotHarness({ now: new Date("2027-01-05T10:00:00Z") });
    staffRoom = bot.emulator.createChannel(bot.guild.id, { name: "staff" });
    await bot.createCohort({ start: "2027-01-04" });
  }
  const info = async (userId = bot.admin.id) =>
    visibleText(await bot.run(userId, "cohort info", { cohort: "Backend Spring 2027" }, staffRoom.id).final());
  const flagged = async () =>
    (await bot.test.app.database.prisma.cohort.findFirstOrThrow({ where: { name: "Backend Spring 2027" } })).channelProblem;

  it("says the channel no longer exists once it is deleted, and that the next posts wait for a new one", async () => {
    await start();
    expect(await info()).not.toContain("Channel problem");

    bot.emulator.deleteChannel(bot.channel.id);
    await until(() => !bot.test.app.discord.client.channels.cache.has(bot.channel.id), "the deletion in the bot's cache");
    const text = await info();
    expect(text).toContain("⚠️ Channel problem");
    expect(text).toContain(`The cohort channel <#${bot.channel.id}> no longer exists`);
    expect(text).toContain("`/cohort edit channel:`");
    // Read-only: nothing is flagged until a post meets the problem (the scheduler's own rule).
    expect(await flagged()).toBeNull();
  });

  it("answers from the bot's cache: a deleted channel costs no request to Discord on each /cohort info", async () => {
    await start();
    bot.emulator.deleteChannel(bot.channel.id);
    await until(() => !bot.test.app.discord.client.channels.cache.has(bot.channel.id), "the deletion in the bot's cache");
    bot.emulator.clearRequestLog();
    expect(await info()).toContain("no longer exists");
    const channelLookups = bot.emulator.requestLog().filter((entry) => entry.method === "GET" && entry.path.startsWith("/channels/"));
    expect(channelLookups).toEqual([]);
  });

  it("shows one warning about the channel when the bot cannot post there, not also the pictures' and boards' ones", async () => {
    await start();
    bot.emulator.setBotChannelPermissions(bot.channel.id, { botCanSend: false, botCanAttachFiles: false, botCanReadHistory: false });
    await until(() => !botCanSend(bot.test, bot.channel.id), "the permission change in the bot's cache");

    const text = await info();
    expect(text).toContain("I'm missing the **Send Messages** permission there.");
    expect(text.match(/⚠️/g)).toHaveLength(1);
    expect(text).not.toContain("Pictures");
    expect(text).not.toContain("Posted boards");
  });

  it("names the permission the bot lacks now, in the admin's language, and shows it once when the scheduler flagged it too", async () => {
    await start();
    bot.emulator.setBotChannelPermissions(bot.channel.id, { botCanSend: false });
    await until(() => !botCanSend(bot.test, bot.channel.id), "the permission change in the bot's cache");

    const text = await info();
    expect(text).toContain("⚠️ Channel problem");
    expect(text).toContain(`I can't post in <#${bot.channel.id}> now: I'm missing the **Send Messages** permission there.`);
    const directora = bot.emulator.createMember(bot.guild.id, { username: "directora", locale: "es-ES", manageGuild: true });
    expect(await info(directora.id)).toContain("**Enviar mensajes**");

    // The week 2 post fails and flags the channel: the flag's own warning alone, not twice.
    await tickAt(bot, "2027-01-11T09:00:30Z");
    expect(await flagged()).toBe("no_permission");
    const afterFlag = await info();
    expect(afterFlag.match(/Channel problem/g)).toHaveLength(1);
    expect(afterFlag).toContain("so the bot's posts are on hold");
  });

  it("warns an ended cohort's admin that, without Embed Links, its posted boards cannot be corrected", async () => {
    await start();
    await bot.reply(bot.admin.id, "cohort end", { cohort: "Backend Spring 2027" });
    bot.emulator.setBotChannelPermissions(bot.channel.id, { botCanEmbedLinks: false });
    await until(() => {
      const channel = bot.test.app.discord.client.channels.cache.get(bot.channel.id);
      const me = channel !== undefined && !channel.isDMBased() ? channel.guild.members.me : null;
      return me !== null && channel !== undefined && !channel.isDMBased() && !channel.permissionsFor(me).has("EmbedLinks");
    }, "the bot's cache to see Embed Links taken away");
    const text = await info();
    expect(text.split("Posted boards")).toHaveLength(2);
    expect(text).toContain("**Embed Links**");
    expect(text).not.toContain("Read Message History");
    expect(text).not.toContain("Channel problem");
    const directora = bot.emulator.createMember(bot.guild.id, { username: "directora", locale: "es-ES", manageGuild: true });
    expect(await info(directora.id)).toContain("**Insertar enlaces**");

    // Read Message History taken too: one warning, that one first (the other once it is back).
    bot.emulator.setBotChannelPermissions(bot.channel.id, { botCanEmbedLinks: false, botCanReadHistory: false });
    await until(() => {
      const channel = bot.test.app.discord.client.channels.cache.get(bot.channel.id);
      const me = channel !== undefined && !channel.isDMBased() ? channel.guild.members.me : null;
      return me !== null && channel !== undefined && !channel.isDMBased() && !channel.permissionsFor(me).has("ReadMessageHistory");
    }, "the bot's cache to see Read Message History taken away");
    const both = await info();
    expect(both.split("Posted boards")).toHaveLength(2);
    expect(both).toContain("Read Message History");
  });

  it("warns of nothing for an ended cohort, which posts no more", async () => {
    await start();
    await bot.reply(bot.admin.id, "cohort end", { cohort: "Backend Spring 2027" });
    await tickAt(bot, "2027-01-05T10:01:00Z");
    bot.emulator.deleteChannel(bot.channel.id);
    await until(() => !bot.test.app.discord.client.channels.cache.has(bot.channel.id), "the deletion in the bot's cache");
    expect(await info()).not.toContain("Channel problem");
  });
});

// `/cohort list` is the overview of a server's cohorts: one whose posts wait on its channel stands out there.
describe("/cohort list marks a cohort whose posts are on hold for its channel", () => {
  let bot: BotHarness;
  afterEach(async () => bot.close());

  it("marks the flagged cohort only, and no more once its channel is fixed", async () => {
    bot = await startBotHarness({ now: new Date("2027-01-05T10:00:00Z") });
    const other = bot.emulator.createChannel(bot.guild.id, { name: "frontend-cohort" });
    await until(() => bot.test.app.discord.client.channels.cache.has(other.id), "the other channel in the bot's cache");
    await bot.createCohort({ name: "Backend Spring 2027", start: "2027-01-04" });
    await bot.reply(bot.admin.id, "cohort create", {
      name: "Frontend Spring 2027",
      curriculum: "backend-engineer-learning-path",
      channel: other.id,
      start: "2027-01-04",
    });
    bot.emulator.setBotChannelPermissions(bot.channel.id, { botCanSend: false });
    await tickAt(bot, "2027-01-11T09:00:30Z");

    const lines = visibleText(await bot.run(bot.admin.id, "cohort list", {}, other.id).final()).split("\n");
    expect(lines.find((line) => line.startsWith("**Backend Spring 2027**"))).toContain("⚠️ Posts on hold: see `/cohort info`");
    expect(lines.find((line) => line.startsWith("**Frontend Spring 2027**"))).not.toContain("⚠️");
    const directora = bot.emulator.createMember(bot.guild.id, { username: "directora", locale: "es-ES", manageGuild: true });
    expect(visibleText(await bot.run(directora.id, "cohort list", {}, other.id).final())).toContain("⚠️ Publicaciones en espera");

    await bot.reply(bot.admin.id, "cohort edit", { cohort: "Backend Spring 2027", channel: other.id });
    expect(visibleText(await bot.run(bot.admin.id, "cohort list", {}, other.id).final())).not.toContain("⚠️");
  });
});
