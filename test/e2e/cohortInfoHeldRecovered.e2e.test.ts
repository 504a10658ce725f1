import { describe, expect, it } from "vitest";
import { botCanSend, tickAt, useBotHarness, visibleText } from "../helpers/botHarness.js";
import { channelOnHold } from "../helpers/channelOnHold.js";
import { until } from "../helpers/until.js";

const fullTimestamp = (isoInstant: string) => `<t:${Date.parse(isoInstant) / 1000}:F>`;

// The bot lost Send Messages and Embed Links in the cohort's channel and week 2's post failed there: on hold. The
// admin reads both permissions to give back; once they did, /cohort info must not still tell them to fix the channel
// (the scheduler's next look at it, within minutes, sends the post on hold).
describe("/cohort info of posts on hold once the bot's permissions are back", () => {
  const harness = useBotHarness({ now: new Date("2027-01-05T10:00:00Z") });

  it("names every missing permission, then says the posts resume, in English and Spanish", async () => {
    const { bot } = harness;
    await channelOnHold(bot, { botCanSend: false, botCanEmbedLinks: false });

    const directora = bot.emulator.createMember(bot.guild.id, { username: "directora", locale: "es-ES", manageGuild: true });
    const info = async (userId: string) => visibleText(await bot.reply(userId, "cohort info", { cohort: "Backend Spring 2027" }));
    expect(await info(bot.admin.id)).toContain(
      "I'm missing the **Send Messages** and **Embed Links** permissions there, so the bot's posts are on hold. Give them to me",
    );
    expect(await info(directora.id)).toContain(
      "me faltan allí los permisos **Enviar mensajes** e **Insertar enlaces**, así que las publicaciones del bot están en espera. Dámelos",
    );

    bot.emulator.setBotChannelPermissions(bot.channel.id, { botCanSend: true, botCanEmbedLinks: true });
    await until(() => botCanSend(bot.test, bot.channel.id), "the permission back in the bot's cache");
    const dueAt = fullTimestamp("2027-01-11T09:00:00Z");
    const english = await info(bot.admin.id);
    expect(english).not.toContain("I can't post");
    expect(english).not.toContain("On hold");
    expect(english).toContain(`I can post in <#${bot.channel.id}> again: the bot's posts on hold go out within a few minutes.`);
    expect(english).toContain(
      `Next weekly post\nWithin a few minutes, now that I can post in the channel again (it was due ${dueAt}) · week 2`,
    );
    const spanish = await info(directora.id);
    expect(spanish).not.toContain("no puedo publicar");
    expect(spanish).not.toContain("En espera");
    expect(spanish).toContain(
      `Ya puedo volver a publicar en <#${bot.channel.id}>: las publicaciones del bot en espera saldrán en unos minutos.`,
    );
    expect(spanish).toContain(
      `Próxima publicación semanal\nEn unos minutos, ahora que puedo volver a publicar en el canal (debía salir el ${dueAt}) · semana 2`,
    );

    await tickAt(bot, "2027-01-11T09:06:00Z");
    await tickAt(bot, "2027-01-11T09:06:30Z");
    expect(bot.emulator.channelMessages(bot.channel.id).some((message) => visibleText(message).startsWith("📚 Week 2 of 12"))).toBe(true);
  });
});

// A post on hold more than 24 hours is skipped once the channel is fixed (the catch-up rule): /cohort info and
// /cohort preview must not promise it any more, and name the next post instead.
describe("/cohort info of a post on hold for more than a day", () => {
  const harness = useBotHarness({ now: new Date("2027-01-05T10:00:00Z") });

  it("no longer lists it as the next post", async () => {
    const { bot } = harness;
    await channelOnHold(bot);
    await tickAt(bot, "2027-01-12T09:30:00Z");
    const english = visibleText(await bot.reply(bot.admin.id, "cohort info", { cohort: "Backend Spring 2027" }));
    expect(english).not.toContain("On hold until");
    expect(english).toContain(`Next weekly post\n${fullTimestamp("2027-01-18T09:00:00Z")}`);
    const preview = visibleText(await bot.reply(bot.admin.id, "cohort preview", { cohort: "Backend Spring 2027" }));
    expect(preview).toContain("**Preview of week 3 of 12**");
  });
});

// Paused while on hold: the scheduler looks at neither the channel nor the posts until the cohort is resumed, so the
// permissions given back do not send anything within minutes.
describe("/cohort info of a paused cohort on hold once the bot's permissions are back", () => {
  const harness = useBotHarness({ now: new Date("2027-01-05T10:00:00Z") });

  it("says the posts go out once the cohort is resumed", async () => {
    const { bot } = harness;
    await channelOnHold(bot);
    expect(visibleText(await bot.reply(bot.admin.id, "cohort pause", { cohort: "Backend Spring 2027" }))).toContain("is paused");
    bot.emulator.setBotChannelPermissions(bot.channel.id, { botCanSend: true });
    await until(() => botCanSend(bot.test, bot.channel.id), "the permission back in the bot's cache");
    const english = visibleText(await bot.reply(bot.admin.id, "cohort info", { cohort: "Backend Spring 2027" }));
    expect(english).not.toContain("within a few minutes");
    expect(english).toContain(
      `I can post in <#${bot.channel.id}> again: the bot's posts go out there once you resume the cohort with \`/cohort resume\`.`,
    );
  });
});
