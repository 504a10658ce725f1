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

  /**
   * Takes these permissions away from the bot in the cohort's channel (the others given back) and waits for its cache
   * to see it: `view`, `history`, `embeds` for View Channel, Read Message History and Embed Links.
   */
  async function lacking(...lost: readonly ("view" | "history" | "embeds")[]): Promise<void> {
    bot.emulator.setBotChannelPermissions(bot.channel.id, {
      botCanView: !lost.includes("view"),
      botCanReadHistory: !lost.includes("history"),
      botCanEmbedLinks: !lost.includes("embeds"),
    });
    const flags = { view: "ViewChannel", history: "ReadMessageHistory", embeds: "EmbedLinks" } as const;
    await until(() => {
      const channel = bot.test.app.discord.client.channels.cache.get(bot.channel.id);
      const me = channel !== undefined && !channel.isDMBased() ? channel.guild.members.me : null;
      if (me === null || channel === undefined || channel.isDMBased()) return false;
      const permissions = channel.permissionsFor(me);
      return (Object.keys(flags) as (keyof typeof flags)[]).every((key) => permissions.has(flags[key]) === !lost.includes(key));
    }, "the bot's cache to see the permissions changed");
  }
  const directoraInfo = async () => {
    const directora = bot.emulator.createMember(bot.guild.id, { username: "directora", locale: "es-ES", manageGuild: true });
    return info(directora.id);
  };
  const endCohort = async () => bot.reply(bot.admin.id, "cohort end", { cohort: "Backend Spring 2027" });
  const postedBoardsWarnings = (text: string) => text.split("Posted boards").length - 1;

  it("warns an ended cohort's admin that, without View Channel, its posted boards cannot be corrected", async () => {
    await start();
    await endCohort();
    await lacking("view");
    const text = await info();
    expect(postedBoardsWarnings(text)).toBe(1);
    expect(text).toContain(`I'm missing the **View Channel** permission in <#${bot.channel.id}>, so I can't edit the boards`);
    expect(text).toContain("Give it to me there");
    expect(text).not.toContain("Give them to me there");
    expect(text).not.toContain("Read Message History");
    expect(text).not.toContain("Embed Links");
    expect(text).not.toContain("Channel problem");
    const es = await directoraInfo();
    expect(es).toContain(`Me falta el permiso **Ver canal** en <#${bot.channel.id}>`);
    expect(es).toContain("Dámelo allí");
  });

  it("names the two permissions an ended cohort's channel lacks for its posted boards in one warning", async () => {
    await start();
    await endCohort();
    await lacking("history", "embeds");
    const text = await info();
    expect(postedBoardsWarnings(text)).toBe(1);
    expect(text).toContain("I'm missing the **Read Message History** and **Embed Links** permissions in");
    expect(text).toContain("Give them to me there");
    expect(text).not.toContain("View Channel");
    const es = await directoraInfo();
    expect(es).toContain("Me faltan los permisos **Leer el historial de mensajes** e **Insertar enlaces** en");
    expect(es).toContain("Dámelos allí");
  });

  it("names all three permissions an ended cohort's channel lacks for its posted boards in one warning", async () => {
    await start();
    await endCohort();
    await lacking("view", "history", "embeds");
    const text = await info();
    expect(postedBoardsWarnings(text)).toBe(1);
    expect(text).toContain("I'm missing the **View Channel**, **Read Message History** and **Embed Links** permissions in");
    expect(text).not.toContain("Channel problem");
    expect(await directoraInfo()).toContain(
      "Me faltan los permisos **Ver canal**, **Leer el historial de mensajes** e **Insertar enlaces** en",
    );
  });

  it("warns an ended cohort's admin of nothing about posted boards once the permissions are all there", async () => {
    await start();
    await endCohort();
    await lacking("view", "embeds");
    expect(postedBoardsWarnings(await info())).toBe(1);
    await lacking();
    expect(await info()).not.toContain("Posted boards");
    expect(await directoraInfo()).not.toContain("Clasificaciones publicadas");
  });

  it("warns a running cohort's admin under Posted boards of Read Message History alone, and of View Channel as a channel problem", async () => {
    await start();
    await lacking("history");
    const text = await info();
    expect(postedBoardsWarnings(text)).toBe(1);
    expect(text).toContain("I'm missing the **Read Message History** permission in");
    expect(text).not.toContain("Channel problem");

    // View Channel too: the posts wait for it, so the channel problem names it, alone (it says more).
    await lacking("view", "history");
    const both = await info();
    expect(both).toContain("I'm missing the **View Channel** permission there.");
    expect(both).not.toContain("Posted boards");
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
