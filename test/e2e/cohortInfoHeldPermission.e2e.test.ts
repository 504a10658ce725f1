import { describe, expect, it } from "vitest";
import { useBotHarness, visibleText } from "../helpers/botHarness.js";
import { channelOnHold } from "../helpers/channelOnHold.js";

// The bot lost Send Messages in the cohort's channel and a post failed there: the posts are on hold. Before the
// failure /cohort info named the one permission missing; after it, the admin must still read which one to give back,
// not a list of three to check.
describe("/cohort info of posts on hold for a missing permission", () => {
  const harness = useBotHarness({ now: new Date("2027-01-05T10:00:00Z") });

  it("names the permission the bot lacks now, in English and Spanish", async () => {
    const { bot } = harness;
    await channelOnHold(bot);

    const info = async (userId: string) => visibleText(await bot.reply(userId, "cohort info", { cohort: "Backend Spring 2027" }));
    const english = await info(bot.admin.id);
    expect(english).toContain(
      `I can't post in <#${bot.channel.id}> any more: I'm missing the **Send Messages** permission there, so the bot's posts are on hold. Give it to me in the channel's settings, or pick another channel with \`/cohort edit channel:\`.`,
    );
    expect(english).not.toContain("View Channel");
    const directora = bot.emulator.createMember(bot.guild.id, { username: "directora", locale: "es-ES", manageGuild: true });
    const spanish = await info(directora.id);
    expect(spanish).toContain(
      `Ya no puedo publicar en <#${bot.channel.id}>: me falta allí el permiso **Enviar mensajes**, así que las publicaciones del bot están en espera. Dámelo en los ajustes del canal, o elige otro canal con \`/cohorte editar canal:\`.`,
    );
    expect(spanish).not.toContain("Ver canal");
  });
});
