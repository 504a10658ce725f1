import { describe, expect, it } from "vitest";
import { botCanSend, tickAt, useBotHarness, visibleText } from "../helpers/botHarness.js";
import { channelOnHold } from "../helpers/channelOnHold.js";
import { until } from "../helpers/until.js";

const fullTimestamp = (isoInstant: string) => `<t:${Date.parse(isoInstant) / 1000}:F>`;

// The bot lost Send Messages in the cohort's channel and week 2's post failed there: it is on hold, and goes out
// once the permission is back (within its 24 hours). /cohort info must not skip it as if it were lost ("Next weekly
// post: week 3"): the admin reads that week 2 waits for the channel, and what fixing it does.
describe("/cohort info while a post waits for the cohort's channel", () => {
  const harness = useBotHarness({ now: new Date("2027-01-05T10:00:00Z") });

  it("names the post on hold as the next one, in English and Spanish, until the fixed channel sends it", async () => {
    const { bot } = harness;
    await channelOnHold(bot);
    const spanishAdmin = bot.emulator.createMember(bot.guild.id, { username: "directora", locale: "es-ES", manageGuild: true });
    const info = async (userId: string) => visibleText(await bot.reply(userId, "cohort info", { cohort: "Backend Spring 2027" }));
    const dueAt = fullTimestamp("2027-01-11T09:00:00Z");
    const deadline = fullTimestamp("2027-01-12T09:00:00Z");
    const english = await info(bot.admin.id);
    expect(english).toContain(
      `Next weekly post\nOn hold until the channel is fixed: it goes out then if that is before ${deadline} (it was due ${dueAt}) · week 2`,
    );
    expect(english).not.toContain("week 3");
    expect(await info(spanishAdmin.id)).toContain(
      `Próxima publicación semanal\nEn espera hasta que se arregle el canal: saldrá entonces si es antes del ${deadline} (debía salir el ${dueAt}) · semana 2`,
    );

    // /cohort preview shows, by default, the post /cohort info lists as next: the one on hold.
    const preview = visibleText(await bot.reply(bot.admin.id, "cohort preview", { cohort: "Backend Spring 2027" }));
    expect(preview).toContain("**Preview of week 2 of 12**");
    expect(preview).toContain("so the bot's posts are on hold");

    bot.emulator.setBotChannelPermissions(bot.channel.id, { botCanSend: true });
    await until(() => botCanSend(bot.test, bot.channel.id), "the permission back in the bot's cache");
    await tickAt(bot, "2027-01-11T09:06:00Z");
    await tickAt(bot, "2027-01-11T09:06:30Z");
    expect(bot.emulator.channelMessages(bot.channel.id).some((message) => visibleText(message).startsWith("📚 Week 2 of 12"))).toBe(true);
    const after = await info(bot.admin.id);
    expect(after).not.toContain("On hold");
    expect(after).toContain(`Next weekly post\n${fullTimestamp("2027-01-18T09:00:00Z")}`);
  });
});
