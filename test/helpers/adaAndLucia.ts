import type { BotHarness } from "./botHarness.js";

/** The harness's English-speaking member Ada and a Spanish-speaking Lucía (locale es-ES), both joined to `cohortName`. */
export async function adaAndLuciaJoin(bot: BotHarness, cohortName: string): Promise<{ ada: { id: string }; lucia: { id: string } }> {
  const ada = bot.member("ada");
  const lucia = bot.emulator.createMember(bot.guild.id, { username: "lucia", locale: "es-ES" });
  await bot.reply(ada.id, "join", { cohort: cohortName });
  await bot.reply(lucia.id, "join", { cohort: cohortName });
  return { ada, lucia };
}
