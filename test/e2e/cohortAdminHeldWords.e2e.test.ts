import { describe, expect, it } from "vitest";
import { botCanSend, tickAt, useBotHarness, visibleText, type BotHarness } from "../helpers/botHarness.js";
import { until } from "../helpers/until.js";

const fullTimestamp = (isoInstant: string) => `<t:${Date.parse(isoInstant) / 1000}:F>`;
const weekOnePosted = (bot: BotHarness) =>
  bot.emulator.channelMessages(bot.channel.id).some((message) => visibleText(message).startsWith("📚 Week 1 of 12"));

/**
 * Set up late: created on Tuesday 2027-01-05 at 10:00, a day and an hour after week 1's post was due (Monday 09:00),
 * so that post is late only from the creation (the catch-up rule's exception). The bot lost Send Messages before its
 * first tick: the post failed and is on hold. The scheduler sends it if the channel is fixed within a day of the
 * creation, not within a day of its time.
 */
async function setUpLateOnHold(bot: BotHarness): Promise<void> {
  await bot.createCohort({ name: "Backend Spring 2027", start: "2027-01-04" });
  bot.emulator.setBotChannelPermissions(bot.channel.id, { botCanSend: false });
  await until(() => !botCanSend(bot.test, bot.channel.id), "the permission change in the bot's cache");
  await tickAt(bot, "2027-01-05T10:00:30Z");
  expect((await bot.test.app.database.prisma.cohort.findFirstOrThrow()).channelProblem).toBe("no_permission");
  expect(weekOnePosted(bot)).toBe(false);
}

async function giveSendBack(bot: BotHarness): Promise<void> {
  bot.emulator.setBotChannelPermissions(bot.channel.id, { botCanSend: true });
  await until(() => botCanSend(bot.test, bot.channel.id), "the permission back in the bot's cache");
}

describe("/cohort info of a post set up late and on hold", () => {
  const harness = useBotHarness({ now: new Date("2027-01-05T10:00:00Z") });

  it("says until when fixing the channel still sends it, in English and Spanish, and the scheduler keeps to it", async () => {
    const { bot } = harness;
    await setUpLateOnHold(bot);
    const directora = bot.emulator.createMember(bot.guild.id, { username: "directora", locale: "es-ES", manageGuild: true });
    const info = async (userId: string) => visibleText(await bot.reply(userId, "cohort info", { cohort: "Backend Spring 2027" }));
    const dueAt = fullTimestamp("2027-01-04T09:00:00Z");
    const deadline = fullTimestamp("2027-01-06T10:00:00Z");
    const english = await info(bot.admin.id);
    expect(english).toContain(
      `Next weekly post\nOn hold until the channel is fixed: it goes out then if that is before ${deadline} (it was due ${dueAt}) · week 1`,
    );
    expect(english).not.toContain("less than 24 hours late");
    expect(await info(directora.id)).toContain(
      `Próxima publicación semanal\nEn espera hasta que se arregle el canal: saldrá entonces si es antes del ${deadline} (debía salir el ${dueAt}) · semana 1`,
    );

    // Fixed more than a day after the post's time but within a day of the creation: it goes out.
    bot.clock.set(new Date("2027-01-06T09:00:00Z"));
    await giveSendBack(bot);
    await tickAt(bot, "2027-01-06T09:00:00Z");
    await tickAt(bot, "2027-01-06T09:06:00Z");
    expect(weekOnePosted(bot)).toBe(true);
  });
});

describe("/cohort info of a cohort on hold for a permission whose channel is deleted since", () => {
  const harness = useBotHarness({ now: new Date("2027-01-05T10:00:00Z") });

  it("says the channel no longer exists, not which permission to give back, in English and Spanish", async () => {
    const { bot } = harness;
    await setUpLateOnHold(bot);
    const channelId = bot.channel.id;
    const staffRoom = bot.emulator.createChannel(bot.guild.id, { name: "staff" });
    const directora = bot.emulator.createMember(bot.guild.id, { username: "directora", locale: "es-ES", manageGuild: true });
    bot.emulator.deleteChannel(channelId);
    await until(() => !bot.test.app.discord.client.channels.cache.has(channelId), "the deletion in the bot's cache");
    const run = async (userId: string, command: string) =>
      visibleText(await bot.run(userId, command, { cohort: "Backend Spring 2027" }, staffRoom.id).final());
    for (const command of ["cohort info", "cohort preview"]) {
      const english = await run(bot.admin.id, command);
      expect(english).toContain(`The cohort channel <#${channelId}> no longer exists, so the bot's posts are on hold.`);
      expect(english).not.toContain("Send Messages");
      const spanish = await run(directora.id, command);
      expect(spanish).toContain(`El canal de la cohorte <#${channelId}> ya no existe`);
      expect(spanish).not.toContain("Enviar mensajes");
    }
  });
});

describe("/cohort preview of a cohort whose posts are on hold", () => {
  const harness = useBotHarness({ now: new Date("2027-01-05T10:00:00Z") });

  it("names the permission the bot lacks, then says the posts resume once it is back, in English and Spanish", async () => {
    const { bot } = harness;
    await setUpLateOnHold(bot);
    const directora = bot.emulator.createMember(bot.guild.id, { username: "directora", locale: "es-ES", manageGuild: true });
    const preview = async (userId: string) => visibleText(await bot.reply(userId, "cohort preview", { cohort: "Backend Spring 2027" }));
    const english = await preview(bot.admin.id);
    expect(english).toContain("**Preview of week 1 of 12**");
    expect(english).toContain(
      `I can't post in <#${bot.channel.id}> any more: I'm missing the **Send Messages** permission there, so the bot's posts are on hold.`,
    );
    expect(english).not.toContain("**View Channel**");
    const spanish = await preview(directora.id);
    expect(spanish).toContain("me falta allí el permiso **Enviar mensajes**, así que las publicaciones del bot están en espera");
    expect(spanish).not.toContain("**Ver canal**");

    await giveSendBack(bot);
    expect(await preview(bot.admin.id)).toContain(
      `I can post in <#${bot.channel.id}> again: the bot's posts on hold go out within a few minutes.`,
    );
    expect(await preview(directora.id)).toContain(
      `Ya puedo volver a publicar en <#${bot.channel.id}>: las publicaciones del bot en espera saldrán en unos minutos.`,
    );
  });
});

describe("/cohort list of a cohort whose posts are on hold", () => {
  const harness = useBotHarness({ now: new Date("2027-01-05T10:00:00Z") });

  it("marks it on hold, then, once the permission is back and before the scheduler looks again, says the posts resume", async () => {
    const { bot } = harness;
    await setUpLateOnHold(bot);
    const directora = bot.emulator.createMember(bot.guild.id, { username: "directora", locale: "es-ES", manageGuild: true });
    const list = async (userId: string) => visibleText(await bot.reply(userId, "cohort list"));
    expect(await list(bot.admin.id)).toContain("⚠️ Posts on hold: see `/cohort info`");

    await giveSendBack(bot);
    bot.emulator.clearRequestLog();
    const english = await list(bot.admin.id);
    // From the bot's cache: no request to Discord per cohort listed.
    expect(bot.emulator.requestLog().filter((entry) => entry.method === "GET" && entry.path.startsWith("/channels/"))).toEqual([]);
    expect(english).not.toContain("Posts on hold: see");
    expect(english).toContain("Posts on hold go out within a few minutes");
    const spanish = await list(directora.id);
    expect(spanish).not.toContain("Publicaciones en espera: mira");
    expect(spanish).toContain("Las publicaciones en espera saldrán en unos minutos");
  });
});
