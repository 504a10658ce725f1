import { startBotHarness, type BotHarness } from "./botHarness.js";

/** The harness's English-speaking member Ada and a Spanish-speaking Lucía (locale es-ES), both joined to `cohortName`. */
async function adaAndLuciaJoin(bot: BotHarness, cohortName: string): Promise<{ ada: { id: string }; lucia: { id: string } }> {
  const ada = bot.member("ada");
  const lucia = bot.emulator.createMember(bot.guild.id, { username: "lucia", locale: "es-ES" });
  await bot.reply(ada.id, "join", { cohort: cohortName });
  await bot.reply(lucia.id, "join", { cohort: cohortName });
  return { ada, lucia };
}

/** A harness started at `now` with the cohort `name` (first day `start`), Ada and Lucía joined (adaAndLuciaJoin). */
export async function startWithAdaAndLucia(options: {
  readonly now: Date;
  readonly name: string;
  readonly start: string;
}): Promise<{ bot: BotHarness; ada: { id: string }; lucia: { id: string } }> {
  const bot = await startBotHarness({ now: options.now });
  await bot.createCohort({ name: options.name, start: options.start });
  return { bot, ...(await adaAndLuciaJoin(bot, options.name)) };
}
